package io.pomona.domain.webhooks;

import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.WebhookNotice;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/webhookPings} with a {@code webhook}: a test event for that webhook alone,
 * whether it is enabled and whatever it subscribes to (api-facts.md §13: a {@code webhookEvents}
 * with {@code ping: true}, payload type {@code webhookPingCreated}). The ping is recorded as a
 * {@link WebhookNotice} event on the ping; the simulation delivers it at once.
 */
public final class WebhookPings implements Behaviour {

  @Override
  public Set<String> resourceTypes() {
    return Set.of("webhookPings");
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE) {
      return;
    }
    // The catalog requires the relationship and the engine checked that the webhook exists.
    ctx.relationships().getOrDefault("webhook", List.of()).stream().findFirst().ifPresent(webhookId -> {
      WebhookNotice notice = WebhookNotice.forWebhook(webhookId, Map.of("timestamp", AppleDates.format(ctx.now())));
      ctx.events().record(WebhookNotice.PING_EVENT_TYPE, Optional.empty(), Optional.empty(),
          Map.of(WebhookNotice.KEY, notice.toPayload()));
    });
  }
}
