package io.pomona.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.auth.KeyMaterial;
import io.pomona.auth.TokenMinter;
import io.pomona.testing.Admin;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over real HTTP: authentication, teams, keys, apps, and bad input. */
class AdminApiTest {
  @TempDir static Path directory;
  static TestPomona pomona;
  static Admin admin;

  @BeforeAll
  static void start() {
    pomona = TestPomona.start(directory);
    admin = new Admin(pomona);
  }

  @AfterAll
  static void stop() throws Exception {
    pomona.close();
  }

  // ---- authentication ----

  @Test
  void missingTokenGets401() {
    Response answer = admin.sendRaw("GET", "/_pomona/teams", null, null);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.errorCode()).isEqualTo("NOT_AUTHORIZED");
    assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
  }

  @Test
  void wrongTokenGets401() {
    assertThat(admin.sendRaw("GET", "/_pomona/teams", null, "Bearer not-the-admin-token").status()).isEqualTo(401);
    assertThat(admin.sendRaw("GET", "/_pomona/teams", null, "Basic " + admin.token()).status()).isEqualTo(401);
  }

  @Test
  void anApiTokenIsNotAnAdminToken() {
    assertThat(admin.sendRaw("GET", "/_pomona/teams", null, "Bearer " + pomona.token()).status()).isEqualTo(401);
  }

  @Test
  void unknownPathsGet401WithoutTokenAnd404WithIt() {
    assertThat(admin.sendRaw("GET", "/_pomona/nothing-here", null, null).status()).isEqualTo(401);
    Response unknown = admin.get("/_pomona/nothing-here");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("PATH_ERROR");
  }

  @Test
  void wrongMethodGets405() {
    Response answer = admin.send("PATCH", "/_pomona/teams", null);
    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void theIndexListsTheEndpoints() {
    Response index = admin.get("/_pomona");
    assertThat(index.status()).isEqualTo(200);
    assertThat(texts(index.json().path("endpoints"))).contains("GET /_pomona/teams", "POST /_pomona/faults");
  }

  @Test
  void theTokenFileIsInTheDataDirectory() {
    assertThat(pomona.pomona().operator().adminToken().orElseThrow().file())
        .contains(pomona.pomona().dataDirectory().resolve("admin-token"));
  }

  // ---- teams and keys ----

  @Test
  void teamsAreCreatedAndListed() {
    Response created = admin.post("/_pomona/teams", json().put("name", "Acme Labs"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(id).matches("[A-Z0-9]{10}");
    assertThat(created.json().path("issuerId").asText()).hasSize(36);

    Response list = admin.get("/_pomona/teams");
    assertThat(list.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    list.json().path("teams").forEach(team -> names.add(team.path("name").asText()));
    assertThat(names).contains("Acme Labs", "Test Team");
  }

  @Test
  void malformedBodiesGet400WithAClearMessage() {
    assertBadBody(admin.sendRaw("POST", "/_pomona/teams", "{not json", "Bearer " + admin.token()), "not valid JSON");
    assertBadBody(admin.sendRaw("POST", "/_pomona/teams", "[1,2]", "Bearer " + admin.token()), "JSON object");
    assertBadBody(admin.post("/_pomona/teams", json()), "'name'");
    assertBadBody(admin.post("/_pomona/teams", json().put("name", 42)), "'name' must be a string");
    assertBadBody(admin.post("/_pomona/teams", json().put("name", "X").put("nmae", "Y")), "'nmae' is not a member");
    assertBadBody(admin.post("/_pomona/teams", json().put("name", "   ")), "name");
  }

  @Test
  void aKeyIsReturnedOnceAndWorksAgainstTheApiUntilRevoked() throws Exception {
    ObjectNode request = json().put("team", pomona.team().issuerId()).put("name", "CI");
    request.putArray("roles").add("APP_MANAGER");
    Response created = admin.post("/_pomona/keys", request);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode key = created.json();
    String keyId = key.path("keyId").asText();
    assertThat(key.path("privateKey").asText()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(key.path("issuerId").asText()).isEqualTo(pomona.team().issuerId());
    assertThat(key.path("fileName").asText()).isEqualTo("AuthKey_" + keyId + ".p8");
    assertThat(texts(key.path("roles"))).containsExactly("APP_MANAGER");

    String token = new TokenMinter(keyId, KeyMaterial.readPrivateKey(key.path("privateKey").asText()),
        Clock.systemUTC()).teamToken(pomona.team().issuerId(), Duration.ofMinutes(10), List.of());
    assertThat(apiWith(token, "/v1/apps").status()).isEqualTo(200);

    Response listed = admin.get("/_pomona/teams/" + pomona.team().id() + "/keys");
    assertThat(listed.status()).isEqualTo(200);
    JsonNode mine = find(listed.json().path("keys"), "keyId", keyId);
    assertThat(mine.path("active").asBoolean()).isTrue();
    assertThat(mine.has("privateKey")).isFalse();

    Response revoked = admin.post("/_pomona/keys/" + keyId + "/revoke", null);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().path("active").asBoolean()).isFalse();
    assertThat(revoked.json().path("revokedAt").asText()).isNotEmpty();
    assertThat(apiWith(token, "/v1/apps").status()).isEqualTo(401);
  }

  @Test
  void badKeyRequestsGet400And404() {
    ObjectNode unknownRole = json().put("team", pomona.team().id());
    unknownRole.putArray("roles").add("WIZARD");
    assertBadBody(admin.post("/_pomona/keys", unknownRole), "WIZARD");
    ObjectNode noRoles = json().put("team", pomona.team().id());
    noRoles.putArray("roles");
    assertBadBody(admin.post("/_pomona/keys", noRoles), "roles");
    assertBadBody(admin.post("/_pomona/keys", json().put("team", pomona.team().id())), "'roles' is required");
    ObjectNode noTeam = json().put("team", "NOSUCHTEAM");
    noTeam.putArray("roles").add("ADMIN");
    Response missingTeam = admin.post("/_pomona/keys", noTeam);
    assertThat(missingTeam.status()).isEqualTo(404);
    assertThat(missingTeam.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(admin.post("/_pomona/keys/NOSUCHKEY0/revoke", null).status()).isEqualTo(404);
    assertThat(admin.get("/_pomona/teams/NOSUCHTEAM/keys").status()).isEqualTo(404);
  }

  // ---- apps ----

  @Test
  void anAppComesWithWhatAppStoreConnectCreatesAndIsServedByTheApi() {
    Response bundle = pomona.send("POST", "/v1/bundleIds", Documents.resource("bundleIds")
        .attribute("identifier", "com.example.notes").attribute("name", "Notes").attribute("platform", "IOS").document());
    assertThat(bundle.status()).as(bundle.toString()).isEqualTo(201);
    String bundleId = bundle.json().path("data").path("id").asText();

    Response created = admin.post("/_pomona/apps", app("Notes", "com.example.notes", "NOTES1", "IOS", "MAC_OS"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String appId = created.json().path("app").path("id").asText();
    assertThat(appId).matches("[1-9][0-9]{9}");
    assertThat(created.json().path("app").path("attributes").path("bundleId").asText()).isEqualTo("com.example.notes");

    Response read = pomona.get("/v1/apps/" + appId);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    JsonNode attributes = read.json().path("data").path("attributes");
    assertThat(attributes.path("name").asText()).isEqualTo("Notes");
    assertThat(attributes.path("sku").asText()).isEqualTo("NOTES1");
    assertThat(attributes.path("primaryLocale").asText()).isEqualTo("en-US");

    Response versions = pomona.get("/v1/apps/" + appId + "/appStoreVersions");
    assertThat(versions.status()).isEqualTo(200);
    List<String> platforms = new ArrayList<>();
    versions.json().path("data").forEach(version -> {
      platforms.add(version.path("attributes").path("platform").asText());
      assertThat(version.path("attributes").path("versionString").asText()).isEqualTo("1.0");
      assertThat(version.path("attributes").path("appVersionState").asText()).isEqualTo("PREPARE_FOR_SUBMISSION");
    });
    assertThat(platforms).containsExactlyInAnyOrder("IOS", "MAC_OS");
    String versionId = versions.json().path("data").path(0).path("id").asText();
    Response versionLocalizations = pomona.get("/v1/appStoreVersions/" + versionId + "/appStoreVersionLocalizations");
    assertThat(versionLocalizations.json().path("data").path(0).path("attributes").path("locale").asText())
        .isEqualTo("en-US");

    Response infos = pomona.get("/v1/apps/" + appId + "/appInfos?include=appInfoLocalizations,ageRatingDeclaration");
    assertThat(infos.status()).as(infos.toString()).isEqualTo(200);
    assertThat(infos.json().path("data")).hasSize(1);
    assertThat(infos.json().path("data").path(0).path("attributes").path("state").asText())
        .isEqualTo("PREPARE_FOR_SUBMISSION");
    List<String> included = new ArrayList<>();
    infos.json().path("included").forEach(node -> included.add(node.path("type").asText()));
    assertThat(included).containsExactlyInAnyOrder("appInfoLocalizations", "ageRatingDeclarations");

    assertThat(pomona.get("/v1/apps/" + appId + "/betaLicenseAgreement").status()).isEqualTo(200);
    assertThat(pomona.get("/v1/apps/" + appId + "/betaAppReviewDetail").status()).isEqualTo(200);
    Response linked = pomona.get("/v1/bundleIds/" + bundleId + "/relationships/app");
    assertThat(linked.json().path("data").path("id").asText()).isEqualTo(appId);
  }

  @Test
  void appNamesBundleIdsAndSkusAreUniqueWithinTheTeam() {
    assertThat(admin.post("/_pomona/apps", app("Unique One", "com.example.unique", "UNIQUE1", "IOS")).status())
        .isEqualTo(201);

    Response sameBundle = admin.post("/_pomona/apps", app("Unique Two", "com.example.unique", "UNIQUE2", "IOS"));
    assertThat(sameBundle.status()).isEqualTo(409);
    assertThat(sameBundle.json().path("errors").path(0).path("detail").asText()).contains("bundleId");
    assertThat(admin.post("/_pomona/apps", app("Unique One", "com.example.other", "UNIQUE3", "IOS")).status())
        .isEqualTo(409);
    assertThat(admin.post("/_pomona/apps", app("Unique Three", "com.example.third", "UNIQUE1", "IOS")).status())
        .isEqualTo(409);
  }

  @Test
  void badAppRequestsGet400() {
    assertBadBody(admin.post("/_pomona/apps", app("Bad", "com.example.bad", "BAD", "ANDROID")), "platforms");
    assertBadBody(admin.post("/_pomona/apps", app("Bad", "com.example.bad", "BAD")), "platforms");
    assertBadBody(admin.post("/_pomona/apps", app("Bad", "com example", "BAD", "IOS")), "bundleId");
    assertBadBody(admin.post("/_pomona/apps", app("A name far longer than thirty characters", "com.example.bad", "BAD",
        "IOS")), "name");
    ObjectNode badLocale = app("Bad", "com.example.bad", "BAD", "IOS").put("primaryLocale", "English");
    assertBadBody(admin.post("/_pomona/apps", badLocale), "primaryLocale");
    ObjectNode noSku = app("Bad", "com.example.bad", "BAD", "IOS");
    noSku.remove("sku");
    assertBadBody(admin.post("/_pomona/apps", noSku), "'sku' is required");
  }

  // ---- demo seed ----

  @Test
  void seedWithoutDemoIsABadRequest() {
    assertBadBody(admin.post("/_pomona/seed", json()), "'demo' must be true");
    assertBadBody(admin.post("/_pomona/seed", json().put("demo", true).put("seed", "x")), "'seed'");
    assertBadBody(admin.post("/_pomona/seed", json().put("demo", true).put("size", 3)), "'size'");
    assertThat(admin.post("/_pomona/seed", json().put("demo", true).put("team", "NOSUCHTEAM")).status())
        .isEqualTo(404);
  }

  private static Response apiWith(String token, String path) {
    return pomona.send(HttpRequest.newBuilder(pomona.url(path)).header("Authorization", "Bearer " + token).GET().build());
  }

  static ObjectNode app(String name, String bundleId, String sku, String... platforms) {
    ObjectNode app = json().put("team", pomona.team().id()).put("name", name).put("bundleId", bundleId)
        .put("sku", sku).put("primaryLocale", "en-US");
    var array = app.putArray("platforms");
    for (String platform : platforms) {
      array.add(platform);
    }
    return app;
  }

  static void assertBadBody(Response answer, String mentioned) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("ENTITY_INVALID");
    assertThat(answer.json().path("errors").path(0).path("detail").asText()).contains(mentioned);
  }

  static ObjectNode json() {
    return TestPomona.JSON.createObjectNode();
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (node.path(field).asText().equals(value)) {
        return node;
      }
    }
    throw new AssertionError("no " + field + "=" + value + " in " + array);
  }
}
