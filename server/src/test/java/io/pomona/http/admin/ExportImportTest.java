package io.pomona.http.admin;

import static io.pomona.http.admin.AdminApiTest.assertBadBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.auth.KeyMaterial;
import io.pomona.auth.TokenMinter;
import io.pomona.engine.Resources;
import io.pomona.testing.Admin;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export → reset → import reproduces the API's answers exactly, {@code links} (with their
 * cursors) and {@code meta} included. On SQLite here; {@link PostgresExportImportTest} runs the same
 * tests on PostgreSQL.
 */
class ExportImportTest {
  @TempDir Path directory;
  TestPomona pomona;
  Admin admin;
  String teamId;
  String appId;
  String groupId;
  String appInfoId;
  List<String> testers = new ArrayList<>();

  @BeforeEach
  void startWithState() {
    pomona = startPomona(directory);
    admin = new Admin(pomona);
    teamId = pomona.team().id();
    for (String name : List.of("Zeta", "Alpha", "Mid", "Gone")) {
      created(pomona.send("POST", "/v1/bundleIds", Documents.resource("bundleIds")
          .attribute("identifier", "com.example." + name.toLowerCase()).attribute("name", name)
          .attribute("platform", "IOS").document()));
    }
    appId = created(admin.post("/_pomona/apps", app("Notes", "com.example.notes", "NOTES", "IOS", "MAC_OS")))
        .path("app").path("id").asText();
    created(admin.post("/_pomona/apps", app("Second", "com.example.second", "SECOND", "TV_OS")));
    groupId = created(pomona.send("POST", "/v1/betaGroups", Documents.resource("betaGroups")
        .attribute("name", "Friends").toOne("app", "apps", appId).document())).path("data").path("id").asText();
    for (String email : List.of("c@example.com", "a@example.com", "b@example.com")) {
      testers.add(created(pomona.send("POST", "/v1/betaTesters", Documents.resource("betaTesters")
          .attribute("email", email).attribute("firstName", email.substring(0, 1)).document()))
          .path("data").path("id").asText());
    }
    assertThat(pomona.send("POST", "/v1/betaGroups/" + groupId + "/relationships/betaTesters",
        Documents.linkage("betaTesters", testers.get(2), testers.get(0), testers.get(1))).status()).isEqualTo(204);
    Resources resources = pomona.pomona().engine().resources();
    for (int i = 1; i <= 3; i++) {
      resources.create(teamId, "builds", Optional.of("build-" + i), Map.of("version", String.valueOf(i),
          "processingState", "VALID", "uploadedDate", "2026-11-0" + i + "T10:00:00.000Z"), Map.of("app", List.of(appId)));
    }
    appInfoId = pomona.get("/v1/apps/" + appId + "/appInfos").json().path("data").path(0).path("id").asText();
    Response categorized = pomona.send("PATCH", "/v1/appInfos/" + appInfoId, Documents.resource("appInfos").id(appInfoId)
        .toOne("primaryCategory", "appCategories", "GAMES").document());
    assertThat(categorized.status()).as(categorized.toString()).isEqualTo(200);
    Response renamed = pomona.send("PATCH", "/v1/apps/" + appId, Documents.resource("apps").id(appId)
        .attribute("contentRightsDeclaration", "DOES_NOT_USE_THIRD_PARTY_CONTENT").document());
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    String gone = pomona.get("/v1/bundleIds?filter[identifier]=com.example.gone").json().path("data").path(0).path("id").asText();
    assertThat(pomona.send("DELETE", "/v1/bundleIds/" + gone, null).status()).isEqualTo(204);
  }

  /** The server under test; a subclass runs the same tests on another store. */
  protected TestPomona startPomona(Path directory) {
    return TestPomona.start(directory);
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  @Test
  void exportResetImportReproducesEveryAnswer() {
    Map<String, String> before = answers();
    JsonNode exported = admin.get("/_pomona/teams/" + teamId + "/export").json();
    assertThat(exported.path("format").asText()).isEqualTo("pomona-team-state");
    assertThat(exported.path("team").path("id").asText()).isEqualTo(teamId);

    Response reset = admin.post("/_pomona/teams/" + teamId + "/reset", null);
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.json().path("resources").asLong()).isEqualTo(exported.path("resources").size());
    assertThat(reset.json().path("edges").asLong()).isEqualTo(exported.path("edges").size());
    assertThat(pomona.get("/v1/apps").json().path("data")).isEmpty();
    assertThat(pomona.get("/v1/apps/" + appId).status()).isEqualTo(404);

    Response imported = admin.post("/_pomona/teams/" + teamId + "/import", exported);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("seqsPreserved").asBoolean()).isTrue();

    assertThat(answers()).isEqualTo(before);
    ObjectNode again = (ObjectNode) admin.get("/_pomona/teams/" + teamId + "/export").json();
    again.remove("exportedAt");
    ObjectNode original = exported.deepCopy();
    original.remove("exportedAt");
    assertThat(again).isEqualTo(original);
  }

  @Test
  void aPendingTransitionAndTheEventLogSurviveTheRoundTripAndFireOnce() {
    admin.post("/_pomona/clock/freeze", TestPomona.JSON.createObjectNode());
    assertThat(admin.post("/_pomona/policies/build-processing",
        TestPomona.JSON.createObjectNode().put("policy", "auto:1m")).status()).isEqualTo(200);
    String build = pomona.pomona().engine().resources().create(teamId, "builds", Optional.of("build-new"),
        Map.of("version", "9", "processingState", "PROCESSING"), Map.of("app", List.of(appId))).id();
    JsonNode exported = admin.get("/_pomona/teams/" + teamId + "/export").json();
    assertThat(exported.path("transitions")).anySatisfy(transition -> {
      assertThat(transition.path("resourceId").asText()).isEqualTo(build);
      assertThat(transition.path("state").asText()).isEqualTo("PENDING");
    });
    JsonNode events = admin.get("/_pomona/events?team=" + teamId + "&limit=1000").json().path("events");
    assertThat(exported.path("events").size()).isEqualTo(events.size()).isPositive();

    Response reset = admin.post("/_pomona/teams/" + teamId + "/reset", null);
    assertThat(reset.json().path("transitions").asLong()).isEqualTo(exported.path("transitions").size());
    assertThat(reset.json().path("events").asLong()).isEqualTo(events.size());
    assertThat(admin.get("/_pomona/events?team=" + teamId).json().path("events")).isEmpty();
    assertThat(admin.get("/_pomona/clock").json().has("nextDueAt")).isFalse();

    Response imported = admin.post("/_pomona/teams/" + teamId + "/import", exported);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("eventSeqsPreserved").asBoolean()).isTrue();
    assertThat(imported.json().path("transitionIdsPreserved").asBoolean()).isTrue();
    assertThat(admin.get("/_pomona/events?team=" + teamId + "&limit=1000").json().path("events")).isEqualTo(events);
    assertThat(pomona.get("/v1/builds/" + build).json().path("data").path("attributes").path("processingState")
        .asText()).isEqualTo("PROCESSING");

    admin.post("/_pomona/clock/advance", TestPomona.JSON.createObjectNode().put("duration", "1m"));
    assertThat(pomona.get("/v1/builds/" + build).json().path("data").path("attributes").path("processingState")
        .asText()).isEqualTo("VALID");
    JsonNode transitions = admin.get("/_pomona/transitions?team=" + teamId).json().path("transitions");
    // The build also carries its 90-day expiry (build-expiry), still pending; this test follows processing.
    assertThat(transitions).filteredOn(t -> t.path("resourceId").asText().equals(build)
            && t.path("process").asText().equals("build-processing")).singleElement()
        .satisfies(t -> assertThat(t.path("state").asText()).isEqualTo("FIRED"));
  }

  @Test
  void theSeededDemoTeamRoundTripsThroughExportResetImport() {
    admin.post("/_pomona/clock/freeze", TestPomona.JSON.createObjectNode());
    Response seeded = admin.post("/_pomona/seed", TestPomona.JSON.createObjectNode().put("demo", true));
    assertThat(seeded.status()).as(seeded.toString()).isEqualTo(201);
    JsonNode team = seeded.json().path("team");
    String demoApp = seeded.json().path("appIds").path(0).asText();
    ObjectNode keyRequest = TestPomona.JSON.createObjectNode().put("team", team.path("id").asText()).put("name", "ci");
    keyRequest.putArray("roles").add("ADMIN");
    JsonNode key = created(admin.post("/_pomona/keys", keyRequest));
    TokenMinter minter = new TokenMinter(key.path("keyId").asText(),
        KeyMaterial.readPrivateKey(key.path("privateKey").asText()), Clock.systemUTC());
    String token = minter.teamToken(team.path("issuerId").asText(), Duration.ofMinutes(10), List.of());
    List<String> sample = List.of(
        "/v1/apps?include=appStoreVersions,builds&limit=2",
        "/v1/builds?sort=-uploadedDate&limit=5&include=app,preReleaseVersion",
        "/v1/betaGroups?include=betaTesters",
        "/v1/apps/" + demoApp + "/appStoreVersions?include=appStoreVersionLocalizations&limit=3",
        "/v1/apps/" + demoApp + "/customerReviews?include=response",
        "/v1/ciProducts?include=app,primaryRepositories",
        "/v1/users?include=visibleApps",
        "/v1/certificates?limit=3",
        "/v1/devices?sort=name&limit=4");
    Map<String, String> before = answersWith(token, sample);

    JsonNode exported = admin.get("/_pomona/teams/" + team.path("id").asText() + "/export").json();
    assertThat(admin.post("/_pomona/teams/" + team.path("id").asText() + "/reset", null).status()).isEqualTo(200);
    assertThat(apiWith(token, "/v1/apps").json().path("data")).isEmpty();
    Response imported = admin.post("/_pomona/teams/" + team.path("id").asText() + "/import", exported);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

    assertThat(answersWith(token, sample)).isEqualTo(before);
  }

  private Response apiWith(String token, String path) {
    return pomona.send(HttpRequest.newBuilder(pomona.url(path)).header("Authorization", "Bearer " + token).GET()
        .build());
  }

  private Map<String, String> answersWith(String token, List<String> requests) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String request : requests) {
      Response response = apiWith(token, request);
      assertThat(response.status()).as(request + " " + response).isEqualTo(200);
      assertThat(response.json().path("data")).as(request).isNotEmpty();
      answers.put(request, response.raw().body());
    }
    return answers;
  }

  @Test
  void linksMadeAfterAnImportComeAfterTheImportedOnes() {
    JsonNode exported = admin.get("/_pomona/teams/" + teamId + "/export").json();
    admin.post("/_pomona/teams/" + teamId + "/reset", null);
    admin.post("/_pomona/teams/" + teamId + "/import", exported);

    String newcomer = created(pomona.send("POST", "/v1/betaTesters", Documents.resource("betaTesters")
        .attribute("email", "d@example.com").document())).path("data").path("id").asText();
    pomona.send("POST", "/v1/betaGroups/" + groupId + "/relationships/betaTesters",
        Documents.linkage("betaTesters", newcomer));

    List<String> ids = new ArrayList<>();
    pomona.get("/v1/betaGroups/" + groupId + "/relationships/betaTesters").json().path("data")
        .forEach(node -> ids.add(node.path("id").asText()));
    assertThat(ids).containsExactly(testers.get(2), testers.get(0), testers.get(1), newcomer);
    List<String> apps = new ArrayList<>();
    pomona.get("/v1/betaTesters").json().path("data").forEach(node -> apps.add(node.path("id").asText()));
    assertThat(apps).endsWith(newcomer);
  }

  @Test
  void importingOverStateNeedsReplace() {
    JsonNode exported = admin.get("/_pomona/teams/" + teamId + "/export").json();

    Response refused = admin.post("/_pomona/teams/" + teamId + "/import", exported);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("STATE_ERROR");

    Map<String, String> before = answers();
    Response replaced = admin.post("/_pomona/teams/" + teamId + "/import?replace=true", exported);
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(answers()).isEqualTo(before);
  }

  @Test
  void anotherTeamCanImportACopyWithFreshSeqs() {
    JsonNode exported = admin.get("/_pomona/teams/" + teamId + "/export").json();
    String other = created(admin.post("/_pomona/teams", TestPomona.JSON.createObjectNode().put("name", "Copy")))
        .path("id").asText();

    Response imported = admin.post("/_pomona/teams/" + other + "/import", exported);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("seqsPreserved").asBoolean()).isFalse();
    JsonNode copy = admin.get("/_pomona/teams/" + other + "/export").json();
    assertThat(copy.path("resources").size()).isEqualTo(exported.path("resources").size());
    assertThat(copy.path("edges")).isEqualTo(exported.path("edges"));
  }

  @Test
  void malformedStateDocumentsGet400AndWriteNothing() {
    JsonNode exported = admin.get("/_pomona/teams/" + teamId + "/export").json();
    admin.post("/_pomona/teams/" + teamId + "/reset", null);

    assertBadBody(admin.post("/_pomona/teams/" + teamId + "/import", TestPomona.JSON.createObjectNode()), "/format");
    ObjectNode unknownType = exported.deepCopy();
    ((ObjectNode) unknownType.path("resources").path(0)).put("type", "spaceships");
    assertBadBody(admin.post("/_pomona/teams/" + teamId + "/import", unknownType), "'spaceships' is not a resource type");
    ObjectNode repeated = exported.deepCopy();
    ((ArrayNode) repeated.path("resources")).add(repeated.path("resources").path(0).deepCopy());
    assertBadBody(admin.post("/_pomona/teams/" + teamId + "/import", repeated), "repeats");
    ObjectNode dangling = exported.deepCopy();
    ((ObjectNode) firstEdge(dangling, "apps.builds")).put("toId", "no-such-build");
    assertBadBody(admin.post("/_pomona/teams/" + teamId + "/import", dangling), "does not hold");
    ObjectNode unknownCategory = exported.deepCopy();
    ((ObjectNode) firstEdge(unknownCategory, "appInfos.primaryCategory")).put("toId", "NO_SUCH_CATEGORY");
    assertBadBody(admin.post("/_pomona/teams/" + teamId + "/import", unknownCategory), "reference data lacks");
    ObjectNode badRelation = exported.deepCopy();
    ((ObjectNode) firstEdge(badRelation, "apps.builds")).put("relation", "apps.spaceships");
    assertBadBody(admin.post("/_pomona/teams/" + teamId + "/import", badRelation), "not a relationship");
    ObjectNode badTime = exported.deepCopy();
    ((ObjectNode) badTime.path("resources").path(1)).put("createdAt", "yesterday");
    assertBadBody(admin.post("/_pomona/teams/" + teamId + "/import", badTime), "/resources/1/createdAt");
    ObjectNode badEvent = exported.deepCopy();
    ((ObjectNode) badEvent.path("events").path(0)).remove("payload");
    assertBadBody(admin.post("/_pomona/teams/" + teamId + "/import", badEvent), "/events/0/payload");
    ObjectNode badTransition = exported.deepCopy();
    ((ArrayNode) badTransition.withArray("transitions")).addObject().put("id", 1).put("state", "SOMETIMES");
    assertBadBody(admin.post("/_pomona/teams/" + teamId + "/import", badTransition), "/transitions/");
    assertBadBody(admin.sendRaw("POST", "/_pomona/teams/" + teamId + "/import", "{\"format\":", "Bearer " + admin.token()),
        "not valid JSON");

    assertThat(pomona.get("/v1/apps").json().path("data")).isEmpty();
    assertThat(admin.get("/_pomona/teams/" + teamId + "/export").json().path("resources")).isEmpty();
  }

  @Test
  void resetKeepsTheTeamAndItsKeys() {
    admin.post("/_pomona/teams/" + teamId + "/reset", null);

    assertThat(pomona.get("/v1/apps").status()).isEqualTo(200);
    assertThat(admin.get("/_pomona/teams/" + teamId + "/keys").json().path("keys")).hasSize(1);
    assertThat(pomona.get("/v1/territories?limit=1").json().path("data")).hasSize(1);
  }

  @Test
  void unknownTeamsGet404() {
    assertThat(admin.get("/_pomona/teams/NOSUCHTEAM/export").status()).isEqualTo(404);
    assertThat(admin.post("/_pomona/teams/NOSUCHTEAM/reset", null).status()).isEqualTo(404);
    assertThat(admin.post("/_pomona/teams/NOSUCHTEAM/import", TestPomona.JSON.createObjectNode()).status()).isEqualTo(404);
  }

  /** The answers of a sample of read operations, by request, as the bytes the client gets. */
  private Map<String, String> answers() {
    List<String> requests = List.of(
        "/v1/apps?limit=1",
        "/v1/apps/" + appId + "?include=appStoreVersions,appInfos,betaGroups",
        "/v1/apps/" + appId + "/appStoreVersions?include=appStoreVersionLocalizations",
        "/v1/apps/" + appId + "/builds?limit=2",
        "/v1/builds?sort=-version&limit=2",
        "/v1/betaGroups/" + groupId + "/relationships/betaTesters?limit=2",
        "/v1/betaGroups/" + groupId + "/betaTesters?limit=2&fields[betaTesters]=email",
        "/v1/betaTesters/" + testers.get(0) + "/relationships/betaGroups",
        "/v1/bundleIds?sort=name&limit=2",
        "/v1/bundleIds?filter[identifier]=com.example",
        "/v1/appInfos/" + appInfoId + "?include=primaryCategory,appInfoLocalizations",
        "/v1/apps/" + appId + "/betaLicenseAgreement");
    Map<String, String> answers = new LinkedHashMap<>();
    for (String request : requests) {
      Response response = pomona.get(request);
      assertThat(response.status()).as(request + " " + response).isEqualTo(200);
      answers.put(request, response.raw().body());
    }
    assertThat(answers.get("/v1/apps?limit=1")).contains("cursor=");
    assertThat(answers.get("/v1/betaGroups/" + groupId + "/relationships/betaTesters?limit=2")).contains("cursor=");
    return answers;
  }

  private static JsonNode firstEdge(JsonNode document, String relation) {
    for (JsonNode edge : document.path("edges")) {
      if (edge.path("relation").asText().equals(relation)) {
        return edge;
      }
    }
    throw new AssertionError("no " + relation + " edge in the export");
  }

  private ObjectNode app(String name, String bundleId, String sku, String... platforms) {
    ObjectNode app = TestPomona.JSON.createObjectNode().put("team", teamId).put("name", name).put("bundleId", bundleId)
        .put("sku", sku).put("primaryLocale", "en-US");
    ArrayNode array = app.putArray("platforms");
    for (String platform : platforms) {
      array.add(platform);
    }
    return app;
  }

  private static JsonNode created(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }
}
