package io.pomona.domain.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.behaviour.Outcome;
import io.pomona.behaviour.Policy;
import io.pomona.sim.Decision;
import io.pomona.sim.Policies;
import io.pomona.sim.Simulation;
import io.pomona.store.Transition;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app's information follows its version over HTTP, on the simulated clock: through review to
 * release, rejection and withdrawal; a new version after a release gets a new editable app info
 * copied from the live one, which it replaces when it ships.
 */
class AppInfoStatesScenarioTest {
  private static final Duration REVIEW_STEP = Duration.ofSeconds(10);

  @TempDir Path directory;
  private TestPomona pomona;
  private AppStoreFixture fixture;
  private Simulation simulation;
  private String appId;
  private String firstInfo;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory, settings -> settings.withPolicies(Map.of(
        Policies.EVERY_PROCESS, Policy.manual(),
        ReviewSubmissionFlow.PROCESS.name(), Policy.manual())));
    simulation = pomona.pomona().simulation();
    simulation.freeze();
    fixture = new AppStoreFixture(pomona);
    appId = fixture.app("Weather");
    fixture.ageRating(appId);
    fixture.priceAndAvailability(appId);
    firstInfo = pomona.get("/v1/apps/" + appId + "/appInfos").json().path("data").path(0).path("id").asText();
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  /** Each app info's {@code state} by id, in the app's order. */
  private Map<String, String> infoStates() {
    Map<String, String> states = new LinkedHashMap<>();
    for (JsonNode info : pomona.get("/v1/apps/" + appId + "/appInfos").json().path("data")) {
      states.put(info.path("id").asText(), info.path("attributes").path("state").asText());
    }
    return states;
  }

  private String infoState() {
    return fixture.attribute("appInfos", firstInfo, "state");
  }

  private String submitted(String versionId) {
    return submitted(versionId, firstInfo);
  }

  /** Adds the version to a new submission (its app info then reads READY_FOR_REVIEW) and submits it. */
  private String submitted(String versionId, String infoId) {
    String submission = fixture.submission(appId);
    AppStoreFixture.created(fixture.addItem(submission, versionId));
    assertThat(fixture.attribute("appInfos", infoId, "state")).isEqualTo("READY_FOR_REVIEW");
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
    return submission;
  }

  private void decide(String submission, Outcome outcome) {
    Transition pending = simulation.decisions().pending(Optional.of(pomona.team().id())).stream()
        .filter(t -> t.resourceId().equals(submission)).findFirst().orElseThrow();
    simulation.decisions().decide(pending.id(), new Decision(outcome, outcome == Outcome.REJECT
        ? Optional.of("Guideline 2.1 - Performance") : Optional.empty()));
  }

  @Test
  void appInfoFollowsTheVersionThroughReviewToRelease() {
    String versionId = fixture.completeVersion(appId, "1.0", "MANUAL");
    assertThat(infoState()).isEqualTo("PREPARE_FOR_SUBMISSION");

    String submission = submitted(versionId);
    assertThat(infoState()).isEqualTo("WAITING_FOR_REVIEW");
    decide(submission, Outcome.APPROVE);
    assertThat(infoState()).isEqualTo("IN_REVIEW");
    decide(submission, Outcome.APPROVE);
    assertThat(fixture.versionState(versionId)).isEqualTo("PENDING_DEVELOPER_RELEASE");
    assertThat(infoState()).isEqualTo("PENDING_RELEASE");
    assertThat(fixture.attribute("appInfos", firstInfo, "appStoreState")).isEqualTo("PENDING_DEVELOPER_RELEASE");

    AppStoreFixture.created(pomona.send("POST", "/v1/appStoreVersionReleaseRequests",
        Documents.resource("appStoreVersionReleaseRequests").toOne("appStoreVersion", "appStoreVersions", versionId)
            .document()));
    assertThat(infoState()).isEqualTo("READY_FOR_DISTRIBUTION");
    assertThat(fixture.attribute("appInfos", firstInfo, "appStoreState")).isEqualTo("READY_FOR_SALE");
    assertThat(infoStates()).hasSize(1);
  }

  @Test
  void rejectionAndWithdrawalShowOnTheAppInfo() {
    String versionId = fixture.completeVersion(appId, "1.0", "MANUAL");
    String submission = submitted(versionId);
    decide(submission, Outcome.APPROVE);
    decide(submission, Outcome.REJECT);
    assertThat(fixture.versionState(versionId)).isEqualTo("REJECTED");
    assertThat(infoState()).isEqualTo("REJECTED");

    String item = pomona.get("/v1/reviewSubmissions/" + submission + "/items").json().path("data").path(0)
        .path("id").asText();
    AppStoreFixture.ok(fixture.patch("reviewSubmissionItems", item, "resolved", true));
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "submitted", true));
    assertThat(infoState()).isEqualTo("WAITING_FOR_REVIEW");
    AppStoreFixture.ok(fixture.patch("reviewSubmissions", submission, "canceled", true));
    assertThat(fixture.versionState(versionId)).isEqualTo("DEVELOPER_REJECTED");
    assertThat(infoState()).isEqualTo("DEVELOPER_REJECTED");
  }

  @Test
  void nextVersionGetsACopiedEditableAppInfoThatReplacesTheLiveOneWhenItShips() {
    AppStoreFixture.ok(pomona.send("PATCH", "/v1/appInfos/" + firstInfo, Documents.resource("appInfos").id(firstInfo)
        .toOne("primaryCategory", "appCategories", "WEATHER").document()));
    AppStoreFixture.created(pomona.send("POST", "/v1/appInfoLocalizations", Documents.resource("appInfoLocalizations")
        .attribute("locale", "en-US").attribute("name", "Weather").attribute("subtitle", "Calm forecasts")
        .toOne("appInfo", "appInfos", firstInfo).document()));
    String first = fixture.completeVersion(appId, "1.0", "AFTER_APPROVAL");
    String firstSubmission = submitted(first);
    decide(firstSubmission, Outcome.APPROVE);
    decide(firstSubmission, Outcome.APPROVE);
    assertThat(infoState()).isEqualTo("READY_FOR_DISTRIBUTION");

    String second = fixture.completeVersion(appId, "1.1", "AFTER_APPROVAL");
    Map<String, String> states = infoStates();
    assertThat(states).hasSize(2).containsEntry(firstInfo, "READY_FOR_DISTRIBUTION")
        .containsValue("PREPARE_FOR_SUBMISSION");
    String next = states.keySet().stream().filter(id -> !id.equals(firstInfo)).findFirst().orElseThrow();
    assertThat(pomona.get("/v1/appInfos/" + next + "/primaryCategory").json().path("data").path("id").asText())
        .isEqualTo("WEATHER");
    JsonNode localization = pomona.get("/v1/appInfos/" + next + "/appInfoLocalizations").json().path("data").path(0);
    assertThat(localization.path("attributes").path("subtitle").asText()).isEqualTo("Calm forecasts");
    JsonNode answers = pomona.get("/v1/appInfos/" + next + "/ageRatingDeclaration").json().path("data");
    assertThat(answers.path("attributes").path("violenceRealistic").asText()).isEqualTo("NONE");

    String secondSubmission = submitted(second, next);
    assertThat(infoStates()).containsEntry(firstInfo, "READY_FOR_DISTRIBUTION").containsEntry(next, "WAITING_FOR_REVIEW");
    decide(secondSubmission, Outcome.APPROVE);
    decide(secondSubmission, Outcome.APPROVE);

    assertThat(fixture.versionState(first)).isEqualTo("REPLACED_WITH_NEW_VERSION");
    assertThat(infoStates()).containsEntry(firstInfo, "REPLACED_WITH_NEW_INFO")
        .containsEntry(next, "READY_FOR_DISTRIBUTION");
    assertThat(fixture.attribute("appInfos", firstInfo, "appStoreState")).isEqualTo("REPLACED_WITH_NEW_VERSION");
  }
}
