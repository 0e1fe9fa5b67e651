package io.pomona.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine behaviours the OpenAPI conformance sweep brought in, each shown as a client sees it:
 * relationships only writes name, links that are valid URIs, empty to-ones, links of resources that
 * have no GET of their own, and operations that are not JSON:API.
 */
class EngineConformanceScenarioTest {
  @TempDir static Path directory;
  static TestPomona pomona;
  static String appId;

  @BeforeAll
  static void start() {
    pomona = TestPomona.start(directory);
    appId = pomona.pomona().engine().resources().create(pomona.team().id(), "apps", Optional.empty(),
        Map.of("name", "Weather Pro", "bundleId", "com.example.weather", "sku", "WEATHER", "primaryLocale", "en-US"),
        Map.of()).id();
  }

  @AfterAll
  static void stop() throws Exception {
    pomona.close();
  }

  @Test
  void aRelationshipOnlyTheCreateRequestNamesIsTheEdgeTheOtherSideShows() {
    // SubscriptionGroup shows no `app` relationship, but its create request takes one; the app
    // lists its subscription groups.
    Response created = pomona.send("POST", "/v1/subscriptionGroups", Documents.resource("subscriptionGroups")
        .attribute("referenceName", "Premium").toOne("app", "apps", appId).document());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String groupId = created.json().path("data").path("id").asText();
    assertThat(created.json().path("data").path("relationships").has("app")).isFalse();

    Response groups = pomona.get("/v1/apps/" + appId + "/subscriptionGroups");
    assertThat(groups.status()).as(groups.toString()).isEqualTo(200);
    assertThat(groups.json().path("data")).extracting(n -> n.path("id").asText()).containsExactly(groupId);
    Response linkage = pomona.get("/v1/apps/" + appId + "/relationships/subscriptionGroups");
    assertThat(linkage.json().path("data")).extracting(n -> n.path("id").asText()).containsExactly(groupId);
  }

  @Test
  void linksAreValidUrisEvenWhenTheRequestSentRawBrackets() {
    Response builds = pomona.get("/v1/builds?filter[app]=" + appId + "&limit=1");
    assertThat(builds.status()).as(builds.toString()).isEqualTo(200);
    String self = builds.json().path("links").path("self").asText();
    assertThat(self).isEqualTo(pomona.url("/v1/builds?filter%5Bapp%5D=" + appId + "&limit=1").toString());
    assertThat(URI.create(self).getQuery()).isEqualTo("filter[app]=" + appId + "&limit=1");
  }

  @Test
  void anEmptyToOneHasLinksButNoData() {
    String buildId = pomona.pomona().engine().resources().create(pomona.team().id(), "builds", Optional.empty(),
        Map.of("version", "1"), Map.of("app", List.of(appId))).id();
    Response build = pomona.get("/v1/builds/" + buildId + "?include=app,preReleaseVersion");
    assertThat(build.status()).as(build.toString()).isEqualTo(200);
    JsonNode relationships = build.json().path("data").path("relationships");
    assertThat(relationships.path("app").path("data").path("id").asText()).isEqualTo(appId);
    // The spec's to-one data is an object, never null: an empty one is left out.
    assertThat(relationships.path("preReleaseVersion").has("data")).isFalse();
    assertThat(relationships.path("preReleaseVersion").path("links").path("related").asText())
        .endsWith("/v1/builds/" + buildId + "/preReleaseVersion");
  }

  @Test
  void aResourceWithNoGetOfItsOwnStillLinksToItself() {
    // Build icons are only read through their build; their links.self follows Apple's /v1/{type}/{id}.
    String iconId = pomona.pomona().engine().resources().create(pomona.team().id(), "buildIcons", Optional.empty(),
        Map.of("name", "AppIcon", "iconType", "APP_STORE", "masked", true), Map.of()).id();
    String buildId = pomona.pomona().engine().resources().create(pomona.team().id(), "builds", Optional.empty(),
        Map.of("version", "2"), Map.of("app", List.of(appId), "icons", List.of(iconId))).id();
    Response icons = pomona.get("/v1/builds/" + buildId + "/icons");
    assertThat(icons.status()).as(icons.toString()).isEqualTo(200);
    assertThat(icons.json().path("data").path(0).path("links").path("self").asText())
        .isEqualTo(pomona.url("/v1/buildIcons/" + iconId).toString());
  }

  @Test
  void anOperationThatIsNotJsonApiAnswers501() {
    Response metrics = pomona.get("/v1/apps/" + appId + "/perfPowerMetrics");
    assertThat(metrics.status()).as(metrics.toString()).isEqualTo(501);
    assertThat(metrics.errorCode()).isEqualTo("NOT_IMPLEMENTED");
  }
}
