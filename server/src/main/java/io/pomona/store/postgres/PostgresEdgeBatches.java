package io.pomona.store.postgres;

import io.pomona.store.Edge;
import io.pomona.store.Relation;
import io.pomona.store.jdbc.EdgeBatches;
import io.pomona.store.jdbc.EdgeSql;
import io.pomona.store.jdbc.Jdbc;
import java.util.List;

/** PostgreSQL takes the ids as one array parameter: one statement, one round trip. */
final class PostgresEdgeBatches implements EdgeBatches {
  @Override
  public void insert(
      Jdbc jdbc,
      String teamId,
      Relation relation,
      String fromId,
      List<String> toIds,
      long firstPosition) {
    // WITH ORDINALITY numbers the array's elements from 1.
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
        firstPosition - 1,
        Jdbc.Array.text(toIds));
  }

  /** One statement: its lateral subquery seeks the index once per anchor. */
  @Override
  public List<Edge> firstOfEach(
      Jdbc jdbc,
      String anchorColumn,
      String order,
      String teamId,
      Relation relation,
      List<String> anchorIds,
      int limit) {
    return jdbc.list(
        "SELECT e.rel, e.from_id, e.to_id, e.position"
            + " FROM unnest(?::text[]) AS anchor (id) CROSS JOIN LATERAL ("
            + "SELECT "
            + EdgeSql.COLUMNS
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
        Jdbc.Array.text(anchorIds),
        teamId,
        relation.key(),
        limit);
  }
}
