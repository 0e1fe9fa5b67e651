package io.pomona.sim.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ids of resources one seeder wrote, by the story's name for them ({@code "pebble"} for an app,
 * {@code "pebble/212"} for a build), for the seeders that link to them.
 */
final class SeededIds {
  private final String kind;
  private final Map<String, String> ids = new LinkedHashMap<>();

  SeededIds(String kind) {
    this.kind = kind;
  }

  void put(String key, String id) {
    if (ids.putIfAbsent(key, id) != null) {
      throw new IllegalStateException("the demo story names two " + kind + " " + key);
    }
  }

  /** The id of a resource the story names; a missing one is a mistake in the story. */
  String id(String key) {
    return find(key).orElseThrow(() -> new IllegalStateException("the demo story names no " + kind + " " + key));
  }

  Optional<String> find(String key) {
    return Optional.ofNullable(ids.get(key));
  }

  /** All ids, in the order they were written. */
  List<String> all() {
    return List.copyOf(ids.values());
  }
}
