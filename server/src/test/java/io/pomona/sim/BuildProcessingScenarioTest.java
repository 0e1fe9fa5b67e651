package io.pomona.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.behaviour.Policy;
import io.pomona.domain.testflight.BuildExpiry;
import io.pomona.domain.testflight.BuildProcessing;
import io.pomona.engine.Resources;
import io.pomona.error.ApiException;
import io.pomona.store.Event;
import io.pomona.store.StoredResource;
import io.pomona.store.Transition;
import io.pomona.testing.TestPomona;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build processing on the simulated clock, driven through the {@link Simulation} facade and read
 * back over HTTP: the clock is frozen and advanced, never slept on.
 */
class BuildProcessingScenarioTest {
  private static final String PROCESS = BuildProcessing.PROCESS.name();

  @TempDir Path directory;
  TestPomona pomona;

  @AfterEach
  void stop() throws Exception {
    if (pomona != null) {
      pomona.close();
    }
  }

  private Simulation start(Policy policy) {
    pomona = TestPomona.start(directory, settings -> settings.withPolicies(Map.of(PROCESS, policy)));
    Simulation simulation = pomona.pomona().simulation();
    simulation.freeze();
    return simulation;
  }

  private String newBuild() {
    Resources resources = pomona.pomona().engine().resources();
    String appId = resources.create(pomona.team().id(), "apps", Optional.empty(),
        Map.of("name", "Weather", "bundleId", "com.example.weather", "sku", "WEATHER", "primaryLocale", "en-US"),
        Map.of()).id();
    return resources.create(pomona.team().id(), "builds", Optional.empty(),
        Map.of("version", "1", "processingState", "PROCESSING"), Map.of("app", List.of(appId))).id();
  }

  private String processingStateOverHttp(String buildId) {
    TestPomona.Response response = pomona.get("/v1/builds/" + buildId);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().path("data").path("attributes").path("processingState").asText();
  }

  private List<Transition> transitionsOf(String buildId) {
    return pomona.pomona().store().read(tx -> tx.latestTransitions(Optional.of(pomona.team().id()), 100)).stream()
        .filter(t -> t.resourceId().equals(buildId) && t.process().equals(PROCESS)).toList();
  }

  private List<Event> eventsOf(String resourceId) {
    return pomona.pomona().store().read(tx -> tx.events(pomona.team().id(), Optional.empty(), 1000)).stream()
        .filter(e -> e.resourceId().equals(resourceId)).toList();
  }

  @Test
  void advancingTheClockFiresTheScheduledTransition() {
    Simulation simulation = start(Policy.auto(Duration.ofSeconds(10)));
    Instant frozenAt = simulation.clockState().frozenAt().orElseThrow();
    String build = newBuild();

    Transition scheduled = transitionsOf(build).get(0);
    assertThat(scheduled.state()).isEqualTo(Transition.State.PENDING);
    assertThat(scheduled.from()).isEqualTo("PROCESSING");
    assertThat(scheduled.to()).hasValue("VALID");
    assertThat(scheduled.dueAt()).hasValue(frozenAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(10));

    simulation.advance(Duration.ofSeconds(9));
    assertThat(processingStateOverHttp(build)).isEqualTo("PROCESSING");

    simulation.advance(Duration.ofSeconds(1));
    assertThat(processingStateOverHttp(build)).isEqualTo("VALID");
    Transition fired = transitionsOf(build).get(0);
    assertThat(fired.state()).isEqualTo(Transition.State.FIRED);
    assertThat(fired.outcome()).hasValue("AUTO");
    assertThat(simulation.fireDue()).isZero();
  }

  @Test
  void eventsRecordTheCreateAndTheStateChangeWithOldAndNewState() {
    Simulation simulation = start(Policy.auto(Duration.ofSeconds(10)));
    String build = newBuild();
    simulation.advance(Duration.ofSeconds(10));

    // The build's expiry process records its own state event on create; this test follows processing.
    List<Event> events = eventsOf(build).stream()
        .filter(e -> !e.eventType().equals(BuildExpiry.PROCESS.eventType())).toList();
    assertThat(events).extracting(Event::eventType).containsExactly(
        "RESOURCE_CREATED", BuildProcessing.EVENT_TYPE, "RESOURCE_UPDATED", BuildProcessing.EVENT_TYPE);
    assertThat(events.get(0).newState()).hasValue("PROCESSING");
    assertThat(events.get(0).payload()).containsEntry("origin", "OPERATOR");
    assertThat(events.get(1).oldState()).isEmpty();
    assertThat(events.get(1).newState()).hasValue("PROCESSING");
    Event stateChange = events.get(3);
    assertThat(stateChange.oldState()).hasValue("PROCESSING");
    assertThat(stateChange.newState()).hasValue("VALID");
    assertThat(stateChange.payload()).containsEntry("origin", "SIMULATION").containsEntry("outcome", "AUTO")
        .containsEntry("process", PROCESS);
    assertThat(events.get(2).payload()).containsEntry("attributes", List.of("processingState"));
  }

  @Test
  void newBuildGetsUploadDefaultsOnTheSimulatedClock() {
    Simulation simulation = start(Policy.manual());
    simulation.set(Instant.parse("2026-03-01T12:00:00Z"));
    String build = newBuild();

    StoredResource stored = pomona.pomona().store()
        .read(tx -> tx.get(pomona.team().id(), "builds", build)).orElseThrow();
    assertThat(stored.attributes())
        .containsEntry("uploadedDate", "2026-03-01T12:00:00.000Z")
        .containsEntry("expirationDate", "2026-05-30T12:00:00.000Z")
        .containsEntry("expired", false);
    assertThat(stored.createdAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
  }

  @Test
  void manualPolicyWaitsForTheOperatorWhoApproves() {
    Simulation simulation = start(Policy.manual());
    String build = newBuild();
    simulation.advance(Duration.ofDays(1));
    assertThat(processingStateOverHttp(build)).isEqualTo("PROCESSING");

    List<Transition> pending = simulation.decisions().pending(Optional.of(pomona.team().id()));
    assertThat(pending).hasSize(1);
    assertThat(pending.get(0).awaitsDecision()).isTrue();
    assertThat(pending.get(0).to()).isEmpty();

    Transition decided = simulation.decisions().decide(pending.get(0).id(), Decision.approve());
    assertThat(decided.state()).isEqualTo(Transition.State.FIRED);
    assertThat(decided.to()).hasValue("VALID");
    assertThat(decided.outcome()).hasValue("APPROVE");
    assertThat(processingStateOverHttp(build)).isEqualTo("VALID");
    assertThat(simulation.decisions().pending(Optional.empty())).isEmpty();
  }

  @Test
  void operatorRejectsWithAReason() {
    Simulation simulation = start(Policy.manual());
    String build = newBuild();
    long id = simulation.decisions().pending(Optional.empty()).get(0).id();

    Transition decided = simulation.decisions().decide(id, Decision.reject("Missing icon"));
    assertThat(decided.to()).hasValue("INVALID");
    assertThat(decided.reason()).hasValue("Missing icon");
    assertThat(processingStateOverHttp(build)).isEqualTo("INVALID");
    assertThat(eventsOf(build).getLast().payload()).containsEntry("reason", "Missing icon")
        .containsEntry("outcome", "REJECT");
  }

  @Test
  void operatorFailsProcessingEvenOfATimedTransition() {
    Simulation simulation = start(Policy.auto(Duration.ofMinutes(5)));
    String build = newBuild();
    long id = transitionsOf(build).get(0).id();

    Transition decided = simulation.decisions().decide(id, Decision.fail("Corrupt binary"));
    assertThat(decided.to()).hasValue("FAILED");
    assertThat(processingStateOverHttp(build)).isEqualTo("FAILED");

    simulation.advance(Duration.ofMinutes(10));
    assertThat(processingStateOverHttp(build)).isEqualTo("FAILED");
  }

  @Test
  void decidingTwiceOrAnUnknownTransitionIsRefusedWithApplesCodes() {
    Simulation simulation = start(Policy.manual());
    newBuild();
    long id = simulation.decisions().pending(Optional.empty()).get(0).id();
    simulation.decisions().decide(id, Decision.approve());

    assertThatThrownBy(() -> simulation.decisions().decide(id, Decision.approve()))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.errors().get(0).code()).isEqualTo("STATE_ERROR");
        });
    assertThatThrownBy(() -> simulation.decisions().decide(999_999, Decision.approve()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("NOT_FOUND"));
  }

  @Test
  void aStateChangedThroughTheEngineCancelsThePendingTransition() {
    Simulation simulation = start(Policy.auto(Duration.ofSeconds(10)));
    String build = newBuild();
    pomona.pomona().engine().resources().update(pomona.team().id(), "builds", build,
        Map.of("processingState", "INVALID"));

    Transition cancelled = transitionsOf(build).get(0);
    assertThat(cancelled.state()).isEqualTo(Transition.State.CANCELLED);
    assertThat(cancelled.reason()).hasValue("the state changed to INVALID");
    simulation.advance(Duration.ofSeconds(30));
    assertThat(processingStateOverHttp(build)).isEqualTo("INVALID");
  }

  @Test
  void aTransitionWhoseResourceMovedOnIsCancelledNotApplied() {
    Simulation simulation = start(Policy.auto(Duration.ofSeconds(10)));
    String build = newBuild();
    // Behind the engine's back, as another node or an old version might: only the firing can notice.
    pomona.pomona().store().write(tx -> {
      StoredResource stored = tx.get(pomona.team().id(), "builds", build).orElseThrow();
      Map<String, Object> attributes = new java.util.LinkedHashMap<>(stored.attributes());
      attributes.put("processingState", "FAILED");
      tx.update(pomona.team().id(), "builds", build, attributes);
    });

    assertThat(simulation.advance(Duration.ofSeconds(10))).isNotNull();
    Transition cancelled = transitionsOf(build).get(0);
    assertThat(cancelled.state()).isEqualTo(Transition.State.CANCELLED);
    assertThat(cancelled.reason()).hasValue("the resource is no longer PROCESSING but FAILED");
    assertThat(processingStateOverHttp(build)).isEqualTo("FAILED");
  }

  @Test
  void deletingTheBuildCancelsItsTransition() {
    Simulation simulation = start(Policy.auto(Duration.ofSeconds(10)));
    String build = newBuild();
    pomona.pomona().engine().resources().delete(pomona.team().id(), "builds", build);

    assertThat(transitionsOf(build).get(0).state()).isEqualTo(Transition.State.CANCELLED);
    assertThat(eventsOf(build).getLast().eventType()).isEqualTo("RESOURCE_DELETED");
    assertThat(eventsOf(build).getLast().oldState()).hasValue("PROCESSING");
    assertThat(simulation.advance(Duration.ofSeconds(10)).frozen()).isTrue();
  }

  @Test
  void policyChangesAtRunTimeReplanPendingTransitions() {
    Simulation simulation = start(Policy.auto(Duration.ofMinutes(10)));
    String build = newBuild();
    Instant scheduledAt = transitionsOf(build).get(0).createdAt();

    simulation.setPolicy(PROCESS, Policy.manual());
    Transition awaiting = transitionsOf(build).get(0);
    assertThat(awaiting.awaitsDecision()).isTrue();
    assertThat(simulation.policy(PROCESS)).isEqualTo(Policy.manual());
    simulation.advance(Duration.ofMinutes(20));
    assertThat(processingStateOverHttp(build)).isEqualTo("PROCESSING");

    simulation.setPolicy(PROCESS, Policy.auto(Duration.ofHours(1)));
    Transition timed = transitionsOf(build).get(0);
    assertThat(timed.dueAt()).hasValue(scheduledAt.plus(Duration.ofHours(1)));
    assertThat(timed.to()).hasValue("VALID");

    simulation.setPolicy(PROCESS, Policy.auto(Duration.ofSeconds(1)));
    assertThat(processingStateOverHttp(build)).isEqualTo("VALID");
    assertThat(simulation.policies()).containsEntry(PROCESS, Policy.auto(Duration.ofSeconds(1)));
  }

  @Test
  void unknownProcessIs404AndNegativeAdvanceIs400() {
    Simulation simulation = start(Policy.manual());
    assertThatThrownBy(() -> simulation.setPolicy("no-such-process", Policy.manual()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> simulation.advance(Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.errors().get(0).code()).isEqualTo("PARAMETER_ERROR.INVALID");
        });
  }
}
