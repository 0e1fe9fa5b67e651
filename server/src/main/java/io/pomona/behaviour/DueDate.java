package io.pomona.behaviour;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
    return attributes -> attributes.get(name) instanceof String text ? instant(text) : Optional.empty();
  }

  /** An ISO-8601 date-time with an offset, if {@code text} is one. */
  static Optional<Instant> instant(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException notADate) {
      return Optional.empty(); // the caller treats an unreadable date as none
    }
  }
}
