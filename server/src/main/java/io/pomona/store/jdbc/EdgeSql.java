package io.pomona.store.jdbc;

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
 * as bytes (SQLite's default, PostgreSQL's "C" collation). Positions come from a store-wide
 * counter, so they only grow: a link made later always sorts after earlier ones. Lists of ids go in
 * as the dialect takes them ({@link Dialect#anyOf}, {@link EdgeBatches}).
 */
public final class EdgeSql {
  public static final String COLUMNS = "rel, from_id, to_id, position";

  private final Jdbc jdbc;

  public EdgeSql(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public void add(String teamId, Relation relation, String fromId, List<String> toIds) {
    insert(teamId, relation, fromId, new LinkedHashSet<>(toIds));
  }

  public void remove(String teamId, Relation relation, String fromId, Collection<String> toIds) {
    for (Sql anyTarget : jdbc.dialect().anyOf("to_id", List.copyOf(new LinkedHashSet<>(toIds)))) {
      Sql sql =
          new Sql()
              .add("DELETE FROM edges WHERE team_id = ? AND rel = ? AND from_id = ? AND ",
                  teamId, relation.key(), fromId)
              .add(anyTarget);
      jdbc.update(sql.text(), sql.parameters());
    }
  }


  public void replace(String teamId, Relation relation, String fromId, List<String> toIds) {
    jdbc.update(
        "DELETE FROM edges WHERE team_id = ? AND rel = ? AND from_id = ?",
        teamId,
        relation.key(),
        fromId);
    insert(teamId, relation, fromId, new LinkedHashSet<>(toIds));
  }

  public Page<Edge> targets(
      String teamId, Relation relation, String fromId, Optional<Long> afterPosition, int limit) {
    Limits.requirePositive(limit);
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

  public Page<Edge> sources(
      String teamId, Relation relation, String toId, Optional<String> afterFromId, int limit) {
    Limits.requirePositive(limit);
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

  public long countTargets(String teamId, Relation relation, String fromId) {
    return jdbc.number(
        "SELECT count(*) FROM edges WHERE team_id = ? AND rel = ? AND from_id = ?",
        teamId,
        relation.key(),
        fromId);
  }

  public long countSources(String teamId, Relation relation, String toId) {
    return jdbc.number(
        "SELECT count(*) FROM edges WHERE team_id = ? AND rel = ? AND to_id = ?",
        teamId,
        relation.key(),
        toId);
  }

  public Map<String, List<Edge>> targetsOfEach(
      String teamId, Relation relation, Collection<String> fromIds, int limitPerFrom) {
    return firstOfEach("from_id", "position", teamId, relation, fromIds, limitPerFrom);
  }

  public Map<String, List<Edge>> sourcesOfEach(
      String teamId, Relation relation, Collection<String> toIds, int limitPerTo) {
    return firstOfEach("to_id", "from_id", teamId, relation, toIds, limitPerTo);
  }

  public Map<String, Long> countTargetsOfEach(
      String teamId, Relation relation, Collection<String> fromIds) {
    return countEach("from_id", teamId, relation, fromIds);
  }

  public Map<String, Long> countSourcesOfEach(String teamId, Relation relation, Collection<String> toIds) {
    return countEach("to_id", teamId, relation, toIds);
  }

  public int deleteTouching(String teamId, String type, String id) {
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
    jdbc.dialect()
        .edgeBatches()
        .insert(jdbc, teamId, relation, fromId, List.copyOf(toIds), last - toIds.size() + 1);
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
    Limits.requirePositive(limit);
    Map<String, List<Edge>> byAnchor = new LinkedHashMap<>();
    for (String anchor : anchorIds) {
      byAnchor.put(anchor, new ArrayList<>());
    }
    if (!byAnchor.isEmpty()) {
      List<Edge> edges =
          jdbc.dialect()
              .edgeBatches()
              .firstOfEach(
                  jdbc,
                  anchorColumn,
                  order,
                  teamId,
                  relation,
                  List.copyOf(byAnchor.keySet()),
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
    for (Sql anyAnchor : jdbc.dialect().anyOf(column, List.copyOf(counts.keySet()))) {
      Sql sql =
          new Sql()
              .add("SELECT " + column + ", count(*) FROM edges WHERE team_id = ? AND rel = ? AND ",
                  teamId, relation.key())
              .add(anyAnchor)
              .add(" GROUP BY " + column);
      for (Map.Entry<String, Long> count :
          jdbc.list(
              sql.text(), row -> Map.entry(row.getString(1), row.getLong(2)), sql.parameters())) {
        counts.put(count.getKey(), count.getValue());
      }
    }
    return Collections.unmodifiableMap(counts);
  }

  private static Page<Edge> page(List<Edge> rows, int limit, long total) {
    boolean hasMore = rows.size() > limit;
    return new Page<>(hasMore ? rows.subList(0, limit) : rows, total, hasMore);
  }

  /**
   * A row that starts with {@link #COLUMNS}. By position: the driver's lookup by name (a map per
   * result set, a case-insensitive search) was a visible part of reading a page's edges (JFR).
   */
  public static Edge edge(ResultSet row) throws SQLException {
    return new Edge(row.getString(1), row.getString(2), row.getString(3), row.getLong(4));
  }

  /** The same, for a statement that selected on {@code relation}: its key is not decoded per row. */
  public static Edge edge(ResultSet row, Relation relation) throws SQLException {
    return new Edge(relation.key(), row.getString(2), row.getString(3), row.getLong(4));
  }
}
