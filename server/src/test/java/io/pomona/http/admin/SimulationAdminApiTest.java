package io.pomona.http.admin;

import static io.pomona.http.admin.AdminApiTest.assertBadBody;
import static io.pomona.http.admin.AdminApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.behaviour.Policy;
import io.pomona.domain.testflight.BuildProcessing;
import io.pomona.engine.Resources;
import io.pomona.testing.Admin;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Apple side driven through the admin API only: the clock, policies, decisions, transitions
 * and events. Builds are created the way an upload would create them (the public API cannot), and
 * their state is read back through the public API.
 */
class SimulationAdminApiTest {
  private static final String PROCESS = BuildProcessing.PROCESS.name();

  @TempDir Path directory;
  TestPomona pomona;
  Admin admin;

  @AfterEach
  void stop() throws Exception {
    if (pomona != null) {
      pomona.close();
    }
  }

  private void start(Policy policy) {
    pomona = TestPomona.start(directory, settings -> settings.withPolicies(Map.of(PROCESS, policy)));
    admin = new Admin(pomona);
    Response frozen = admin.post("/_pomona/clock/freeze", json());
    assertThat(frozen.status()).as(frozen.toString()).isEqualTo(200);
    assertThat(frozen.json().path("frozen").asBoolean()).isTrue();
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
    Response build = pomona.get("/v1/builds/" + buildId);
    assertThat(build.status()).as(build.toString()).isEqualTo(200);
    return build.json().path("data").path("attributes").path("processingState").asText();
  }

  /** The newest build-processing transition (builds also carry their 90-day build-expiry one). */
  private JsonNode processingTransition() {
    for (JsonNode transition : admin.get("/_pomona/transitions?team=" + pomona.team().id()).json().path("transitions")) {
      if (transition.path("process").asText().equals(PROCESS)) {
        return transition;
      }
    }
    throw new AssertionError("no " + PROCESS + " transition");
  }

  private Instant now() {
    return Instant.parse(admin.get("/_pomona/clock").json().path("now").asText());
  }

  @Test
  void advancingTheClockThroughTheAdminApiFinishesBuildProcessing() {
    start(Policy.auto(Duration.ofMinutes(5)));
    Instant frozenAt = now();
    String build = newBuild();

    JsonNode pending = processingTransition();
    assertThat(pending.path("resourceId").asText()).isEqualTo(build);
    assertThat(pending.path("state").asText()).isEqualTo("PENDING");
    assertThat(Instant.parse(pending.path("dueAt").asText())).isEqualTo(frozenAt.plus(Duration.ofMinutes(5)));
    assertThat(admin.get("/_pomona/clock").json().path("nextDueAt").asText()).isEqualTo(pending.path("dueAt").asText());

    Response early = admin.post("/_pomona/clock/advance", json().put("duration", "4m59s"));
    assertThat(early.status()).as(early.toString()).isEqualTo(200);
    assertThat(Instant.parse(early.json().path("now").asText())).isEqualTo(frozenAt.plusSeconds(299));
    assertThat(processingState(build)).isEqualTo("PROCESSING");

    Response due = admin.post("/_pomona/clock/advance", json().put("seconds", 1));
    assertThat(due.status()).as(due.toString()).isEqualTo(200);
    assertThat(processingState(build)).isEqualTo("VALID");

    JsonNode fired = processingTransition();
    assertThat(fired.path("state").asText()).isEqualTo("FIRED");
    assertThat(fired.path("to").asText()).isEqualTo("VALID");
    JsonNode events = admin.get("/_pomona/events?team=" + pomona.team().id()).json().path("events");
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.path("resourceId").asText()).isEqualTo(build);
    assertThat(last.path("oldState").asText()).isEqualTo("PROCESSING");
    assertThat(last.path("newState").asText()).isEqualTo("VALID");
    assertThat(last.path("payload").path("process").asText()).isEqualTo(PROCESS);
  }

  @Test
  void theClockIsShownFrozenSetAndResumed() {
    start(Policy.manual());
    Response set = admin.post("/_pomona/clock/set", json().put("instant", "2030-01-01T00:00:00Z"));
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().path("now").asText()).isEqualTo("2030-01-01T00:00:00Z");
    assertThat(set.json().path("frozen").asBoolean()).isTrue();

    Response resumed = admin.post("/_pomona/clock/resume", json());
    assertThat(resumed.json().path("frozen").asBoolean()).isFalse();
    assertThat(now()).isAfterOrEqualTo(Instant.parse("2030-01-01T00:00:00Z"))
        .isBefore(Instant.parse("2030-01-01T00:10:00Z"));
    assertThat(admin.get("/_pomona/clock").json().path("offsetMillis").asLong()).isPositive();
  }

  @Test
  void pendingDecisionsAreListedAndTaken() {
    start(Policy.manual());
    String approved = newBuild();
    String rejected = newBuild();
    String failed = newBuild();

    JsonNode decisions = admin.get("/_pomona/decisions?team=" + pomona.team().issuerId()).json().path("decisions");
    assertThat(decisions).hasSize(3);
    Map<String, Long> ids = new java.util.HashMap<>();
    decisions.forEach(decision -> ids.put(decision.path("resourceId").asText(), decision.path("id").asLong()));

    Response approve = admin.post("/_pomona/decisions/" + ids.get(approved), json().put("decision", "approve"));
    assertThat(approve.status()).as(approve.toString()).isEqualTo(200);
    assertThat(approve.json().path("outcome").asText()).isEqualTo("APPROVE");
    Response reject = admin.post("/_pomona/decisions/" + ids.get(rejected),
        json().put("decision", "reject").put("reason", "Missing app icon"));
    assertThat(reject.json().path("reason").asText()).isEqualTo("Missing app icon");
    Response fail = admin.post("/_pomona/decisions/" + ids.get(failed),
        json().put("decision", "fail").put("reason", "Corrupt binary"));
    assertThat(fail.status()).as(fail.toString()).isEqualTo(200);

    assertThat(processingState(approved)).isEqualTo("VALID");
    assertThat(processingState(rejected)).isEqualTo("INVALID");
    assertThat(processingState(failed)).isEqualTo("FAILED");
    assertThat(admin.get("/_pomona/decisions").json().path("decisions")).isEmpty();

    Response again = admin.post("/_pomona/decisions/" + ids.get(approved), json().put("decision", "approve"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("STATE_ERROR");
    assertThat(admin.post("/_pomona/decisions/999999", json().put("decision", "approve")).status()).isEqualTo(404);
    assertThat(admin.post("/_pomona/decisions/x", json().put("decision", "approve")).status()).isEqualTo(404);
  }

  @Test
  void policiesAreShownAndChangedAtRunTime() {
    start(Policy.manual());
    assertThat(admin.get("/_pomona/policies").json().path("policies").path(PROCESS).asText()).isEqualTo("manual");

    Response changed = admin.post("/_pomona/policies/" + PROCESS, json().put("policy", "auto:30s"));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().path("policy").asText()).isEqualTo("auto:30s");
    String build = newBuild();
    admin.post("/_pomona/clock/advance", json().put("duration", "30s"));
    assertThat(processingState(build)).isEqualTo("VALID");

    assertThat(admin.post("/_pomona/policies/no-such-process", json().put("policy", "manual")).status()).isEqualTo(404);
    Response bad = admin.post("/_pomona/policies/" + PROCESS, json().put("policy", "sometimes"));
    assertThat(bad.status()).isEqualTo(400);
  }

  @Test
  void nonsenseClockChangesAndDecisionsAre400() {
    start(Policy.manual());
    Instant before = now();
    assertBadBody(admin.post("/_pomona/clock/advance", json().put("seconds", -5)), "negative");
    assertBadBody(admin.post("/_pomona/clock/advance", json().put("duration", "-1h")), "negative");
    assertBadBody(admin.post("/_pomona/clock/advance", json().put("duration", "PT-1H")), "negative");
    assertBadBody(admin.post("/_pomona/clock/advance", json().put("duration", "soon")), "duration");
    assertBadBody(admin.post("/_pomona/clock/advance", json().put("duration", "99999999999999999999d")), "longer");
    assertBadBody(admin.post("/_pomona/clock/advance", json().put("seconds", 1e300)), "longer");
    assertBadBody(admin.post("/_pomona/clock/advance", json().put("seconds", "10")), "seconds");
    assertBadBody(admin.post("/_pomona/clock/advance", json()), "seconds");
    assertBadBody(admin.post("/_pomona/clock/advance", json().put("seconds", 1).put("duration", "1s")), "one of them");
    assertBadBody(admin.post("/_pomona/clock/advance", json().put("minutes", 1)), "minutes");
    assertBadBody(admin.post("/_pomona/clock/set", json().put("instant", "tomorrow")), "instant");
    assertBadBody(admin.post("/_pomona/clock/set", json().put("instant", "+20000-01-01T00:00:00Z")), "instant");
    Response notJson = admin.sendRaw("POST", "/_pomona/clock/advance", "{\"seconds\":", "Bearer " + admin.token());
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(now()).isEqualTo(before);

    newBuild();
    long id = admin.get("/_pomona/decisions").json().path("decisions").path(0).path("id").asLong();
    assertBadBody(admin.post("/_pomona/decisions/" + id, json().put("decision", "maybe")), "decision");
    assertBadBody(admin.post("/_pomona/decisions/" + id, json().put("decision", "reject")), "reason");
    assertBadBody(admin.post("/_pomona/decisions/" + id, json().put("decision", "fail").put("reason", "  ")), "reason");
    assertThat(admin.get("/_pomona/decisions").json().path("decisions")).hasSize(1);

    Response badLimit = admin.get("/_pomona/events?limit=0");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.json().path("errors").path(0).path("detail").asText()).contains("limit");
    assertThat(admin.get("/_pomona/events?team=no-such-team").status()).isEqualTo(404);
  }

  @Test
  void eventsPageForwardAfterASeq() {
    start(Policy.manual());
    newBuild();
    newBuild();
    JsonNode all = admin.get("/_pomona/events?team=" + pomona.team().id()).json().path("events");
    assertThat(all.size()).isGreaterThanOrEqualTo(4);
    long firstSeq = all.get(0).path("seq").asLong();

    JsonNode rest = admin.get("/_pomona/events?after=" + firstSeq + "&limit=2").json().path("events");
    assertThat(rest).hasSize(2);
    assertThat(seqs(rest)).containsExactly(all.get(1).path("seq").asLong(), all.get(2).path("seq").asLong());
    JsonNode newest = admin.get("/_pomona/events?limit=1").json().path("events");
    assertThat(newest.get(0).path("seq").asLong()).isEqualTo(all.get(all.size() - 1).path("seq").asLong());
  }

  @Test
  void theAdminTokenGuardsTheSimulation() {
    start(Policy.manual());
    assertThat(admin.sendRaw("POST", "/_pomona/clock/advance", "{\"seconds\":60}", null).status()).isEqualTo(401);
    assertThat(admin.sendRaw("GET", "/_pomona/decisions", null, "Bearer " + pomona.token()).status()).isEqualTo(401);
  }

  private static List<Long> seqs(JsonNode events) {
    List<Long> seqs = new ArrayList<>();
    events.forEach(event -> seqs.add(event.path("seq").asLong()));
    return seqs;
  }
}
