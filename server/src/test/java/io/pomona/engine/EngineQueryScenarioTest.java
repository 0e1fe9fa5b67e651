package io.pomona.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Query semantics (dotted filters, exists, limit[rel]) and body errors, over HTTP. */
class EngineQueryScenarioTest {
  @TempDir static Path directory;
  static TestPomona pomona;

  @BeforeAll
  static void start() {
    pomona = TestPomona.start(directory);
    Resources resources = pomona.pomona().engine().resources();
    String team = pomona.team().id();
    String app = resources.create(team, "apps", Optional.of("2000000001"), Map.of("name", "Notes", "bundleId", "com.example.notes"), Map.of()).id();
    String v1 = resources.create(team, "preReleaseVersions", Optional.of("prv-1"), Map.of("version", "1.0", "platform", "IOS"), Map.of("app", List.of(app))).id();
    String v2 = resources.create(team, "preReleaseVersions", Optional.of("prv-2"), Map.of("version", "2.0", "platform", "IOS"), Map.of("app", List.of(app))).id();
    resources.create(team, "builds", Optional.of("b1"), Map.of("version", "10", "usesNonExemptEncryption", false), Map.of("app", List.of(app), "preReleaseVersion", List.of(v1)));
    resources.create(team, "builds", Optional.of("b2"), Map.of("version", "11"), Map.of("app", List.of(app), "preReleaseVersion", List.of(v1)));
    resources.create(team, "builds", Optional.of("b3"), Map.of("version", "20", "usesNonExemptEncryption", true), Map.of("app", List.of(app), "preReleaseVersion", List.of(v2)));
    resources.create(team, "betaGroups", Optional.of("g1"), Map.of("name", "Alpha"), Map.of("app", List.of(app), "builds", List.of("b1", "b3")));
    resources.create(team, "betaGroups", Optional.of("g2"), Map.of("name", "Beta"), Map.of("app", List.of(app), "builds", List.of("b1")));
  }

  @AfterAll
  static void stop() throws Exception {
    pomona.close();
  }

  @Test
  void dottedFilterMatchesTheRelatedResourcesAttribute() {
    assertThat(ids(pomona.get("/v1/builds?filter[preReleaseVersion.version]=1.0&sort=version"))).containsExactly("b1", "b2");
    assertThat(ids(pomona.get("/v1/builds?filter[preReleaseVersion.version]=2.0,1.0&sort=-version"))).containsExactly("b3", "b2", "b1");
    assertThat(ids(pomona.get("/v1/preReleaseVersions?filter[builds.version]=20"))).containsExactly("prv-2");
  }

  @Test
  void existsTestsPresence() {
    assertThat(ids(pomona.get("/v1/builds?exists[usesNonExemptEncryption]=true&sort=version"))).containsExactly("b1", "b3");
    assertThat(ids(pomona.get("/v1/builds?exists[usesNonExemptEncryption]=false"))).containsExactly("b2");
  }

  @Test
  void relationshipFilterAndAndAcrossFilters() {
    assertThat(ids(pomona.get("/v1/builds?filter[betaGroups]=g1&sort=version"))).containsExactly("b1", "b3");
    assertThat(ids(pomona.get("/v1/builds?filter[betaGroups]=g1&filter[version]=10"))).containsExactly("b1");
    assertThat(ids(pomona.get("/v1/builds?filter[betaGroups]=g2,g1&filter[version]=20,11"))).containsExactly("b3");
  }

  @Test
  void includedToManyHonoursLimitAndReportsTheTotal() {
    Response response = pomona.get("/v1/builds/b1?include=betaGroups&limit[betaGroups]=1");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode groups = response.json().path("data").path("relationships").path("betaGroups");
    assertThat(groups.path("data")).hasSize(1);
    assertThat(groups.path("meta").path("paging").path("total").asInt()).isEqualTo(2);
    assertThat(groups.path("meta").path("paging").path("limit").asInt()).isEqualTo(1);
    assertThat(response.json().path("included")).hasSize(1);
  }

  @Test
  void toOneRelatedAndLinkage() {
    Response app = pomona.get("/v1/builds/b1/app");
    assertThat(app.json().path("data").path("id").asText()).isEqualTo("2000000001");
    Response linkage = pomona.get("/v1/builds/b1/relationships/preReleaseVersion");
    assertThat(linkage.json().path("data").path("type").asText()).isEqualTo("preReleaseVersions");
    assertThat(linkage.json().path("data").path("id").asText()).isEqualTo("prv-1");
    // A linkage document's top-level links are the spec's DocumentLinks: self only.
    assertThat(linkage.json().path("links").path("self").asText())
        .endsWith("/v1/builds/b1/relationships/preReleaseVersion");
    assertThat(linkage.json().path("links").has("related")).isFalse();
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        Arguments.of("unknown attribute", Documents.resource("bundleIds").attribute("identifier", "com.x").attribute("name", "X")
            .attribute("platform", "IOS").attribute("colour", "red").document(), 409, "ENTITY_ERROR.ATTRIBUTE.UNKNOWN", "/data/attributes/colour"),
        Arguments.of("missing required", Documents.resource("bundleIds").attribute("name", "X").attribute("platform", "IOS").document(),
            409, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", "/data/attributes/identifier"),
        Arguments.of("enum value", Documents.resource("bundleIds").attribute("identifier", "com.x").attribute("name", "X")
            .attribute("platform", "WINDOWS").document(), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/platform"),
        Arguments.of("value type", Documents.resource("bundleIds").attribute("identifier", "com.x").attribute("name", 42)
            .attribute("platform", "IOS").document(), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/name"),
        Arguments.of("id on create", Documents.resource("bundleIds").id("mine").attribute("identifier", "com.x").attribute("name", "X")
            .attribute("platform", "IOS").document(), 409, "ENTITY_ERROR.UNEXPECTED_ID", "/data/id"),
        Arguments.of("not JSON:API", misspelled(), 422, "ENTITY_UNPROCESSABLE", "/data/atributes"));
  }

  private static ObjectNode misspelled() {
    ObjectNode document = Documents.resource("bundleIds").document();
    ((ObjectNode) document.get("data")).putObject("atributes").put("name", "X");
    return document;
  }

  @ParameterizedTest(name = "{0} → {2} {3}")
  @MethodSource("badBodies")
  void badBodyGetsCodeAndPointerAndStoresNothing(String name, ObjectNode body, int status, String code, String pointer) {
    long before = pomona.get("/v1/bundleIds").json().path("meta").path("paging").path("total").asLong();
    Response response = pomona.send("POST", "/v1/bundleIds", body);
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    List<String> codes = new ArrayList<>();
    List<String> pointers = new ArrayList<>();
    response.json().path("errors").forEach(e -> {
      codes.add(e.path("code").asText());
      pointers.add(e.path("source").path("pointer").asText());
    });
    assertThat(codes).contains(code);
    assertThat(pointers).contains(pointer);
    assertThat(pomona.get("/v1/bundleIds").json().path("meta").path("paging").path("total").asLong()).isEqualTo(before);
  }

  @Test
  void severalProblemsComeInOneResponse() {
    Response response = pomona.send("POST", "/v1/bundleIds", Documents.resource("bundleIds")
        .attribute("platform", "WINDOWS").attribute("colour", "red").document());
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.json().path("errors").size()).isGreaterThanOrEqualTo(3);
  }

  private static List<String> ids(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response.json().path("data").forEach(node -> ids.add(node.path("id").asText()));
    return ids;
  }
}
