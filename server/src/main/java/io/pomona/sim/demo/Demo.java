package io.pomona.sim.demo;

import io.pomona.behaviour.Origin;
import io.pomona.engine.Resources;
import io.pomona.error.Errors;
import io.pomona.sim.demo.Story.App;
import io.pomona.store.ResourceQuery;
import io.pomona.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seeds a team with the demo: seven apps (an iOS game, a macOS app, a tvOS app, a new iOS app and
 * three new apps at the review desk) and everything around them, the way a real team's account looks (see the package description).
 *
 * <p>Deterministic: the same seed and the same {@code now} write the same resources with the same
 * ids, attributes and links, in any team. Dates are relative to {@code now}, which callers take from
 * the simulated clock, so a demo seeded on a frozen or advanced clock looks current on it.
 *
 * <p>Except what Pomona's CA makes: certificates and profiles go through the real issuing path
 * ({@link ProvisioningSeeder}), so they are dated by the write's transaction (the simulated clock,
 * hence the same {@code now}), their signatures and serial numbers are drawn anew by the CA on
 * every run, and what names the team (certificate names, profile UUIDs) differs per team.
 *
 * <p>Used by {@code serve --demo}, the offline {@code pomona seed --demo} and the admin API.
 */
public final class Demo {
  /** The seed used unless the caller picks another. */
  public static final long DEFAULT_SEED = 20_240_611L;

  private final Resources resources;
  private final Store store;
  private final Clock stopwatch;

  /**
   * @param stopwatch measures how long seeding takes (the system clock; never the simulated one,
   *     which may be frozen)
   */
  public Demo(Resources resources, Store store, Clock stopwatch) {
    this.resources = resources;
    this.store = store;
    this.stopwatch = stopwatch;
  }

  /** Seeds {@code teamId} with {@link #DEFAULT_SEED}. */
  public DemoSummary seed(String teamId, Instant now) {
    return seed(teamId, now, DEFAULT_SEED);
  }

  /**
   * Writes the demo into a team that has no apps yet.
   *
   * @throws io.pomona.error.ApiException 404 if the team does not exist, 409 if it already has apps
   *     (reset it first: the demo's numeric ids would clash with an earlier seeding)
   */
  public DemoSummary seed(String teamId, Instant now, long seed) {
    if (store.findTeam(teamId).isEmpty()) {
      throw Errors.notFound("teams", teamId);
    }
    if (hasApps(teamId)) {
      throw Errors.duplicate("Team '" + teamId + "' already has apps; reset it before seeding demo data.");
    }
    Instant start = stopwatch.instant();
    DemoRandom random = new DemoRandom(seed);
    List<App> apps = new java.util.ArrayList<>(
        List.of(PebblePuzzleStory.app(), LedgerlyStory.app(), TrailheadStory.app(), SproutStory.app()));
    apps.addAll(ReviewDeskStory.apps());
    // One transaction: a team gets the whole demo or, if anything fails, nothing.
    return store.transaction(tx -> {
      Map<String, Object> cause = Map.of("demoSeed", seed);
      DemoWriter out = new DemoWriter(resources.access(tx, teamId, Origin.OPERATOR, cause),
          resources.access(tx, teamId, Origin.CLIENT, cause));
      DemoContext context = new DemoContext(out, random, new DemoTime(now, random));
      SeededIds appIds = new AppSeeder(context).seed(apps);
      SeededIds bundleIds = new ProvisioningSeeder(context).seed(apps, appIds);
      SeededIds builds = new TestFlightSeeder(context).seed(apps, appIds);
      SeededIds versions = new AppStoreSeeder(context).seed(apps, appIds, builds);
      new SubmissionSeeder(context).seed(apps, appIds, versions);
      new PromotionSeeder(context).seed(apps, appIds);
      new PricingSeeder(context).seed(apps, appIds);
      new PurchaseSeeder(context).seed(apps, appIds);
      new ReviewSeeder(context).seed(apps, appIds, versions);
      new XcodeCloudSeeder(context).seed(appIds, bundleIds, builds);
      new UserSeeder(context).seed(appIds);
      return new DemoSummary(teamId, seed, out.created(), appIds.all(), Duration.between(start, stopwatch.instant()));
    });
  }

  /** Whether a team has any app: {@code serve --demo} seeds only a team that has none. */
  public boolean hasApps(String teamId) {
    return store.read(tx -> tx.query(new ResourceQuery(teamId, "apps", false, Optional.empty(), List.of(), List.of(),
        Optional.empty(), 1)).total() > 0);
  }
}
