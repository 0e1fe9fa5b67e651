package io.pomona.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A query over one type's resources of one team: conditions AND-ed, ordered, keyset-paged. The
 * engine builds it from a request's filters, sort and cursor; {@link Tx#query} runs it.
 *
 * <p><b>Order.</b> With sort keys: by each key's value in turn, then by {@code seq} in the
 * direction of the last key (so that one index scan serves a one-key sort either way). Values
 * compare as the database compares JSON scalars: absent and null first when ascending and last when
 * descending (SQLite's natural order; PostgreSQL must say {@code NULLS FIRST/LAST}), then numbers
 * by value, then strings by their UTF-8 bytes (no collation), booleans as the numbers 0 and 1.
 * Without sort keys: by edge position for a forward anchor ({@link Anchor#anchorIsFrom()}), else by
 * {@code seq} ascending (insertion order).
 *
 * <p><b>Paging.</b> {@code after} continues strictly after a position taken from a previous page's
 * {@link ResourcePage#next()}. Since the order ends with a unique tiebreak, paging while other
 * requests insert, delete or update resources (without changing the sort values of the items still
 * to come) neither skips nor repeats an item.
 *
 * <p><b>Teams.</b> Resources are read from {@code teamId}, or from {@link
 * StoredResource#GLOBAL_TEAM} when {@code globalType}; edges are always {@code teamId}'s (a team's
 * link to a global territory is that team's edge).
 *
 * <p>Type and attribute names must be {@link SafeName safe names} (they come from the catalog);
 * every other value is data. A malformed query is a caller bug: {@link IllegalArgumentException}.
 *
 * @param teamId the caller's team
 * @param type the type of the resources to list
 * @param globalType true for reference types stored under {@link StoredResource#GLOBAL_TEAM}
 * @param anchor restricts the list to the resources related to one resource
 * @param conditions all must hold
 * @param sort the order's keys, most significant first; may be empty
 * @param after continue after this position (from the previous page)
 * @param limit the page size, at least 1
 */
public record ResourceQuery(
    String teamId,
    String type,
    boolean globalType,
    Optional<Anchor> anchor,
    List<Condition> conditions,
    List<SortKey> sort,
    Optional<Keyset> after,
    int limit) {

  public ResourceQuery {
    Objects.requireNonNull(teamId, "teamId");
    SafeName.require(type, "type");
    Objects.requireNonNull(anchor, "anchor");
    conditions = List.copyOf(conditions);
    sort = List.copyOf(sort);
    Objects.requireNonNull(after, "after");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    if (anchor.isPresent() && !anchor.get().listedType().equals(type)) {
      throw new IllegalArgumentException(
          "anchor relation "
              + anchor.get().relation().key()
              + " lists "
              + anchor.get().listedType()
              + ", not "
              + type);
    }
    for (Condition condition : conditions) {
      requireOnType(condition, type);
    }
    if (after.isPresent() && after.get().values().size() != sort.size()) {
      throw new IllegalArgumentException(
          "the keyset has "
              + after.get().values().size()
              + " values for "
              + sort.size()
              + " sort keys: it belongs to another query");
    }
  }

  /** The first page of all of a team's resources of one type, in insertion order. */
  public static ResourceQuery all(String teamId, String type, int limit) {
    return new ResourceQuery(
        teamId, type, false, Optional.empty(), List.of(), List.of(), Optional.empty(), limit);
  }

  /** The team whose rows hold the listed resources. */
  public String resourceTeam() {
    return globalType ? StoredResource.GLOBAL_TEAM : teamId;
  }

  /** True if the order is the edge position of a forward anchor rather than {@code seq}. */
  public boolean orderedByEdgePosition() {
    return sort.isEmpty() && anchor.isPresent() && anchor.get().anchorIsFrom();
  }

  public ResourceQuery withConditions(List<Condition> newConditions) {
    return new ResourceQuery(teamId, type, globalType, anchor, newConditions, sort, after, limit);
  }

  public ResourceQuery withAnchor(Anchor newAnchor) {
    return new ResourceQuery(
        teamId, type, globalType, Optional.of(newAnchor), conditions, sort, after, limit);
  }

  public ResourceQuery withSort(List<SortKey> newSort) {
    return new ResourceQuery(teamId, type, globalType, anchor, conditions, newSort, after, limit);
  }

  public ResourceQuery withAfter(Optional<Keyset> newAfter) {
    return new ResourceQuery(teamId, type, globalType, anchor, conditions, sort, newAfter, limit);
  }

  public ResourceQuery withLimit(int newLimit) {
    return new ResourceQuery(teamId, type, globalType, anchor, conditions, sort, after, newLimit);
  }

  private static void requireOnType(Condition condition, String type) {
    String side =
        switch (condition) {
          case Condition.Related related -> end(related.relation(), related.resourceIsFrom());
          case Condition.RelatedExists related -> end(related.relation(), related.resourceIsFrom());
          case Condition.RelatedAttributeIn related ->
              end(related.relation(), related.resourceIsFrom());
          case Condition.IdIn ignored -> type;
          case Condition.AttributeIn ignored -> type;
          case Condition.AttributeContains ignored -> type;
          case Condition.AttributeExists ignored -> type;
        };
    if (!side.equals(type)) {
      throw new IllegalArgumentException(
          "condition " + condition + " is about " + side + ", not " + type);
    }
  }

  private static String end(Relation relation, boolean from) {
    return from ? relation.fromType() : relation.toType();
  }
}
