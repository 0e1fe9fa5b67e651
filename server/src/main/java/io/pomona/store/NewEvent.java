package io.pomona.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An event to append with {@link Tx#appendEvent}: an {@link Event} before the store gives it its
 * {@code seq} and time.
 */
public record NewEvent(
    String teamId,
    String eventType,
    String resourceType,
    String resourceId,
    Optional<String> oldState,
    Optional<String> newState,
    Map<String, Object> payload) {

  public NewEvent {
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(oldState, "oldState");
    Objects.requireNonNull(newState, "newState");
    payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
  }
}
