package io.pomona.store;

/**
 * One key of a {@link ResourceQuery}'s order: a top-level attribute, ascending unless {@code
 * descending}. Absent and null values sort first when ascending and last when descending.
 */
public record SortKey(String attribute, boolean descending) {
  public SortKey {
    SafeName.require(attribute, "attribute");
  }

  public static SortKey ascending(String attribute) {
    return new SortKey(attribute, false);
  }

  public static SortKey descending(String attribute) {
    return new SortKey(attribute, true);
  }
}
