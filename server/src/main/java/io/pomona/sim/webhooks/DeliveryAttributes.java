package io.pomona.sim.webhooks;

import io.pomona.behaviour.AppleDates;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The stored attributes of a {@code webhookDeliveries} resource: Apple's ({@code createdDate},
 * {@code sentDate}, {@code deliveryState}, {@code errorMessage}, {@code redelivery}, {@code
 * request}, {@code response}) and two of the worker's own, which no response shows because the
 * {@code WebhookDelivery} schema does not name them (the engine renders schema attributes only):
 * {@value #ATTEMPT} (1 for the first attempt) and {@value #DUE_DATE} (when to send it, on the
 * simulated clock). A pending delivery without them is a first attempt due at once (a redelivery
 * made by a client).
 */
final class DeliveryAttributes {
  static final String ATTEMPT = "pomonaAttempt";
  static final String DUE_DATE = "pomonaDueDate";

  static final String PENDING = "PENDING";
  static final String SUCCEEDED = "SUCCEEDED";
  static final String FAILED = "FAILED";

  private DeliveryAttributes() {}

  /** Dates as Apple writes them (api-facts.md §14): ISO 8601, milliseconds, {@code Z}. */
  static String date(Instant instant) {
    return AppleDates.format(instant);
  }

  static boolean isPending(Map<String, Object> attributes) {
    return PENDING.equals(attributes.get("deliveryState"));
  }

  static int attempt(Map<String, Object> attributes) {
    return attributes.get(ATTEMPT) instanceof Number number ? Math.max(1, number.intValue()) : 1;
  }

  /** When a pending delivery is due: its due date, else (no date, or one we cannot read) at once. */
  static Instant due(Map<String, Object> attributes, Instant now) {
    if (attributes.get(DUE_DATE) instanceof String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        return now; // an unreadable date (hand-edited import) must not strand the delivery
      }
    }
    return now;
  }

  static boolean redelivery(Map<String, Object> attributes) {
    return Boolean.TRUE.equals(attributes.get("redelivery"));
  }

  static Optional<String> string(Map<String, Object> attributes, String name) {
    return attributes.get(name) instanceof String text ? Optional.of(text) : Optional.empty();
  }
}
