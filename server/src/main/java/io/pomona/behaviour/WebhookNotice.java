package io.pomona.behaviour;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of an event's payload that asks for webhook deliveries: the contract between the
 * behaviours that notice what Apple would notify (domain code) and the simulation that delivers it.
 * An event carries one under {@link #KEY}; its event type is Apple's {@code WebhookEventType} (or
 * {@code WEBHOOK_PING_CREATED} for a ping), its resource the payload's {@code instance}.
 *
 * @param appId the app whose webhooks subscribe to it; empty when addressed to one webhook
 * @param webhookId the one webhook it goes to (a ping), whatever that webhook subscribes to
 * @param attributes the payload's {@code attributes}, in order (String, Number, Boolean values)
 * @param flatInstance whether {@code instance} holds {@code type}, {@code id} and {@code links}
 *     directly instead of under {@code data}
 */
public record WebhookNotice(
    Optional<String> appId, Optional<String> webhookId, Map<String, Object> attributes, boolean flatInstance) {

  /** The member of an event's payload that holds the notice. */
  public static final String KEY = "webhook";

  /** The event type of a ping (Pomona's name; Apple's payload type is {@code webhookPingCreated}). */
  public static final String PING_EVENT_TYPE = "WEBHOOK_PING_CREATED";

  public WebhookNotice {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(webhookId, "webhookId");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** A notice for the webhooks of an app that subscribe to the event's type. */
  public static WebhookNotice forApp(Optional<String> appId, Map<String, Object> attributes, boolean flatInstance) {
    return new WebhookNotice(appId, Optional.empty(), attributes, flatInstance);
  }

  /** A notice for one webhook (a ping). */
  public static WebhookNotice forWebhook(String webhookId, Map<String, Object> attributes) {
    return new WebhookNotice(Optional.empty(), Optional.of(webhookId), attributes, false);
  }

  /** The notice as a payload member value: plain maps, as events store them. */
  public Map<String, Object> toPayload() {
    Map<String, Object> value = new LinkedHashMap<>();
    appId.ifPresent(id -> value.put("appId", id));
    webhookId.ifPresent(id -> value.put("webhookId", id));
    value.put("attributes", attributes);
    value.put("flatInstance", flatInstance);
    return value;
  }

  /** The notice an event's payload carries, if it carries one. */
  public static Optional<WebhookNotice> in(Map<String, Object> payload) {
    if (!(payload.get(KEY) instanceof Map<?, ?> value)) {
      return Optional.empty();
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (value.get("attributes") instanceof Map<?, ?> stored) {
      stored.forEach((name, attribute) -> attributes.put(String.valueOf(name), attribute));
    }
    return Optional.of(new WebhookNotice(text(value.get("appId")), text(value.get("webhookId")), attributes,
        Boolean.TRUE.equals(value.get("flatInstance"))));
  }

  private static Optional<String> text(Object value) {
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }
}
