package io.pomona.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource as stored, whatever its type: the store knows nothing of attribute meanings.
 *
 * @param teamId the owning team, or {@link #GLOBAL_TEAM} for reference data shared by all teams
 * @param type Apple's resource type, e.g. {@code apps}
 * @param id the resource id, unique within (team, type)
 * @param attributes the attributes as Jackson maps them: String, Number, Boolean, List, Map or null
 *     values; the order of keys is kept
 * @param createdAt when it was inserted (millisecond precision)
 * @param updatedAt when its attributes were last replaced (millisecond precision)
 * @param version 1 on insert, one more on every update
 * @param seq a store-wide insertion number: larger for every later insert, never reused, never
 *     changed by an update; lists are ordered by it and page after it
 */
public record StoredResource(
    String teamId,
    String type,
    String id,
    Map<String, Object> attributes,
    Instant createdAt,
    Instant updatedAt,
    long version,
    long seq) {

  /**
   * The team id of global reference data (territories, app categories, ...) that every team reads.
   * No real team can have it: real team ids are 10 letters and digits.
   */
  public static final String GLOBAL_TEAM = "*";

  public StoredResource {
    // LinkedHashMap, not Map.copyOf: attribute values may be null and key order is kept. Frozen
    // attributes (the store's parsed, shared ones) are unmodifiable already.
    attributes = attributes instanceof FrozenAttributes
        ? attributes
        : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}
