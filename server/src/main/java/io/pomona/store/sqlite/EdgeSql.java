package io.pomona.store.sqlite;

import io.pomona.store.jdbc.Limits;
import io.pomona.store.jdbc.Jdbc;
import io.pomona.store.jdbc.Sql;
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
 * position)}; sources page by source id on {@code (team_id, rel, to_id, from_id)}. Positions come
 * from a store-wide counter, so they only grow: a link made later always sorts after earlier ones.
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
    List<Object[]> rows = new ArrayList<>();
    for (String toId : new LinkedHashSet<>(toIds)) {
      rows.add(new Object[] {teamId, relation.key(), fromId, toId});
    }
    jdbc.batch(
        "DELETE FROM edges WHERE team_id = ? AND rel = ? AND from_id = ? AND to_id = ?", rows);
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

  Page<Edge> sources(
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
    return firstOfEach(
        "SELECT " + COLUMNS + " FROM edges WHERE team_id = ? AND rel = ? AND from_id = ?"
            + " ORDER BY position LIMIT ?",
        teamId,
        relation,
        fromIds,
        limitPerFrom);
  }

  Map<String, List<Edge>> sourcesOfEach(
      String teamId, Relation relation, Collection<String> toIds, int limitPerTo) {
    return firstOfEach(
        "SELECT " + COLUMNS + " FROM edges WHERE team_id = ? AND rel = ? AND to_id = ?"
            + " ORDER BY from_id LIMIT ?",
        teamId,
        relation,
        toIds,
        limitPerTo);
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
                "UPDATE counters SET value = value + ? WHERE name = 'edge_position' RETURNING"
                    + " value",
                row -> row.getLong(1),
                toIds.size())
            .orElseThrow(() -> new StoreException("the edge_position counter is missing", null));
    long position = last - toIds.size() + 1;
    List<Object[]> rows = new ArrayList<>();
    for (String toId : toIds) {
      rows.add(
          new Object[] {
            teamId, relation.key(), relation.fromType(), fromId, relation.toType(), toId, position++
          });
    }
    // An id already linked keeps its place; skipping it leaves a gap in positions, which paging
    // by "position greater than" does not mind.
    jdbc.batch(
        "INSERT INTO edges (team_id, rel, from_type, from_id, to_type, to_id, position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        rows);
  }

  /**
   * The first {@code limit} rows of {@code sql} for each anchor id: one index seek per anchor on
   * one prepared statement, so the cost follows the rows returned, not the anchors' edge counts
   * (a window function over all their edges could not stop early).
   */
  private Map<String, List<Edge>> firstOfEach(
      String sql, String teamId, Relation relation, Collection<String> anchorIds, int limit) {
    Limits.requirePositive(limit);
    List<String> anchors = List.copyOf(new LinkedHashSet<>(anchorIds));
    List<Object[]> parameterLists = new ArrayList<>();
    for (String anchor : anchors) {
      parameterLists.add(new Object[] {teamId, relation.key(), anchor, limit});
    }
    List<List<Edge>> results = jdbc.listEach(sql, EdgeSql::edge, parameterLists);
    Map<String, List<Edge>> byAnchor = new LinkedHashMap<>();
    for (int i = 0; i < anchors.size(); i++) {
      byAnchor.put(anchors.get(i), List.copyOf(results.get(i)));
    }
    return Collections.unmodifiableMap(byAnchor);
  }

  /** Counts the edges of each anchor id, which sits in {@code column}: one read of the index. */
  private Map<String, Long> countEach(
      String column, String teamId, Relation relation, Collection<String> anchorIds) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String anchor : anchorIds) {
      counts.put(anchor, 0L);
    }
    for (List<String> chunk : Chunks.of(List.copyOf(counts.keySet()))) {
      Sql sql =
          new Sql()
              .add("SELECT " + column + ", count(*) FROM edges WHERE team_id = ? AND rel = ?",
                  teamId, relation.key())
              .add(" AND " + column + " IN (")
              .placeholders(chunk)
              .add(") GROUP BY " + column);
      for (Map.Entry<String, Long> count :
          jdbc.list(sql.text(), row -> Map.entry(row.getString(1), row.getLong(2)),
              sql.parameters())) {
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
