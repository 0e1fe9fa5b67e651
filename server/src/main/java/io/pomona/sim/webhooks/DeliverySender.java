package io.pomona.sim.webhooks;

import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.engine.Engine;
import io.pomona.store.Store;
import io.pomona.store.StoredResource;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one pending delivery and records how it went: {@code SUCCEEDED} or {@code FAILED} with the
 * time, the response (status and the start of the body) or the error, and, after a failure with
 * attempts left in the {@link RetrySchedule}, a new pending delivery of the same event due after
 * the backoff. Nothing is held in a transaction while the POST runs.
 */
final class DeliverySender {
  private final Store store;
  private final Engine engine;
  private final WebhookPoster poster;
  private final RetrySchedule retries;
  private final Clock clock;

  DeliverySender(Store store, Engine engine, WebhookPoster poster, RetrySchedule retries, Clock clock) {
    this.store = store;
    this.engine = engine;
    this.poster = poster;
    this.retries = retries;
    this.clock = clock;
  }

  /** What one attempt needs, read before sending. */
  private record Attempt(StoredResource delivery, Optional<StoredResource> webhook, Optional<StoredResource> event) {}

  /**
   * Sends the delivery if it is still pending.
   *
   * @throws InterruptedException when the worker stops meanwhile; the delivery stays pending
   */
  void send(DeliveryQueue.Entry entry) throws InterruptedException {
    Optional<Attempt> loaded = store.read(tx -> {
      ResourceAccess resources = engine.resources().access(tx, entry.teamId(), Origin.SIMULATION, Map.of());
      return resources.get("webhookDeliveries", entry.deliveryId())
          .filter(delivery -> DeliveryAttributes.isPending(delivery.attributes()))
          .map(delivery -> new Attempt(delivery,
              resources.referrers("webhooks", "deliveries", delivery.id(), 1).stream().findFirst(),
              resources.related("webhookDeliveries", delivery.id(), "event", 1).stream().findFirst()));
    });
    if (loaded.isEmpty()) {
      return; // sent already, or deleted with its webhook
    }
    Attempt attempt = loaded.get();
    Instant sentAt = clock.instant();
    if (attempt.webhook().isEmpty() || attempt.event().isEmpty()) {
      record(entry, attempt, sentAt, PostResult.failed(attempt.webhook().isEmpty()
          ? "The webhook of this delivery was deleted" : "The event of this delivery was deleted"), false);
      return;
    }
    StoredResource webhook = attempt.webhook().get();
    String url = String.valueOf(webhook.attributes().get("url"));
    String secret = webhook.attributes().get("secret") instanceof String text ? text : "";
    String payload = attempt.event().get().attributes().get("payload") instanceof String text ? text : "";
    PostResult result = post(url, payload, secret);
    record(entry, attempt, sentAt, result, true);
  }

  private PostResult post(String url, String payload, String secret) throws InterruptedException {
    URI target;
    try {
      target = new URI(url);
    } catch (URISyntaxException e) {
      return PostResult.failed("The webhook URL cannot be used: " + e.getMessage());
    }
    return poster.post(target, WebhookPayloads.bytes(payload), secret);
  }

  private void record(DeliveryQueue.Entry entry, Attempt attempt, Instant sentAt, PostResult result,
      boolean retryable) {
    store.transaction(tx -> {
      ResourceAccess resources = engine.resources().access(tx, entry.teamId(), Origin.SIMULATION,
          Map.of("webhookDeliveryId", entry.deliveryId()));
      Map<String, Object> changes = new LinkedHashMap<>();
      changes.put("deliveryState", result.succeeded() ? DeliveryAttributes.SUCCEEDED : DeliveryAttributes.FAILED);
      changes.put("sentDate", DeliveryAttributes.date(sentAt));
      attempt.webhook().ifPresent(webhook ->
          changes.put("request", Map.of("url", String.valueOf(webhook.attributes().get("url")))));
      result.error().ifPresent(error -> changes.put("errorMessage", error));
      if (result.status().isPresent()) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("httpStatusCode", result.status().get());
        result.body().ifPresent(body -> response.put("body", body));
        changes.put("response", response);
      }
      resources.update("webhookDeliveries", entry.deliveryId(), changes);
      int number = DeliveryAttributes.attempt(attempt.delivery().attributes());
      Optional<Duration> wait = result.succeeded() || !retryable ? Optional.empty() : retries.delayAfter(number);
      wait.ifPresent(delay -> WebhookDispatcher.createDelivery(resources, attempt.webhook().orElseThrow(),
          attempt.event().orElseThrow().id(), number + 1, sentAt.plus(delay),
          DeliveryAttributes.redelivery(attempt.delivery().attributes()), tx.now()));
      return null;
    });
  }
}
