package io.pomona.conformance;

import io.pomona.catalog.Operation;
import io.pomona.domain.appstore.PricePoints;
import java.util.Map;
import java.util.Optional;

/**
 * Probes for the price grid's computed relationships: a price point's equalizations follow from
 * its app's grid, not from edges a fixture could link, so the probe reads them on a real price
 * point of a fresh app (every app gets its grid when it is created).
 */
public final class PricingProbes implements ProbePlanner.DomainProbes {
  private final SweepFixtures fixtures;
  private ProbePlanner planner;

  public PricingProbes(SweepFixtures fixtures) {
    this.fixtures = fixtures;
  }

  /** The planner whose probes these are (it also asks them first: built after them). */
  public void plannedBy(ProbePlanner planner) {
    this.planner = planner;
  }

  @Override
  public Optional<Probe> plan(Operation operation) {
    return switch (operation.id()) {
      case "appPricePointsV3_equalizations_getToManyRelated" ->
          Optional.of(planner.probe(operation, usaTierOne(), "include=app,territory", Optional.empty()));
      case "appPricePointsV3_equalizations_getToManyRelationship" ->
          Optional.of(planner.probe(operation, usaTierOne(), Optional.empty()));
      default -> Optional.empty();
    };
  }

  private String usaTierOne() {
    return PricePoints.id(fixtures.fresh("apps", Map.of()), "USA", 1);
  }
}
