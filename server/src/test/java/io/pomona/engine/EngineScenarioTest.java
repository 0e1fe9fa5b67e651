package io.pomona.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic engine over real HTTP with real tokens: each test a user story. */
class EngineScenarioTest {
  @TempDir static Path directory;
  static TestPomona pomona;
  static String appId;

  @BeforeAll
  static void start() {
    pomona = TestPomona.start(directory);
    Resources resources = pomona.pomona().engine().resources();
    appId = resources.create(pomona.team().id(), "apps", Optional.of("1000000001"),
        Map.of("name", "Weather Pro", "bundleId", "com.example.weather", "sku", "WEATHER", "primaryLocale", "en-US"),
        Map.of()).id();
    for (int i = 1; i <= 5; i++) {
      resources.create(pomona.team().id(), "builds", Optional.of("build-" + i),
          Map.of("version", String.valueOf(i), "processingState", i % 2 == 0 ? "VALID" : "PROCESSING",
              "expired", i == 1, "uploadedDate", "2026-11-0" + i + "T10:00:00.000Z"),
          Map.of("app", List.of(appId)));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    pomona.close();
  }

  @Test
  void anEmptyToOneAnswersDataNullNotNotFound() {
    // build-1 has no appStoreVersion: the related GET answers 200 with data null, the linkage too.
    Response related = pomona.get("/v1/builds/build-1/appStoreVersion");
    assertThat(related.status()).as(related.toString()).isEqualTo(200);
    assertThat(related.json().path("data").isNull()).isTrue();
    assertThat(related.json().path("links").path("self").asText())
        .isEqualTo(pomona.url("/v1/builds/build-1/appStoreVersion").toString());
    Response linkage = pomona.get("/v1/builds/build-1/relationships/appStoreVersion");
    assertThat(linkage.status()).isEqualTo(200);
    assertThat(linkage.json().path("data").isNull()).isTrue();
    // The owner itself still has to exist.
    assertThat(pomona.get("/v1/builds/nothing/appStoreVersion").status()).isEqualTo(404);
  }

  @Test
  void bundleIdLifecycleCreateReadListUpdateDelete() {
    Response created = pomona.send("POST", "/v1/bundleIds", Documents.resource("bundleIds")
        .attribute("identifier", "com.example.lifecycle").attribute("name", "Lifecycle")
        .attribute("platform", "IOS").document());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode data = created.json().path("data");
    String id = data.path("id").asText();
    assertThat(data.path("type").asText()).isEqualTo("bundleIds");
    assertThat(data.path("attributes").path("identifier").asText()).isEqualTo("com.example.lifecycle");
    assertThat(data.path("links").path("self").asText()).isEqualTo(pomona.url("/v1/bundleIds/" + id).toString());
    assertThat(created.header("Location")).hasValue(pomona.url("/v1/bundleIds/" + id).toString());
    assertThat(data.path("relationships").path("app").path("links").path("related").asText())
        .isEqualTo(pomona.url("/v1/bundleIds/" + id + "/app").toString());

    Response read = pomona.get("/v1/bundleIds/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("data").path("attributes").path("name").asText()).isEqualTo("Lifecycle");
    assertThat(read.json().path("links").path("self").asText()).isEqualTo(pomona.url("/v1/bundleIds/" + id).toString());

    Response bySubstring = pomona.get("/v1/bundleIds?filter[identifier]=example.life");
    assertThat(bySubstring.json().path("data")).extracting(n -> n.path("id").asText()).contains(id);

    Response updated = pomona.send("PATCH", "/v1/bundleIds/" + id,
        Documents.resource("bundleIds").id(id).attribute("name", "Renamed").document());
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().path("data").path("attributes").path("name").asText()).isEqualTo("Renamed");
    assertThat(updated.json().path("data").path("attributes").path("identifier").asText()).isEqualTo("com.example.lifecycle");

    assertThat(pomona.send("DELETE", "/v1/bundleIds/" + id, null).status()).isEqualTo(204);
    Response gone = pomona.get("/v1/bundleIds/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void relatedCollectionFiltersSortAndInclude() {
    Response related = pomona.get("/v1/apps/" + appId + "/builds");
    assertThat(related.status()).as(related.toString()).isEqualTo(200);
    assertThat(related.json().path("meta").path("paging").path("total").asInt()).isEqualTo(5);

    Response valid = pomona.get("/v1/builds?filter[app]=" + appId + "&filter[processingState]=VALID&sort=-version");
    assertThat(ids(valid)).containsExactly("build-4", "build-2");

    Response notExpired = pomona.get("/v1/builds?filter[expired]=false&sort=version");
    assertThat(ids(notExpired)).containsExactly("build-2", "build-3", "build-4", "build-5");

    Response included = pomona.get("/v1/builds?filter[id]=build-3&include=app&fields[apps]=name");
    JsonNode build = included.json().path("data").path(0);
    assertThat(build.path("relationships").path("app").path("data").path("id").asText()).isEqualTo(appId);
    JsonNode app = included.json().path("included").path(0);
    assertThat(app.path("type").asText()).isEqualTo("apps");
    assertThat(app.path("attributes").path("name").asText()).isEqualTo("Weather Pro");
    assertThat(app.path("attributes").has("sku")).isFalse();
    assertThat(included.json().path("included")).hasSize(1);

    Response sparse = pomona.get("/v1/builds/build-2?fields[builds]=version");
    assertThat(sparse.json().path("data").path("attributes").size()).isEqualTo(1);
    assertThat(sparse.json().path("data").has("relationships")).isFalse();
  }

  @Test
  void pagingFollowsNextLinksWithoutSkipsOrRepeatsAndCursorsAreBound() {
    List<String> seen = new ArrayList<>();
    String next = "/v1/builds?sort=-uploadedDate&limit=2";
    int pages = 0;
    while (next != null) {
      Response page = pomona.get(next);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      assertThat(page.json().path("meta").path("paging").path("limit").asInt()).isEqualTo(2);
      seen.addAll(ids(page));
      JsonNode link = page.json().path("links").path("next");
      next = link.isMissingNode() ? null : link.asText().substring(pomona.pomona().baseUrl().toString().length());
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("build-5", "build-4", "build-3", "build-2", "build-1");

    Response first = pomona.get("/v1/builds?sort=-uploadedDate&limit=2");
    String cursor = first.json().path("links").path("next").asText().replaceAll(".*cursor=", "");
    Response replayed = pomona.get("/v1/builds?sort=-uploadedDate&limit=2&filter[processingState]=VALID&cursor=" + cursor);
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(replayed.errorCode()).isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(replayed.json().path("errors").path(0).path("source").path("parameter").asText()).isEqualTo("cursor");
    assertThat(pomona.get("/v1/builds?cursor=!!notacursor").status()).isEqualTo(400);
  }

  @Test
  void relationshipEndpointsAddReplaceAndRemove() {
    Response group = pomona.send("POST", "/v1/betaGroups", Documents.resource("betaGroups")
        .attribute("name", "External").toOne("app", "apps", appId).document());
    assertThat(group.status()).as(group.toString()).isEqualTo(201);
    String groupId = group.json().path("data").path("id").asText();
    List<String> testers = new ArrayList<>();
    for (String email : List.of("a@example.com", "b@example.com", "c@example.com")) {
      Response tester = pomona.send("POST", "/v1/betaTesters",
          Documents.resource("betaTesters").attribute("email", email).document());
      assertThat(tester.status()).as(tester.toString()).isEqualTo(201);
      testers.add(tester.json().path("data").path("id").asText());
    }
    String path = "/v1/betaGroups/" + groupId + "/relationships/betaTesters";
    assertThat(pomona.send("POST", path, Documents.linkage("betaTesters", testers.get(0), testers.get(1))).status()).isEqualTo(204);
    assertThat(linkageIds(pomona.get(path))).containsExactlyInAnyOrder(testers.get(0), testers.get(1));
    assertThat(pomona.send("DELETE", path, Documents.linkage("betaTesters", testers.get(0))).status()).isEqualTo(204);
    assertThat(linkageIds(pomona.get(path))).containsExactly(testers.get(1));
    // the same edge, seen from the tester's side
    assertThat(linkageIds(pomona.get("/v1/betaTesters/" + testers.get(1) + "/relationships/betaGroups"))).containsExactly(groupId);

    Response missing = pomona.send("POST", path, Documents.linkage("betaTesters", "no-such-tester"));
    assertThat(missing.status()).isEqualTo(409);
    assertThat(missing.json().path("errors").path(0).path("source").path("pointer").asText()).isEqualTo("/data/0");
    assertThat(linkageIds(pomona.get(path))).containsExactly(testers.get(1));
  }

  @Test
  void referenceDataIsSharedByEveryTeam() {
    Response territories = pomona.get("/v1/territories?limit=200");
    assertThat(territories.status()).as(territories.toString()).isEqualTo(200);
    assertThat(territories.json().path("meta").path("paging").path("total").asInt()).isEqualTo(175);
    Response games = pomona.get("/v1/appCategories/GAMES/subcategories?limit=50");
    assertThat(games.status()).as(games.toString()).isEqualTo(200);
    assertThat(ids(games)).contains("GAMES_PUZZLE");
  }

  @Test
  void anotherTeamSeesNothingOfThisOne() throws Exception {
    var accounts = new io.pomona.app.Accounts(pomona.pomona().store(), java.time.Clock.systemUTC());
    var other = accounts.createTeam("Other Team");
    var key = accounts.createKey(other, "other", java.util.Set.of("ADMIN"), Optional.empty(), directory.resolve("other"));
    String token = new io.pomona.auth.TokenMinter(key.key().keyId(),
        io.pomona.auth.KeyMaterial.readPrivateKey(java.nio.file.Files.readString(key.privateKeyFile())),
        java.time.Clock.systemUTC()).teamToken(other.issuerId(), java.time.Duration.ofMinutes(10), List.of());
    var request = java.net.http.HttpRequest.newBuilder(pomona.url("/v1/apps/" + appId))
        .header("Authorization", "Bearer " + token).GET().build();
    Response foreign = pomona.send(request);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.errorCode()).isEqualTo("NOT_FOUND");
    var list = java.net.http.HttpRequest.newBuilder(pomona.url("/v1/builds?filter[app]=" + appId))
        .header("Authorization", "Bearer " + token).GET().build();
    assertThat(pomona.send(list).json().path("data")).isEmpty();
    var create = java.net.http.HttpRequest.newBuilder(pomona.url("/v1/betaGroups"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Documents.resource("betaGroups")
            .attribute("name", "Sneaky").toOne("app", "apps", appId).document().toString())).build();
    Response sneaky = pomona.send(create);
    assertThat(sneaky.status()).isEqualTo(409);
    assertThat(sneaky.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/relationships/app/data");
  }

  private static List<String> ids(Response response) {
    List<String> ids = new ArrayList<>();
    response.json().path("data").forEach(node -> ids.add(node.path("id").asText()));
    return ids;
  }

  private static List<String> linkageIds(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return ids(response);
  }

}
