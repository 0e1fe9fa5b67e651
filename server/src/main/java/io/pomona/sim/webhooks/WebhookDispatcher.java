package io.pomona.sim.webhooks;

import io.pomona.behaviour.EventTypes;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WebhookNotice;
import io.pomona.engine.Engine;
import io.pomona.store.Condition;
import io.pomona.store.Event;
import io.pomona.store.Keyset;
import io.pomona.store.ResourcePage;
import io.pomona.store.ResourceQuery;
import io.pomona.store.StoredResource;
import io.pomona.account.Team;
import io.pomona.store.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads the event log in order and turns it into deliveries. An event carrying a {@link
 * WebhookNotice} becomes one {@code webhookEvents} resource (its payload the exact body to send)
 * and a {@code PENDING} {@code webhookDeliveries} resource for each webhook it goes to, linked to
 * the event and the webhook; the creation of a pending delivery (these, retries, redeliveries)
 * puts it in the worker's queue.
 *
 * <p>Each batch of events and everything it creates commit together with the position reached
 * (the {@value #POSITION} setting), so after a crash or restart the dispatcher continues where it
 * stopped: no event is missed and none makes two deliveries.
 */
final class WebhookDispatcher {
  /** The setting that holds the seq of the last event handled. */
  static final String POSITION = "webhooks.dispatchedEventSeq";

  /** How many events one transaction handles. */
  static final int EVENTS_PER_BATCH = 200;
  private static final int PENDING_PER_PAGE = 500;
  private static final int WEBHOOKS_PER_APP = 1000;

  private final Engine engine;
  private final WebhookPayloads payloads;
  private final String baseUrl;
  private final Set<String> appleEventTypes;
  private final Supplier<UUID> eventIds;

  WebhookDispatcher(Engine engine, WebhookPayloads payloads, String baseUrl, Supplier<UUID> eventIds) {
    this.engine = engine;
    this.payloads = payloads;
    this.baseUrl = baseUrl;
    this.eventIds = eventIds;
    this.appleEventTypes = engine.model().catalog().shape("WebhookEventType")
        .map(shape -> Set.copyOf(shape.enumValues()))
        .orElseThrow(() -> new IllegalStateException("the catalog has no WebhookEventType"));
  }

  /** One batch's outcome: the deliveries that became pending, and whether more events wait. */
  record Batch(List<DeliveryQueue.Entry> pending, boolean more) {}

  /**
   * On first start, begins after the newest event: what happened before webhooks were delivered
   * is history, not news.
   */
  void startPosition(Tx tx) {
    if (tx.setting(POSITION).isEmpty()) {
      long newest = tx.latestEvents(Optional.empty(), 1).stream().mapToLong(Event::seq).findFirst().orElse(0L);
      tx.putSetting(POSITION, Long.toString(newest));
    }
  }

  /** Every pending delivery of every team, for the queue after a start. */
  List<DeliveryQueue.Entry> pendingDeliveries(Tx tx) {
    List<DeliveryQueue.Entry> pending = new ArrayList<>();
    for (Team team : tx.teams()) {
      Optional<Keyset> after = Optional.empty();
      do {
        ResourcePage page = tx.query(new ResourceQuery(team.id(), "webhookDeliveries", false, Optional.empty(),
            List.of(new Condition.AttributeIn("deliveryState", List.of(DeliveryAttributes.PENDING))), List.of(),
            after, PENDING_PER_PAGE));
        for (StoredResource delivery : page.items()) {
          pending.add(entry(delivery, tx.now()));
        }
        after = page.next();
      } while (after.isPresent());
    }
    return pending;
  }

  /** Whether events wait after the stored position (a read, so an idle poll writes nothing). */
  boolean hasNews(Tx tx) {
    return !tx.eventsAfter(position(tx), 1).isEmpty();
  }

  /**
   * Handles the events after the stored position, at most {@code limit}, in the caller's write
   * transaction.
   */
  Batch dispatchNext(Tx tx, int limit) {
    List<Event> events = tx.eventsAfter(position(tx), limit);
    List<DeliveryQueue.Entry> pending = new ArrayList<>();
    for (Event event : events) {
      Optional<WebhookNotice> notice = WebhookNotice.in(event.payload());
      if (notice.isPresent()) {
        deliver(tx, event, notice.get());
      } else if (event.eventType().equals(EventTypes.RESOURCE_CREATED)
          && event.resourceType().equals("webhookDeliveries")) {
        tx.get(event.teamId(), "webhookDeliveries", event.resourceId())
            .filter(delivery -> DeliveryAttributes.isPending(delivery.attributes()))
            .ifPresent(delivery -> pending.add(entry(delivery, tx.now())));
      }
    }
    if (!events.isEmpty()) {
      tx.putSetting(POSITION, Long.toString(events.get(events.size() - 1).seq()));
    }
    return new Batch(pending, events.size() == limit);
  }

  /**
   * Moves the position past the next event without handling it: for an event whose handling
   * fails every time, which would otherwise hold up every later one. Returns its seq.
   */
  Optional<Long> skipNext(Tx tx) {
    Optional<Long> next = tx.eventsAfter(position(tx), 1).stream().map(Event::seq).findFirst();
    next.ifPresent(seq -> tx.putSetting(POSITION, Long.toString(seq)));
    return next;
  }

  private static long position(Tx tx) {
    return tx.setting(POSITION).map(Long::parseLong).orElse(0L);
  }

  private void deliver(Tx tx, Event event, WebhookNotice notice) {
    ResourceAccess resources = engine.resources().access(tx, event.teamId(), Origin.SIMULATION,
        Map.of("webhookEventSeq", event.seq()));
    List<StoredResource> webhooks = notice.webhookId().isPresent()
        ? resources.get("webhooks", notice.webhookId().get()).stream().toList()
        : subscribers(resources, notice.appId(), event.eventType());
    if (webhooks.isEmpty()) {
      return;
    }
    boolean ping = notice.webhookId().isPresent();
    String id = eventIds.get().toString();
    String payload = payloads.render(WebhookPayloads.dataType(event.eventType()), id, notice.attributes(),
        new WebhookPayloads.Instance(event.resourceType(), event.resourceId(),
            baseUrl + engine.model().instancePath(event.resourceType(), event.resourceId()), notice.flatInstance()));
    Map<String, Object> eventAttributes = new LinkedHashMap<>();
    if (appleEventTypes.contains(event.eventType())) {
      eventAttributes.put("eventType", event.eventType());
    }
    eventAttributes.put("payload", payload);
    eventAttributes.put("ping", ping);
    eventAttributes.put("createdDate", DeliveryAttributes.date(tx.now()));
    StoredResource webhookEvent = resources.create("webhookEvents", Optional.of(id), eventAttributes, Map.of());
    for (StoredResource webhook : webhooks) {
      createDelivery(resources, webhook, webhookEvent.id(), 1, tx.now(), false, tx.now());
    }
  }

  /** The enabled webhooks of the app that subscribe to {@code eventType}. */
  private static List<StoredResource> subscribers(ResourceAccess resources, Optional<String> appId,
      String eventType) {
    if (appId.isEmpty()) {
      return List.of();
    }
    return resources.related("apps", appId.get(), "webhooks", WEBHOOKS_PER_APP).stream()
        .filter(webhook -> Boolean.TRUE.equals(webhook.attributes().get("enabled")))
        .filter(webhook -> webhook.attributes().get("eventTypes") instanceof List<?> types
            && types.contains(eventType))
        .toList();
  }

  /**
   * A pending delivery of an event to a webhook, linked to both; its creation event queues it.
   * Retries use this too.
   */
  static StoredResource createDelivery(ResourceAccess resources, StoredResource webhook, String eventId, int attempt,
      Instant due, boolean redelivery, Instant now) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("createdDate", DeliveryAttributes.date(now));
    attributes.put("deliveryState", DeliveryAttributes.PENDING);
    attributes.put("redelivery", redelivery);
    attributes.put("request", Map.of("url", String.valueOf(webhook.attributes().get("url"))));
    attributes.put(DeliveryAttributes.ATTEMPT, attempt);
    attributes.put(DeliveryAttributes.DUE_DATE, DeliveryAttributes.date(due));
    StoredResource delivery = resources.create("webhookDeliveries", Optional.empty(), attributes,
        Map.of("event", List.of(eventId)));
    resources.addLinks("webhooks", webhook.id(), "deliveries", List.of(delivery.id()));
    return delivery;
  }

  private static DeliveryQueue.Entry entry(StoredResource delivery, Instant now) {
    return new DeliveryQueue.Entry(delivery.teamId(), delivery.id(), DeliveryAttributes.due(delivery.attributes(), now));
  }
}
