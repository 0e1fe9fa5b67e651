package io.pomona.store.sqlite;

import java.util.ArrayList;
import java.util.List;

/** Splits long IN lists, so that no statement comes near SQLite's limit on bound parameters. */
final class Chunks {
  static final int SIZE = 500;

  private Chunks() {}

  static <T> List<List<T>> of(List<T> values) {
    List<List<T>> chunks = new ArrayList<>();
    for (int start = 0; start < values.size(); start += SIZE) {
      chunks.add(values.subList(start, Math.min(values.size(), start + SIZE)));
    }
    return chunks;
  }
}
