package io.pomona.behaviour;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a dated {@link Step} falls due, read from the resource's attributes: one date-time attribute
 * (a build's {@code expirationDate}), or a rule over several (the earliest {@code publishStart} of
 * an app event's territory schedules). Empty when the resource names no readable date.
 */
@FunctionalInterface
public interface DueDate {

  Optional<Instant> in(Map<String, Object> attributes);

  /** The date-time in one attribute of the resource. */
  static DueDate attribute(String name) {
    Objects.requireNonNull(name, "name");
    return attributes -> AppleDates.parse(attributes.get(name));
  }
}
