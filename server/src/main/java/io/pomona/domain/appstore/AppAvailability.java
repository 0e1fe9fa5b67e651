package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an app is sold (App Store Connect Help, "manage availability"; OpenAPI {@code
 * AppAvailabilityV2}): one availability per app (a second → 409 at {@code
 * /data/relationships/app}; change it through its territory availabilities), listing every
 * territory — those the request leaves out are not available. A pre-order needs a release date in
 * the future. {@code contentStatuses} says what the choice means (Inf: {@code AVAILABLE}, {@code
 * AVAILABLE_FOR_PREORDER} or {@code CANNOT_SELL}).
 */
public final class AppAvailability implements Behaviour {
  private static final String AVAILABILITIES = "appAvailabilities";
  private static final String TERRITORIES = "territoryAvailabilities";

  @Override
  public Set<String> resourceTypes() {
    return Set.of(AVAILABILITIES, TERRITORIES);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT || ctx.kind() == WriteKind.DELETE) {
      return;
    }
    if (ctx.type().equals(AVAILABILITIES) && ctx.kind() == WriteKind.CREATE) {
      Related.toOneId(ctx, "app")
          .flatMap(app -> Related.one(ctx.resources(), "apps", app, "appAvailabilityV2"))
          .ifPresent(existing -> {
            throw new ApiException(Errors.relationshipInvalid("/data/relationships/app",
                "The app already has an availability ('" + existing.id()
                    + "'); change its territoryAvailabilities instead."));
          });
    }
    if (ctx.type().equals(TERRITORIES) && Boolean.TRUE.equals(ctx.attributes().get("preOrderEnabled"))) {
      boolean future = ctx.stringAttribute("releaseDate")
          .flatMap(date -> AppStoreVersionRules.instant(date + "T00:00:00Z"))
          .map(date -> date.isAfter(ctx.now())).orElse(false);
      if (!future) {
        throw new ApiException(Errors.attributeInvalid("/data/attributes/releaseDate",
            "A pre-order needs a release date in the future."));
      }
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (!ctx.type().equals(TERRITORIES) || ctx.kind() == WriteKind.DELETE) {
      return;
    }
    boolean available = Boolean.TRUE.equals(ctx.attributes().get("available"));
    boolean preOrder = Boolean.TRUE.equals(ctx.attributes().get("preOrderEnabled"));
    if (ctx.attribute("preOrderEnabled").isEmpty()) {
      ctx.set("preOrderEnabled", false);
    }
    ctx.set("contentStatuses", List.of(!available ? "CANNOT_SELL" : preOrder ? "AVAILABLE_FOR_PREORDER" : "AVAILABLE"));
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (!ctx.type().equals(AVAILABILITIES) || ctx.kind() != WriteKind.CREATE) {
      return;
    }
    Set<String> listed = new HashSet<>();
    for (StoredResource availability : Related.all(ctx.resources(), AVAILABILITIES, ctx.id(), TERRITORIES)) {
      Related.one(ctx.resources(), TERRITORIES, availability.id(), "territory").ifPresent(t -> listed.add(t.id()));
    }
    List<String> unlisted = new ArrayList<>();
    for (StoredResource territory : ctx.resources().find("territories", Map.of(), 1000)) {
      if (!listed.contains(territory.id())) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("available", false);
        unlisted.add(ctx.resources().create(TERRITORIES, Related.derivedId(ctx.id(), territory.id()), attributes,
            Map.of("territory", List.of(territory.id()))).id());
      }
    }
    if (!unlisted.isEmpty()) {
      ctx.resources().addLinks(AVAILABILITIES, ctx.id(), TERRITORIES, unlisted);
    }
  }
}
