package io.pomona.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.app.AdminCliTest.Run;
import io.pomona.behaviour.Policy;
import io.pomona.domain.testflight.BuildProcessing;
import io.pomona.engine.Resources;
import io.pomona.testing.TestPomona;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pomona clock|policies|decisions|transitions|events} against a running test server. */
class SimulationCliTest {
  private static final String PROCESS = BuildProcessing.PROCESS.name();

  @TempDir Path directory;
  TestPomona pomona;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory, settings -> settings.withPolicies(Map.of(PROCESS, Policy.manual())));
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  private Run pomona(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", pomona.pomona().adminUrl().orElseThrow().toString(),
        "--data-dir", pomona.pomona().dataDirectory().toString()));
    return AdminCliTest.run(all.toArray(String[]::new));
  }

  private String newBuild() {
    Resources resources = pomona.pomona().engine().resources();
    String appId = resources.create(pomona.team().id(), "apps", Optional.empty(),
        Map.of("name", "Weather", "bundleId", "com.example.weather", "sku", "WEATHER", "primaryLocale", "en-US"),
        Map.of()).id();
    return resources.create(pomona.team().id(), "builds", Optional.empty(),
        Map.of("version", "1", "processingState", "PROCESSING"), Map.of("app", List.of(appId))).id();
  }

  private String processingState(String buildId) {
    return pomona.get("/v1/builds/" + buildId).json().path("data").path("attributes").path("processingState").asText();
  }

  @Test
  void theClockIsFrozenSetAdvancedAndResumed() {
    Run frozen = pomona("clock", "freeze");
    assertThat(frozen.exitCode()).as(frozen.err()).isZero();
    assertThat(frozen.out()).contains("(frozen)");

    Run set = pomona("clock", "set", "2031-05-01T10:00:00Z");
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out()).contains("now 2031-05-01T10:00:00Z");

    Run advanced = pomona("clock", "advance", "1h30m", "--json");
    assertThat(advanced.json().path("now").asText()).isEqualTo("2031-05-01T11:30:00Z");
    assertThat(pomona("clock").out()).contains("now 2031-05-01T11:30:00Z  (frozen)");

    Run resumed = pomona("clock", "resume");
    assertThat(resumed.out()).contains("running");
  }

  @Test
  void nonsenseIsRefusedWithTheServersMessage() {
    Run negative = pomona("clock", "advance", "PT-5M");
    assertThat(negative.exitCode()).isEqualTo(1);
    assertThat(negative.err()).contains("400 ENTITY_INVALID", "negative");
    Run badPolicy = pomona("policies", "set", PROCESS, "sometimes");
    assertThat(badPolicy.exitCode()).isEqualTo(1);
    assertThat(badPolicy.err()).contains("400");
    Run unknown = pomona("decisions", "approve", "424242");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("404");
  }

  @Test
  void decisionsAreListedAndTakenAndShowInTransitionsAndEvents() {
    String approved = newBuild();
    String failed = newBuild();

    Run listed = pomona("decisions", "--team", pomona.team().id(), "--json");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
    Map<String, String> ids = new java.util.HashMap<>();
    listed.json().path("decisions").forEach(d -> ids.put(d.path("resourceId").asText(), d.path("id").asText()));
    assertThat(ids).containsOnlyKeys(approved, failed);
    assertThat(pomona("decisions").out()).contains(PROCESS, "PROCESSING -> (operator)", "PENDING");

    Run approve = pomona("decisions", "approve", ids.get(approved));
    assertThat(approve.exitCode()).as(approve.err()).isZero();
    assertThat(approve.out()).contains("PROCESSING -> VALID", "FIRED", "APPROVE");
    Run fail = pomona("decisions", "fail", ids.get(failed), "--reason", "Corrupt binary");
    assertThat(fail.out()).contains("PROCESSING -> FAILED", "FAIL: Corrupt binary");
    assertThat(processingState(approved)).isEqualTo("VALID");
    assertThat(processingState(failed)).isEqualTo("FAILED");

    assertThat(pomona("transitions", "-n", "5").out()).contains("APPROVE", "FAIL: Corrupt binary");
    Run events = pomona("events", "--team", pomona.team().issuerId());
    assertThat(events.out()).contains("BUILD_PROCESSING_STATE_UPDATED", "builds " + failed + "  PROCESSING -> FAILED");
  }

  @Test
  void policiesAreShownAndSet() {
    assertThat(pomona("policies").out()).contains(PROCESS, "manual");
    pomona("clock", "freeze");
    Run set = pomona("policies", "set", PROCESS, "auto:10s");
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out()).contains(PROCESS + " is now auto:10s");
    String build = newBuild();
    assertThat(pomona("clock").out()).contains("next transition due");
    pomona("clock", "advance", "10s");
    assertThat(processingState(build)).isEqualTo("VALID");
  }
}
