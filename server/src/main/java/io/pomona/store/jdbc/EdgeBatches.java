package io.pomona.store.jdbc;

import io.pomona.store.Edge;
import io.pomona.store.Relation;
import java.util.List;

/**
 * The edge operations that touch many rows at once, which each database does its own way: SQLite
 * runs one prepared statement per row (cheap in process), PostgreSQL one statement over an array
 * (one round trip).
 */
public interface EdgeBatches {
  /**
   * Links {@code fromId} to each of {@code toIds} (distinct), at positions {@code firstPosition},
   * {@code firstPosition + 1}, ... in the given order; an id already linked keeps its place.
   */
  void insert(
      Jdbc jdbc, String teamId, Relation relation, String fromId, List<String> toIds,
      long firstPosition);

  /**
   * The first {@code limit} edges, ordered by {@code order}, of each anchor id (distinct), which
   * sits in {@code anchorColumn}: one index seek per anchor that stops after {@code limit} rows, so
   * the cost follows the rows returned, not the anchors' edge counts (a window function over all
   * their edges could not stop early). The edges of all anchors, in any order.
   */
  List<Edge> firstOfEach(
      Jdbc jdbc, String anchorColumn, String order, String teamId, Relation relation,
      List<String> anchorIds, int limit);
}
