package io.pomona.store.jdbc;

/** Checks on the page sizes that callers hand to the store. */
public final class Limits {
  private Limits() {}

  /** A page of nothing is a caller's bug, not a request to answer. */
  public static void requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }
}
