package io.pomona.store.sqlite;

import io.pomona.store.Edge;
import io.pomona.store.Relation;
import io.pomona.store.jdbc.EdgeBatches;
import io.pomona.store.jdbc.EdgeSql;
import io.pomona.store.jdbc.Jdbc;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite runs in process, so one prepared statement run once per row costs no round trips, and its
 * text stays the same whatever the number of rows (one entry in the statement cache).
 */
final class SqliteEdgeBatches implements EdgeBatches {
  @Override
  public void insert(
      Jdbc jdbc,
      String teamId,
      Relation relation,
      String fromId,
      List<String> toIds,
      long firstPosition) {
    long position = firstPosition;
    List<Object[]> rows = new ArrayList<>();
    for (String toId : toIds) {
      rows.add(
          new Object[] {
            teamId, relation.key(), relation.fromType(), fromId, relation.toType(), toId, position++
          });
    }
    jdbc.batch(
        "INSERT INTO edges (team_id, rel, from_type, from_id, to_type, to_id, position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        rows);
  }

  @Override
  public List<Edge> firstOfEach(
      Jdbc jdbc,
      String anchorColumn,
      String order,
      String teamId,
      Relation relation,
      List<String> anchorIds,
      int limit) {
    List<Object[]> parameterLists = new ArrayList<>();
    for (String anchor : anchorIds) {
      parameterLists.add(new Object[] {teamId, relation.key(), anchor, limit});
    }
    List<Edge> edges = new ArrayList<>();
    jdbc.listEach(
            "SELECT " + EdgeSql.COLUMNS + " FROM edges WHERE team_id = ? AND rel = ? AND "
                + anchorColumn + " = ? ORDER BY " + order + " LIMIT ?",
            EdgeSql::edge,
            parameterLists)
        .forEach(edges::addAll);
    return edges;
  }
}
