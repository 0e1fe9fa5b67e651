package io.pomona.app;

import io.pomona.account.Team;
import io.pomona.engine.Engine;
import io.pomona.sim.demo.Demo;
import io.pomona.sim.demo.DemoSummary;
import io.pomona.store.Store;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Demo data as the CLI offers it: {@code serve --demo} seeds the default team when it has no
 * apps, {@code seed --demo} seeds a chosen team offline. The demo's dates follow {@code clock}
 * (the simulated one when there is one).
 */
final class DemoSeeding {
  private final Engine engine;
  private final Store store;
  private final Clock clock;
  private final PrintStream out;

  DemoSeeding(Engine engine, Store store, Clock clock, PrintStream out) {
    this.engine = engine;
    this.store = store;
    this.clock = clock;
    this.out = out;
  }

  /** For {@code serve --demo}: seeds the default team unless it already has apps. */
  void seedDefaultTeamIfEmpty() {
    Optional<Team> team = defaultTeam(new Accounts(store, clock).teams());
    if (team.isEmpty()) {
      out.println("Demo data: no default team to seed.");
      return;
    }
    Demo demo = demo();
    if (demo.hasApps(team.get().id())) {
      out.printf("Demo data: team '%s' already has apps; left as it is.%n", team.get().name());
      return;
    }
    report(team.get(), demo.seed(team.get().id(), clock.instant()));
  }

  /** For {@code seed --demo}: seeds one team (409 if it has apps, as the admin API answers). */
  DemoSummary seed(Team team, long seed) {
    DemoSummary summary = demo().seed(team.id(), clock.instant(), seed);
    report(team, summary);
    return summary;
  }

  /**
   * The team {@code serve} created on its first start (the oldest team with its name), else the
   * only team.
   */
  static Optional<Team> defaultTeam(List<Team> teams) {
    Optional<Team> named = teams.stream()
        .filter(team -> team.name().equals(FirstStart.DEFAULT_TEAM_NAME))
        .min(Comparator.comparing(Team::createdAt));
    return named.isPresent() || teams.size() != 1 ? named : Optional.of(teams.get(0));
  }

  private Demo demo() {
    return new Demo(engine.resources(), store, Clock.systemUTC());
  }

  private void report(Team team, DemoSummary summary) {
    out.printf("Demo data: seeded team '%s' (%s) with %d resources, %d apps, in %d ms (seed %d).%n",
        team.name(), team.issuerId(), summary.total(), summary.appIds().size(), summary.took().toMillis(),
        summary.seed());
  }
}
