package io.pomona.domain.webhooks;

import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/webhookDeliveries} with a {@code template} delivery redelivers its event: a new
 * delivery of the same event to the same webhook (at its current URL), {@code redelivery: true},
 * {@code PENDING} until the simulation sends it (api-facts.md §13, Inf). Deliveries the simulation
 * creates itself carry no template and pass through untouched.
 */
public final class WebhookRedeliveries implements Behaviour {
  private static final String TEMPLATE = "template";
  private static final String POINTER = "/data/relationships/template";

  @Override
  public Set<String> resourceTypes() {
    return Set.of("webhookDeliveries");
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    Optional<String> template = template(ctx);
    if (template.isEmpty()) {
      return;
    }
    StoredResource webhook = webhookOf(ctx.resources(), template.get());
    ctx.set("createdDate", AppleDates.format(ctx.now()));
    ctx.set("deliveryState", "PENDING");
    ctx.set("redelivery", true);
    ctx.set("request", Map.of("url", String.valueOf(webhook.attributes().get("url"))));
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    Optional<String> template = template(ctx);
    if (template.isEmpty()) {
      return;
    }
    ResourceAccess resources = ctx.resources();
    StoredResource webhook = webhookOf(resources, template.get());
    resources.related("webhookDeliveries", template.get(), "event", 1).stream().findFirst()
        .ifPresent(event -> resources.link("webhookDeliveries", ctx.id(), "event", List.of(event.id())));
    resources.addLinks("webhooks", webhook.id(), "deliveries", List.of(ctx.id()));
  }

  private static Optional<String> template(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE) {
      return Optional.empty();
    }
    return ctx.relationships().getOrDefault(TEMPLATE, List.of()).stream().findFirst();
  }

  /**
   * The webhook whose deliveries hold the template: 409 if the template does not exist (checked
   * here because hooks run before the engine links, and checks, the relationship) or its webhook
   * was deleted.
   */
  private static StoredResource webhookOf(ResourceAccess resources, String templateId) {
    if (resources.get("webhookDeliveries", templateId).isEmpty()) {
      throw new ApiException(Errors.relationshipTargetNotFound(POINTER + "/data", "webhookDeliveries", templateId));
    }
    return resources.referrers("webhooks", "deliveries", templateId, 1).stream().findFirst()
        .orElseThrow(() -> new ApiException(Errors.relationshipInvalid(POINTER,
            "The delivery '" + templateId + "' belongs to no webhook any more, so it cannot be redelivered")));
  }
}
