package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.ComputedRelationship;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An app's price (App Store Connect Help, "set a price"; api-facts.md §14): every new app gets its
 * price points ({@link PricePoints}); a price schedule names a base territory and manual prices
 * (sent as {@code included} resources), each a price point of this app, one of them in the base
 * territory; Apple then prices every other territory automatically with the equalized point (the
 * same tier). A new schedule replaces the app's previous one.
 */
public final class AppPricing implements Behaviour {
  private static final String SCHEDULES = "appPriceSchedules";
  private static final String PRICES = "appPrices";

  @Override
  public Set<String> resourceTypes() {
    return Set.of("apps", SCHEDULES, PRICES);
  }

  /** An app's price points are Apple's grid, derived by rule ({@link PricePoints}). */
  @Override
  public Set<String> derivedTypes() {
    return Set.of(PricePoints.TYPE);
  }

  /**
   * A price point's equalizations (the same tier in every other territory) follow from the ids
   * ({@link PricePoints#equalizations}); storing them would take some 365,000 edges per app.
   */
  @Override
  public List<ComputedRelationship> computedRelationships() {
    return List.of(new ComputedRelationship(PricePoints.TYPE, "equalizations", PricePoints::equalizations));
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT || ctx.kind() != WriteKind.CREATE || !ctx.type().equals(SCHEDULES)) {
      return;
    }
    Optional<String> appId = Related.toOneId(ctx, "app");
    Optional<String> base = Related.toOneId(ctx, "baseTerritory");
    List<String> manual = ctx.relationships().getOrDefault("manualPrices", List.of());
    List<ApiError> problems = new ArrayList<>();
    boolean basePriced = false;
    for (int i = 0; i < manual.size(); i++) {
      Optional<PricePoints.Key> point = ctx.resources().get(PRICES, manual.get(i))
          .flatMap(price -> Related.one(ctx.resources(), PRICES, price.id(), "appPricePoint"))
          .flatMap(p -> PricePoints.key(p.id()));
      if (point.isEmpty() || !Optional.of(point.get().appId()).equals(appId)) {
        problems.add(Errors.relationshipInvalid("/data/relationships/manualPrices/data/" + i,
            "Each manual price needs a price point of this app (GET /v1/apps/{id}/appPricePoints)."));
      } else if (point.get().territory().equals(base.orElse(""))) {
        basePriced = true;
      }
    }
    if (problems.isEmpty() && !basePriced) {
      problems.add(Errors.relationshipInvalid("/data/relationships/baseTerritory",
          "One manual price must be in the base territory " + base.orElse("") + "."));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.type().equals(PRICES) && ctx.kind() == WriteKind.CREATE && ctx.attribute("manual").isEmpty()) {
      ctx.set("manual", true);
    }
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE) {
      return;
    }
    switch (ctx.type()) {
      case "apps" -> PricePoints.materialize(ctx.resources(), ctx.id());
      case PRICES -> priceTerritoryFromPoint(ctx);
      case SCHEDULES -> automaticPrices(ctx);
      default -> { }
    }
  }

  /** A price's territory is its price point's (clients send only the point). */
  private static void priceTerritoryFromPoint(WriteContext ctx) {
    if (Related.toOneId(ctx, "territory").isPresent()) {
      return;
    }
    Related.toOneId(ctx, "appPricePoint").flatMap(PricePoints::key).ifPresent(point ->
        ctx.resources().link(PRICES, ctx.id(), "territory", List.of(point.territory())));
  }

  /** Every territory without a manual price gets the base price's tier, automatically. */
  private static void automaticPrices(WriteContext ctx) {
    Optional<String> appId = Related.toOneId(ctx, "app");
    Optional<String> base = Related.toOneId(ctx, "baseTerritory");
    if (appId.isEmpty() || base.isEmpty()) {
      return;
    }
    Set<String> manualTerritories = new HashSet<>();
    Map<String, Object> basePrice = new LinkedHashMap<>();
    Optional<PricePoints.Key> baseTier = Optional.empty();
    for (StoredResource price : Related.all(ctx.resources(), SCHEDULES, ctx.id(), "manualPrices")) {
      Optional<PricePoints.Key> key = Related.one(ctx.resources(), PRICES, price.id(), "appPricePoint")
          .flatMap(p -> PricePoints.key(p.id()));
      key.ifPresent(k -> manualTerritories.add(k.territory()));
      if (key.isPresent() && key.get().territory().equals(base.get()) && baseTier.isEmpty()) {
        baseTier = key;
        Related.text(price, "startDate").ifPresent(date -> basePrice.put("startDate", date));
      }
    }
    if (baseTier.isEmpty()) {
      return;
    }
    List<String> automatic = new ArrayList<>();
    for (StoredResource territory : ctx.resources().find("territories", Map.of(), 1000)) {
      if (manualTerritories.contains(territory.id())) {
        continue;
      }
      Map<String, Object> attributes = new LinkedHashMap<>(basePrice);
      attributes.put("manual", false);
      automatic.add(ctx.resources().create(PRICES, Related.derivedId(ctx.id(), territory.id()), attributes, Map.of(
          "appPricePoint", List.of(PricePoints.id(appId.get(), territory.id(), baseTier.get().tier())),
          "territory", List.of(territory.id()))).id());
    }
    ctx.resources().link(SCHEDULES, ctx.id(), "automaticPrices", automatic);
  }
}
