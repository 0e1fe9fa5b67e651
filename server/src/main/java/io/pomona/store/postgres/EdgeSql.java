package io.pomona.store.postgres;

import io.pomona.store.Edge;
import io.pomona.store.Page;
import io.pomona.store.Relation;
import io.pomona.store.StoreException;
import io.pomona.store.StoredResource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL for relationship edges. Targets page by position on {@code (team_id, rel, from_id,
 * position)}; sources page by source id on {@code (team_id, rel, to_id, from_id)}, ids comparing
 * as bytes (the columns' "C" collation). Positions come from a store-wide counter, so they only
 * grow: a link made later always sorts after earlier ones. Lists of ids go in as one array
 * parameter, so each operation is one statement whatever the number of ids.
 */
final class EdgeSql {
  private static final String COLUMNS = "rel, from_id, to_id, position";

  private final Jdbc jdbc;

  EdgeSql(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  void add(String teamId, Relation relation, String fromId, List<String> toIds) {
    insert(teamId, relation, fromId, new LinkedHashSet<>(toIds));
  }

  void remove(String teamId, Relation relation, String fromId, Collection<String> toIds) {
    if (toIds.isEmpty()) {
      return;
    }
    jdbc.update(
        "DELETE FROM edges WHERE team_id = ? AND rel = ? AND from_id = ? AND to_id = ANY(?)",
        teamId,
        relation.key(),
        fromId,
        Jdbc.Array.text(new LinkedHashSet<>(toIds)));
  }

  void replace(String teamId, Relation relation, String fromId, List<String> toIds) {
    jdbc.update(
        "DELETE FROM edges WHERE team_id = ? AND rel = ? AND from_id = ?",
        teamId,
        relation.key(),
        fromId);
    insert(teamId, relation, fromId, new LinkedHashSet<>(toIds));
  }

  Page<Edge> targets(
      String teamId, Relation relation, String fromId, Optional<Long> afterPosition, int limit) {
    ResourceSql.requirePositive(limit);
    List<Edge> rows =
        jdbc.list(
            "SELECT "
                + COLUMNS
                + " FROM edges"
                + " WHERE team_id = ? AND rel = ? AND from_id = ? AND position > ?"
                + " ORDER BY position LIMIT ?",
            EdgeSql::edge,
            teamId,
            relation.key(),
            fromId,
            afterPosition.orElse(-1L),
            limit + 1);
    return page(rows, limit, countTargets(teamId, relation, fromId));
  }

  Page<Edge> sources(
      String teamId, Relation relation, String toId, Optional<String> afterFromId, int limit) {
    ResourceSql.requirePositive(limit);
    String select = "SELECT " + COLUMNS + " FROM edges WHERE team_id = ? AND rel = ? AND to_id = ?";
    List<Edge> rows =
        afterFromId.isEmpty()
            ? jdbc.list(
                select + " ORDER BY from_id LIMIT ?",
                EdgeSql::edge,
                teamId,
                relation.key(),
                toId,
                limit + 1)
            : jdbc.list(
                select + " AND from_id > ? ORDER BY from_id LIMIT ?",
                EdgeSql::edge,
                teamId,
                relation.key(),
                toId,
                afterFromId.get(),
                limit + 1);
    return page(rows, limit, countSources(teamId, relation, toId));
  }

  long countTargets(String teamId, Relation relation, String fromId) {
    return jdbc.number(
        "SELECT count(*) FROM edges WHERE team_id = ? AND rel = ? AND from_id = ?",
        teamId,
        relation.key(),
        fromId);
  }

  long countSources(String teamId, Relation relation, String toId) {
    return jdbc.number(
        "SELECT count(*) FROM edges WHERE team_id = ? AND rel = ? AND to_id = ?",
        teamId,
        relation.key(),
        toId);
  }

  Map<String, List<Edge>> targetsOfEach(
      String teamId, Relation relation, Collection<String> fromIds, int limitPerFrom) {
    return firstOfEach("from_id", "position", teamId, relation, fromIds, limitPerFrom);
  }

  Map<String, List<Edge>> sourcesOfEach(
      String teamId, Relation relation, Collection<String> toIds, int limitPerTo) {
    return firstOfEach("to_id", "from_id", teamId, relation, toIds, limitPerTo);
  }

  Map<String, Long> countTargetsOfEach(
      String teamId, Relation relation, Collection<String> fromIds) {
    return countEach("from_id", teamId, relation, fromIds);
  }

  Map<String, Long> countSourcesOfEach(String teamId, Relation relation, Collection<String> toIds) {
    return countEach("to_id", teamId, relation, toIds);
  }

  int deleteTouching(String teamId, String type, String id) {
    if (teamId.equals(StoredResource.GLOBAL_TEAM)) {
      // Every team may link to global reference data.
      return jdbc.update("DELETE FROM edges WHERE from_type = ? AND from_id = ?", type, id)
          + jdbc.update("DELETE FROM edges WHERE to_type = ? AND to_id = ?", type, id);
    }
    return jdbc.update(
            "DELETE FROM edges WHERE from_type = ? AND from_id = ? AND team_id = ?",
            type,
            id,
            teamId)
        + jdbc.update(
            "DELETE FROM edges WHERE to_type = ? AND to_id = ? AND team_id = ?", type, id, teamId);
  }

  /** Links in the given order, at positions after every position handed out before. */
  private void insert(String teamId, Relation relation, String fromId, Collection<String> toIds) {
    if (toIds.isEmpty()) {
      return;
    }
    long last =
        jdbc.one(
                "UPDATE counters SET value = value + ? WHERE name = 'edge_position'"
                    + " RETURNING value",
                row -> row.getLong(1),
                toIds.size())
            .orElseThrow(() -> new StoreException("the edge_position counter is missing", null));
    // An id already linked keeps its place; skipping it leaves a gap in positions, which paging
    // by "position greater than" does not mind.
    jdbc.update(
        "INSERT INTO edges (team_id, rel, from_type, from_id, to_type, to_id, position)"
            + " SELECT ?, ?, ?, ?, ?, target.id, ? + target.n"
            + " FROM unnest(?::text[]) WITH ORDINALITY AS target (id, n)"
            + " ON CONFLICT DO NOTHING",
        teamId,
        relation.key(),
        relation.fromType(),
        fromId,
        relation.toType(),
        last - toIds.size(),
        Jdbc.Array.text(toIds));
  }

  /**
   * The first {@code limit} edges, in {@code order}, of each anchor id (which sits in {@code
   * anchorColumn}): one statement, whose lateral subquery seeks the index once per anchor and
   * stops after {@code limit} rows, so the cost follows the rows returned, not the anchors' edge
   * counts.
   */
  private Map<String, List<Edge>> firstOfEach(
      String anchorColumn,
      String order,
      String teamId,
      Relation relation,
      Collection<String> anchorIds,
      int limit) {
    ResourceSql.requirePositive(limit);
    Map<String, List<Edge>> byAnchor = new LinkedHashMap<>();
    for (String anchor : anchorIds) {
      byAnchor.put(anchor, new ArrayList<>());
    }
    if (!byAnchor.isEmpty()) {
      List<Edge> edges =
          jdbc.list(
              "SELECT e.rel, e.from_id, e.to_id, e.position"
                  + " FROM unnest(?::text[]) AS anchor (id) CROSS JOIN LATERAL ("
                  + "SELECT "
                  + COLUMNS
                  + " FROM edges WHERE team_id = ? AND rel = ? AND "
                  + anchorColumn
                  + " = anchor.id ORDER BY "
                  + order
                  + " LIMIT ?) AS e"
                  + " ORDER BY e."
                  + anchorColumn
                  + ", e."
                  + order,
              EdgeSql::edge,
              Jdbc.Array.text(byAnchor.keySet()),
              teamId,
              relation.key(),
              limit);
      boolean byFrom = anchorColumn.equals("from_id");
      for (Edge edge : edges) {
        byAnchor.get(byFrom ? edge.fromId() : edge.toId()).add(edge);
      }
    }
    Map<String, List<Edge>> result = new LinkedHashMap<>();
    byAnchor.forEach((anchor, edges) -> result.put(anchor, List.copyOf(edges)));
    return Collections.unmodifiableMap(result);
  }

  /** Counts the edges of each anchor id, which sits in {@code column}: one read of the index. */
  private Map<String, Long> countEach(
      String column, String teamId, Relation relation, Collection<String> anchorIds) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String anchor : anchorIds) {
      counts.put(anchor, 0L);
    }
    if (!counts.isEmpty()) {
      for (Map.Entry<String, Long> count :
          jdbc.list(
              "SELECT "
                  + column
                  + ", count(*) FROM edges WHERE team_id = ? AND rel = ? AND "
                  + column
                  + " = ANY(?) GROUP BY "
                  + column,
              row -> Map.entry(row.getString(1), row.getLong(2)),
              teamId,
              relation.key(),
              Jdbc.Array.text(counts.keySet()))) {
        counts.put(count.getKey(), count.getValue());
      }
    }
    return Collections.unmodifiableMap(counts);
  }

  private static Page<Edge> page(List<Edge> rows, int limit, long total) {
    boolean hasMore = rows.size() > limit;
    return new Page<>(hasMore ? rows.subList(0, limit) : rows, total, hasMore);
  }

  private static Edge edge(ResultSet row) throws SQLException {
    return new Edge(
        row.getString("rel"),
        row.getString("from_id"),
        row.getString("to_id"),
        row.getLong("position"));
  }
}
