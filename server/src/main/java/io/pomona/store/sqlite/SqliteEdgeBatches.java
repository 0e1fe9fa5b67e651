package io.pomona.store.sqlite;

import io.pomona.store.Edge;
import io.pomona.store.Relation;
import io.pomona.store.jdbc.EdgeBatches;
import io.pomona.store.jdbc.EdgeSql;
import io.pomona.store.jdbc.Jdbc;
import io.pomona.store.jdbc.Sql;
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

  /**
   * One statement for a whole page of anchors, numbered per anchor by a window over their index
   * range. A prepared statement per anchor was cheap in round trips but not in statement steps: a
   * 50-item page with two includes ran 100 of them, a sixth of the page's CPU (JFR,
   * bench/results.md). Unlike the interface's seek per anchor, the window reads all edges of the
   * anchors; so does the count the engine takes of a to-many include anyway, and a to-one
   * relationship has at most one edge per anchor.
   */
  @Override
  public List<Edge> firstOfEach(
      Jdbc jdbc,
      String anchorColumn,
      String order,
      String teamId,
      Relation relation,
      List<String> anchorIds,
      int limit) {
    List<Edge> edges = new ArrayList<>();
    for (Sql anyAnchor : jdbc.dialect().anyOf(anchorColumn, anchorIds)) {
      Sql sql = limit == 1 ? firstEdge(anchorColumn, order, teamId, relation, anyAnchor)
          : new Sql()
              .add("SELECT " + EdgeSql.COLUMNS + " FROM (SELECT " + EdgeSql.COLUMNS
                  + ", row_number() OVER (PARTITION BY " + anchorColumn + " ORDER BY " + order
                  + ") AS n FROM edges WHERE team_id = ? AND rel = ? AND ", teamId, relation.key())
              .add(anyAnchor)
              .add(") AS numbered WHERE n <= ?", limit)
              .add(" ORDER BY " + anchorColumn + ", " + order);
      edges.addAll(jdbc.list(sql.text(), row -> EdgeSql.edge(row, relation), sql.parameters()));
    }
    return edges;
  }

  /**
   * The first edge of each anchor, for a limit of one (every to-one include): SQLite's
   * {@code min()} aggregate takes the other columns from the row holding the minimum, so one pass
   * over the index range does it without the window's numbering and sort, which made the query
   * about twice as expensive (measured with the sqlite3 shell on the benchmark's data).
   */
  private static Sql firstEdge(String anchorColumn, String order, String teamId, Relation relation, Sql anyAnchor) {
    StringBuilder columns = new StringBuilder();
    for (String column : EdgeSql.COLUMNS.split(", ")) {
      columns.append(columns.isEmpty() ? "" : ", ").append(column.equals(order) ? "min(" + column + ")" : column);
    }
    return new Sql()
        .add("SELECT " + columns + " FROM edges WHERE team_id = ? AND rel = ? AND ", teamId, relation.key())
        .add(anyAnchor)
        .add(" GROUP BY " + anchorColumn);
  }
}
