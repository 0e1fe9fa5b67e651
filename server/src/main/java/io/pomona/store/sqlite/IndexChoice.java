package io.pomona.store.sqlite;

import io.pomona.store.Condition;
import io.pomona.store.IndexSpec;
import io.pomona.store.ResourceQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Names the attribute index a statement must use ({@code INDEXED BY}). SQLite plans without
 * statistics here, and its guesses go wrong in ways that turn a seek into a walk of the type: with
 * no numbers to tell them apart, the type's seq index (two equalities) looks as good as an
 * attribute index (one equality and the seq), or better than one probed for several values. The
 * store knows which reading is right from the shape of the query and, for {@link QuerySql.Plan},
 * from the count of matches, so it says so.
 */
final class IndexChoice {
  private final IndexSql indexes;

  IndexChoice(IndexSql indexes) {
    this.indexes = indexes;
  }

  /**
   * For a page that walks the order: the index of the first sort key; without sort keys, the index
   * of an attribute held to one value (one value, or no value), whose entries of that value are in
   * seq order. None when ids or edges select the rows: their seq list already comes in order.
   */
  Optional<String> forOrder(ResourceQuery query) {
    if (query.orderedByEdgePosition()) {
      return Optional.empty();
    }
    if (!query.sort().isEmpty()) {
      return existing(query, query.sort().get(0).attribute());
    }
    if (selectedByIdsOrEdges(query)) {
      return Optional.empty();
    }
    for (Condition condition : query.conditions()) {
      Optional<String> single =
          switch (condition) {
            case Condition.AttributeIn in when in.values().size() == 1 ->
                existing(query, in.attribute());
            case Condition.AttributeExists exists when !exists.exists() ->
                existing(query, exists.attribute());
            default -> Optional.empty();
          };
      if (single.isPresent()) {
        return single;
      }
    }
    return Optional.empty();
  }

  /**
   * For reading every match (the count, or a page that sorts the matches): the index of the
   * attribute condition with the fewest values, which never reads more rows than the type's seq
   * index. None when ids or edges select the rows: their seq list is the cheapest way in, and
   * SQLite sees that.
   */
  Optional<String> forMatches(ResourceQuery query) {
    if (selectedByIdsOrEdges(query)) {
      return Optional.empty();
    }
    List<Condition.AttributeIn> candidates = new ArrayList<>();
    for (Condition condition : query.conditions()) {
      if (condition instanceof Condition.AttributeIn in && !in.values().isEmpty()) {
        candidates.add(in);
      }
    }
    candidates.sort(Comparator.comparingInt(in -> in.values().size()));
    for (Condition.AttributeIn in : candidates) {
      Optional<String> index = existing(query, in.attribute());
      if (index.isPresent()) {
        return index;
      }
    }
    return Optional.empty();
  }

  private static boolean selectedByIdsOrEdges(ResourceQuery query) {
    return query.anchor().isPresent()
        || query.conditions().stream()
            .anyMatch(
                condition ->
                    condition instanceof Condition.IdIn
                        || condition instanceof Condition.Related
                        || condition instanceof Condition.RelatedAttributeIn);
  }

  private Optional<String> existing(ResourceQuery query, String attribute) {
    IndexSpec spec = new IndexSpec(query.type(), attribute);
    return indexes.exists(spec) ? Optional.of(IndexSql.name(spec)) : Optional.empty();
  }
}
