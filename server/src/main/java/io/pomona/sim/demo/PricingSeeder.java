package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.App;
import io.pomona.store.StoredResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Price and availability of the demo's apps: each app is free or priced in the United States
 * (the base territory; Apple prices the others from it), and available everywhere. The price
 * points are the ones every app gets on creation.
 */
final class PricingSeeder {
  /** The US price of an app, by story key; the others are free. */
  private static final Map<String, String> US_PRICES = Map.of("ledgerly", "4.99");
  private static final int EVERY_PRICE_POINT = 5000;

  private final DemoContext context;

  PricingSeeder(DemoContext context) {
    this.context = context;
  }

  void seed(Iterable<App> apps, SeededIds appIds) {
    for (App app : apps) {
      String appId = appIds.id(app.identity().key());
      usPricePoint(appId, US_PRICES.getOrDefault(app.identity().key(), "0.0")).ifPresent(point -> {
        String price = context.out().resource("appPrices", context.random().uuid())
            .attr("manual", true)
            .link("appPricePoint", point)
            .link("territory", "USA")
            .save();
        context.out().resource("appPriceSchedules", context.random().uuid())
            .link("app", appId)
            .link("baseTerritory", "USA")
            .link("manualPrices", List.of(price))
            .save();
      });
      String usa = context.out().resource("territoryAvailabilities", context.random().uuid())
          .attr("available", true)
          .attr("preOrderEnabled", false)
          .link("territory", "USA")
          .save();
      context.out().resource("appAvailabilities", context.random().uuid())
          .attr("availableInNewTerritories", true)
          .link("app", appId)
          .link("territoryAvailabilities", List.of(usa))
          .save();
    }
  }

  private Optional<String> usPricePoint(String appId, String customerPrice) {
    return context.out().related("apps", appId, "appPricePoints", EVERY_PRICE_POINT).stream()
        .filter(point -> customerPrice.equals(point.attributes().get("customerPrice")))
        .filter(point -> context.out().related("appPricePoints", point.id(), "territory", 1).stream()
            .anyMatch(territory -> territory.id().equals("USA")))
        .map(StoredResource::id)
        .findFirst();
  }
}
