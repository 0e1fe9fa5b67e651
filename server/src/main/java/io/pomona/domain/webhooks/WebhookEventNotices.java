package io.pomona.domain.webhooks;

import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WebhookNotice;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.domain.webhooks.WebhookTrigger.Backward;
import io.pomona.domain.webhooks.WebhookTrigger.Forward;
import io.pomona.domain.webhooks.WebhookTrigger.Hop;
import io.pomona.store.StoredResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Notices what Apple sends webhooks about ({@link WebhookTriggers}) on every write of the types
 * concerned, whoever makes it (a client, the operator, a simulated process), and records it as an
 * event named by Apple's {@code WebhookEventType} with a {@link WebhookNotice}: the payload's
 * attributes and the app whose webhooks may subscribe. The simulation turns these events into
 * deliveries; recording them in the write's transaction means none is lost or made up.
 *
 * <p>A state event is a change of the watched attribute by an update (not its first value on
 * create); a created event is a create.
 */
public final class WebhookEventNotices implements Behaviour {
  private final Map<String, List<WebhookTrigger>> triggersByType = new LinkedHashMap<>();

  public WebhookEventNotices() {
    for (WebhookTrigger trigger : WebhookTriggers.ALL) {
      triggersByType.computeIfAbsent(trigger.resourceType(), type -> new ArrayList<>()).add(trigger);
    }
  }

  @Override
  public Set<String> resourceTypes() {
    return triggersByType.keySet();
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    for (WebhookTrigger trigger : triggersByType.getOrDefault(ctx.type(), List.of())) {
      if (trigger.state().isPresent()) {
        noticeStateChange(ctx, trigger, trigger.state().get());
      } else if (ctx.kind() == WriteKind.CREATE) {
        record(ctx, trigger, Optional.empty(), Optional.empty(), new LinkedHashMap<>());
      }
    }
  }

  private void noticeStateChange(WriteContext ctx, WebhookTrigger trigger, WebhookTrigger.StateChange change) {
    if (ctx.kind() != WriteKind.UPDATE) {
      return;
    }
    Optional<String> before = ctx.previous().flatMap(previous -> valueAt(previous.attributes(), change.path()));
    Optional<String> after = valueAt(ctx.attributes(), change.path());
    if (after.isEmpty() || after.equals(before)) {
      return;
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    before.ifPresent(value -> attributes.put(change.oldName(), value));
    attributes.put(change.newName(), after.get());
    record(ctx, trigger, before, after, attributes);
  }

  private void record(WriteContext ctx, WebhookTrigger trigger, Optional<String> before, Optional<String> after,
      Map<String, Object> attributes) {
    if (trigger.withTimestamp()) {
      attributes.put("timestamp", AppleDates.format(ctx.now()));
    }
    Optional<String> appId = appOf(ctx.resources(), ctx.type(), ctx.id(), trigger.pathsToApp());
    WebhookNotice notice = WebhookNotice.forApp(appId, attributes, trigger.flatInstance());
    ctx.events().record(trigger.eventType(), before, after, Map.of(WebhookNotice.KEY, notice.toPayload()));
  }

  /** The first app any path reaches, following the relationships as stored now. */
  static Optional<String> appOf(ResourceAccess resources, String type, String id, List<List<Hop>> paths) {
    for (List<Hop> path : paths) {
      Optional<StoredResource> reached = Optional.empty();
      String currentType = type;
      String currentId = id;
      for (Hop hop : path) {
        reached = switch (hop) {
          case Forward forward -> resources.related(currentType, currentId, forward.relationship(), 1).stream()
              .findFirst();
          case Backward backward -> resources.referrers(backward.type(), backward.relationship(), currentId, 1)
              .stream().findFirst();
        };
        if (reached.isEmpty()) {
          break;
        }
        currentType = reached.get().type();
        currentId = reached.get().id();
      }
      if (reached.isPresent() && reached.get().type().equals("apps")) {
        return Optional.of(reached.get().id());
      }
    }
    return Optional.empty();
  }

  /** A string at a path of nested objects ({@code state} then {@code state}), if there is one. */
  static Optional<String> valueAt(Map<String, Object> attributes, List<String> path) {
    Object value = attributes;
    for (String member : path) {
      if (!(value instanceof Map<?, ?> object)) {
        return Optional.empty();
      }
      value = object.get(member);
    }
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }

  @Override
  public String toString() {
    return "WebhookEventNotices" + Objects.toString(triggersByType.keySet());
  }
}
