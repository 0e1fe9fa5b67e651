package io.pomona.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.catalog.Operation;
import io.pomona.store.Store;
import io.pomona.uploads.UploadVault;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TestFlight operations whose success needs more than sample resources: a beta review
 * submission needs a submittable build of an app with its review information, a commit of a
 * build upload file needs a real reservation whose parts arrived, and localizations, notifications
 * and invitations need parents of their own.
 */
public final class TestFlightProbes implements ProbePlanner.DomainProbes {
  private final SweepFixtures fixtures;
  private final Store store;
  private final UploadVault vault;
  private ProbePlanner planner;

  public TestFlightProbes(SweepFixtures fixtures, Store store, UploadVault vault) {
    this.fixtures = fixtures;
    this.store = store;
    this.vault = vault;
  }

  /** The planner whose probe shapes these follow (set once both exist). */
  public void plannedBy(ProbePlanner planner) {
    this.planner = planner;
  }

  @Override
  public Optional<Probe> plan(Operation operation) {
    return switch (operation.id()) {
      case "betaAppReviewSubmissions_createInstance" -> Optional.of(betaReviewSubmission(operation));
      case "buildUploadFiles_updateInstance" -> Optional.of(fileCommit(operation));
      case "betaAppLocalizations_createInstance" ->
          Optional.of(create(operation, Map.of("app", fixtures.fresh("apps", Map.of()))));
      case "betaBuildLocalizations_createInstance" ->
          Optional.of(create(operation, Map.of("build", fixtures.fresh("builds", Map.of()))));
      case "buildBetaNotifications_createInstance" -> Optional.of(create(operation, Map.of("build", testedBuild())));
      case "betaTesterInvitations_createInstance" -> Optional.of(invitation(operation));
      case "apps_betaTesterUsages_getMetrics" -> Optional.of(testerUsages(operation));
      default -> Optional.empty();
    };
  }

  private Probe betaReviewSubmission(Operation operation) {
    String app = fixtures.fresh("apps", Map.of());
    fixtures.resources().update(fixtures.teamId(), "betaAppReviewDetails", app, Map.of(
        "contactFirstName", "Ada", "contactLastName", "Lovelace", "contactPhone", "+1 555 0100",
        "contactEmail", "ada@example.com", "demoAccountRequired", false));
    fixtures.fresh("betaAppLocalizations", Map.of("description", "Sweep", "feedbackEmail", "beta@example.com"),
        Map.of("app", List.of(app)));
    String build = fixtures.fresh("builds", Map.of("processingState", "VALID", "expired", false,
        "expirationDate", "2999-01-01T00:00:00.000Z", "usesNonExemptEncryption", false,
        "buildAudienceType", "APP_STORE_ELIGIBLE"), Map.of("app", List.of(app)));
    JsonNode body = fixtures.body(operation, Optional.empty());
    ((ObjectNode) body.path("data").path("relationships").path("build").path("data")).put("id", build);
    return planner.probe(operation, null, Optional.of(body));
  }

  /** A create whose relationships name fresh parents (one localization per locale and parent). */
  private Probe create(Operation operation, Map<String, String> relatedIds) {
    JsonNode body = fixtures.body(operation, Optional.empty());
    relatedIds.forEach((name, id) ->
        ((ObjectNode) body.path("data").path("relationships").path(name).path("data")).put("id", id));
    return planner.probe(operation, null, Optional.of(body));
  }

  /** A build testers have: its beta detail says it is in beta testing. */
  private String testedBuild() {
    String build = fixtures.fresh("builds", Map.of("processingState", "VALID", "expired", false,
        "expirationDate", "2999-01-01T00:00:00.000Z"), Map.of());
    fixtures.fresh("buildBetaDetails", Map.of("internalBuildState", "IN_BETA_TESTING"),
        Map.of("build", List.of(build)));
    return build;
  }

  /** An invitation is resent to a tester of the app. */
  private Probe invitation(Operation operation) {
    String app = fixtures.fresh("apps", Map.of());
    String tester = fixtures.fresh("betaTesters", Map.of(), Map.of("apps", List.of(app)));
    return create(operation, Map.of("app", app, "betaTester", tester));
  }

  /**
   * An app's usage by tester: Apple requires {@code groupBy} (or a tester filter) here, and a
   * tester in one of its groups who sent feedback on its build gives the series numbers.
   */
  private Probe testerUsages(Operation operation) {
    String app = fixtures.fresh("apps", Map.of());
    String build = fixtures.fresh("builds", Map.of(), Map.of("app", List.of(app)));
    String group = fixtures.fresh("betaGroups", Map.of(), Map.of("app", List.of(app), "builds", List.of(build)));
    String tester = fixtures.fresh("betaTesters", Map.of(), Map.of("betaGroups", List.of(group)));
    fixtures.fresh("betaFeedbackScreenshotSubmissions", Map.of("createdDate", java.time.Instant.now().toString()),
        Map.of("build", List.of(build),
        "tester", List.of(tester)));
    return planner.probe(operation, app, "groupBy=betaTesters", Optional.empty());
  }

  private Probe fileCommit(Operation operation) {
    String file = fixtures.fresh("buildUploadFiles", Map.of("fileSize", 1), Map.of());
    String token = store.read(tx -> tx.get(fixtures.teamId(), "buildUploadFiles", file)).orElseThrow()
        .attributes().get("assetToken").toString();
    vault.putPart(token, 1, 1, new ByteArrayInputStream(new byte[] {7}));
    return planner.probe(operation, file, Optional.of(fixtures.body(operation, Optional.of(file))));
  }
}
