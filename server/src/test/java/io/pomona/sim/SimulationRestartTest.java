package io.pomona.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.account.Team;
import io.pomona.app.Accounts;
import io.pomona.app.Pomona;
import io.pomona.app.Settings;
import io.pomona.behaviour.Policy;
import io.pomona.domain.testflight.BuildProcessing;
import io.pomona.store.Event;
import io.pomona.store.StoredResource;
import io.pomona.store.Transition;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart: scheduled transitions, the simulated clock, run-time policies. */
class SimulationRestartTest {
  private static final String PROCESS = BuildProcessing.PROCESS.name();

  @TempDir Path directory;

  private Pomona start(Map<String, Policy> policies) throws Exception {
    return Pomona.start(Settings.forTests(directory.resolve("data")).withPolicies(policies), Clock.systemUTC());
  }

  private static String newBuild(Pomona pomona, String teamId) {
    String app = pomona.engine().resources().create(teamId, "apps", Optional.empty(),
        Map.of("name", "Weather", "bundleId", "com.example.weather", "sku", "W", "primaryLocale", "en-US"),
        Map.of()).id();
    return pomona.engine().resources().create(teamId, "builds", Optional.empty(),
        Map.of("version", "7", "processingState", "PROCESSING"), Map.of("app", List.of(app))).id();
  }

  private static Optional<Object> processingState(Pomona pomona, String teamId, String build) {
    return pomona.store().read(tx -> tx.get(teamId, "builds", build))
        .map(StoredResource::attributes).map(attributes -> attributes.get("processingState"));
  }

  private static List<Event> stateEvents(Pomona pomona, String teamId) {
    return pomona.store().read(tx -> tx.events(teamId, Optional.empty(), 1000)).stream()
        .filter(e -> e.eventType().equals(BuildProcessing.EVENT_TYPE)).toList();
  }

  @Test
  void aTransitionScheduledBeforeARestartFiresOnceAfterIt() throws Exception {
    Map<String, Policy> tenSeconds = Map.of(PROCESS, Policy.auto(Duration.ofSeconds(10)));
    String teamId;
    String build;
    Instant frozenAt;
    try (Pomona first = start(tenSeconds)) {
      Team team = new Accounts(first.store(), Clock.systemUTC()).createTeam("Restart Team");
      teamId = team.id();
      frozenAt = first.simulation().freeze().frozenAt().orElseThrow();
      build = newBuild(first, teamId);
      first.simulation().advance(Duration.ofSeconds(4));
    }

    try (Pomona second = start(tenSeconds)) {
      Simulation simulation = second.simulation();
      assertThat(simulation.clockState().frozenAt()).hasValue(frozenAt.plusSeconds(4));
      assertThat(processingState(second, teamId, build)).hasValue("PROCESSING");

      simulation.advance(Duration.ofSeconds(6));
      assertThat(simulation.fireDue()).isZero();
      simulation.advance(Duration.ofMinutes(5));

      assertThat(processingState(second, teamId, build)).hasValue("VALID");
      // Builds also carry their 90-day expiry (build-expiry); this test follows processing.
      List<Transition> transitions = simulation.transitions(Optional.of(teamId), 10).stream()
          .filter(t -> t.process().equals(BuildProcessing.PROCESS.name())).toList();
      assertThat(transitions).singleElement().satisfies(t -> {
        assertThat(t.state()).isEqualTo(Transition.State.FIRED);
        assertThat(t.finishedAt()).hasValue(frozenAt.plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      });
      assertThat(stateEvents(second, teamId)).extracting(e -> e.oldState().orElse("-") + "→" + e.newState().orElseThrow())
          .containsExactly("-→PROCESSING", "PROCESSING→VALID");
    }
  }

  @Test
  void anAdvancedRunningClockAndRunTimePoliciesSurviveARestart() throws Exception {
    Instant before;
    try (Pomona first = start(Map.of())) {
      first.simulation().advance(Duration.ofDays(3));
      first.simulation().setPolicy(PROCESS, Policy.auto(Duration.ofSeconds(42)));
      before = Instant.now();
    }

    try (Pomona second = start(Map.of())) {
      Simulation simulation = second.simulation();
      assertThat(simulation.clockState().frozen()).isFalse();
      assertThat(simulation.clockState().offset()).isBetween(Duration.ofDays(3), Duration.ofDays(3).plusSeconds(1));
      assertThat(simulation.clock().instant()).isAfterOrEqualTo(before.plus(Duration.ofDays(3)));
      assertThat(simulation.policy(PROCESS)).isEqualTo(Policy.auto(Duration.ofSeconds(42)));
    }
  }

  @Test
  void configurationAtStartOverridesAPolicyKeptFromBefore() throws Exception {
    try (Pomona first = start(Map.of())) {
      first.simulation().setPolicy(PROCESS, Policy.auto(Duration.ofSeconds(42)));
    }
    try (Pomona second = start(Map.of(Policies.EVERY_PROCESS, Policy.manual()))) {
      assertThat(second.simulation().policy(PROCESS)).isEqualTo(Policy.manual());
    }
  }

  /** The one test that lets the background worker fire: nothing else calls fireDue. */
  @Test
  void theWorkerFiresAnImmediateTransitionOnItsOwn() throws Exception {
    try (Pomona pomona = start(Map.of(PROCESS, Policy.auto(Duration.ZERO)))) {
      pomona.simulation().freeze();
      String teamId = new Accounts(pomona.store(), Clock.systemUTC()).createTeam("Worker Team").id();
      String build = newBuild(pomona, teamId);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // generous: CI is 2 loaded cores
      while (!processingState(pomona, teamId, build).equals(Optional.of("VALID")) && System.nanoTime() < deadline) {
        // Waiting for another thread, not for simulated time: the clock stays frozen throughout.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
      assertThat(processingState(pomona, teamId, build)).hasValue("VALID");
      assertThat(stateEvents(pomona, teamId)).hasSize(2);
    }
  }
}
