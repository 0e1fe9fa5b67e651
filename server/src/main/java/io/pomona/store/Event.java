package io.pomona.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the event log: something happened to a resource of a team. The engine records
 * {@code RESOURCE_CREATED}, {@code RESOURCE_UPDATED} and {@code RESOURCE_DELETED} for every write;
 * simulated processes record their own state events (e.g. {@code BUILD_PROCESSING_STATE_UPDATED}).
 *
 * @param seq a store-wide number, larger for every later event and never reused: readers page
 *     after the last one they saw
 * @param teamId the team whose resource it is
 * @param at when it happened, on the simulated clock (the transaction's {@link Tx#now()})
 * @param eventType what happened
 * @param resourceType Apple's type of the resource, e.g. {@code builds}
 * @param resourceId the resource's id
 * @param oldState the state before, for state changes and for writes to a type with a state
 * @param newState the state after
 * @param payload further details as a JSON object (String, Number, Boolean, List, Map values)
 */
public record Event(
    long seq,
    String teamId,
    Instant at,
    String eventType,
    String resourceType,
    String resourceId,
    Optional<String> oldState,
    Optional<String> newState,
    Map<String, Object> payload) {

  public Event {
    Objects.requireNonNull(oldState, "oldState");
    Objects.requireNonNull(newState, "newState");
    payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
  }
}
