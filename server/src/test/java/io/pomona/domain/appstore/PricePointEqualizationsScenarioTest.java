package io.pomona.domain.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.testing.TestPomona;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A price point's equalizations over HTTP: computed from the price grid (no stored edges), served
 * like any stored relationship — filters, paging, {@code include}, {@code fields} and linkage.
 */
class PricePointEqualizationsScenarioTest {
  @TempDir Path directory;
  private TestPomona pomona;
  private String appId;
  private String usaTierOne;
  private int territories;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory);
    appId = new AppStoreFixture(pomona).app("Weather");
    usaTierOne = PricePoints.id(appId, "USA", 1);
    territories = pomona.get("/v1/territories?limit=1").json().path("meta").path("paging").path("total").asInt();
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  @Test
  void equalizationsAreTheSameTierInEveryOtherTerritoryAcrossPages() {
    List<String> ids = new ArrayList<>();
    Set<String> territoriesSeen = new HashSet<>();
    String next = "/v3/appPricePoints/" + usaTierOne + "/equalizations?limit=50&include=territory";
    int pages = 0;
    while (next != null) {
      TestPomona.Response response = pomona.get(next);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      JsonNode body = response.json();
      assertThat(body.path("meta").path("paging").path("total").asInt()).isEqualTo(territories - 1);
      for (JsonNode point : body.path("data")) {
        ids.add(point.path("id").asText());
        String territory = point.path("relationships").path("territory").path("data").path("id").asText();
        territoriesSeen.add(territory);
        assertThat(PricePoints.key(point.path("id").asText()).orElseThrow().tier()).isEqualTo(1);
      }
      body.path("included").forEach(t -> assertThat(t.path("type").asText()).isEqualTo("territories"));
      assertThat(body.path("included").size()).isEqualTo(body.path("data").size());
      next = body.path("links").has("next")
          ? body.path("links").path("next").asText().substring(pomona.pomona().baseUrl().toString().length()) : null;
      pages++;
    }

    assertThat(pages).isEqualTo((territories - 1 + 49) / 50);
    assertThat(ids).doesNotHaveDuplicates().hasSize(territories - 1).doesNotContain(usaTierOne);
    assertThat(territoriesSeen).hasSize(territories - 1).doesNotContain("USA").contains("JPN", "FRA", "GBR");
  }

  @Test
  void filterByTerritoryAndSparseFieldsNarrowTheList() {
    JsonNode body = pomona.get("/v3/appPricePoints/" + usaTierOne
        + "/equalizations?filter[territory]=JPN,FRA,USA&fields[appPricePoints]=customerPrice").json();

    assertThat(body.path("data")).hasSize(2); // USA is the point itself, not one of its equalizations
    assertThat(body.path("meta").path("paging").path("total").asInt()).isEqualTo(2);
    for (JsonNode point : body.path("data")) {
      assertThat(point.path("attributes").size()).isEqualTo(1);
      assertThat(point.path("relationships").isMissingNode()).isTrue();
      String customerPrice = point.path("attributes").path("customerPrice").asText();
      String territory = PricePoints.key(point.path("id").asText()).orElseThrow().territory();
      assertThat(customerPrice).isEqualTo(territory.equals("JPN") ? "150" : "0.99");
    }
  }

  @Test
  void linkageListsTheSameIdsAsTheRelatedList() {
    JsonNode related = pomona.get("/v3/appPricePoints/" + usaTierOne + "/equalizations?limit=20").json();
    JsonNode linkage = pomona.get("/v3/appPricePoints/" + usaTierOne + "/relationships/equalizations?limit=20").json();

    List<String> relatedIds = new ArrayList<>();
    related.path("data").forEach(p -> relatedIds.add(p.path("id").asText()));
    List<String> linkedIds = new ArrayList<>();
    linkage.path("data").forEach(p -> {
      assertThat(p.path("type").asText()).isEqualTo("appPricePoints");
      linkedIds.add(p.path("id").asText());
    });
    assertThat(linkedIds).hasSize(20).isEqualTo(relatedIds);
    assertThat(linkage.path("meta").path("paging").path("total").asInt()).isEqualTo(territories - 1);
    assertThat(linkage.path("links").path("next").asText()).contains("cursor=");
  }

  @Test
  void aPricePointShowsItsEqualizationsLink() {
    JsonNode point = pomona.get("/v3/appPricePoints/" + usaTierOne).json().path("data");

    assertThat(point.path("relationships").path("equalizations").path("links").path("related").asText())
        .endsWith("/v3/appPricePoints/" + usaTierOne + "/equalizations");
  }

  @Test
  void anotherAppsTierIsNotAnEqualization() {
    String otherApp = new AppStoreFixture(pomona).app("Tides");
    JsonNode body = pomona.get("/v3/appPricePoints/" + PricePoints.id(otherApp, "USA", 1)
        + "/equalizations?filter[territory]=JPN").json();

    assertThat(body.path("data")).hasSize(1);
    assertThat(PricePoints.key(body.path("data").path(0).path("id").asText()).orElseThrow().appId())
        .isEqualTo(otherApp);
  }

  private TestPomona.Response getAccepting(String accept, String pathAndQuery) {
    return pomona.send(HttpRequest.newBuilder(pomona.url(pathAndQuery)).header("Authorization", "Bearer " + pomona.token())
        .header("Accept", accept).GET().build());
  }

  private static List<String> lines(TestPomona.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.header("Content-Type").orElse("")).startsWith("text/csv");
    return response.raw().body().lines().toList();
  }

  @Test
  void pricePointsAnswerAsCsvWhenAskedEveryRowAtOnce() {
    List<String> rows = lines(getAccepting("text/csv", "/v1/apps/" + appId + "/appPricePoints?filter[territory]=USA,JPN"));

    assertThat(rows.get(0)).isEqualTo("id,customerPrice,proceeds,app,territory");
    assertThat(rows).hasSize(1 + 2 * PricePoints.USD_TIERS.size())
        .contains(usaTierOne + ",0.99,0.69," + appId + ",USA")
        .contains(PricePoints.id(appId, "JPN", 1) + ",150,105," + appId + ",JPN");
  }

  @Test
  void equalizationsAnswerAsCsvIgnoringThePageSize() {
    List<String> rows = lines(getAccepting("text/csv;q=0.9, application/xml",
        "/v3/appPricePoints/" + usaTierOne + "/equalizations?limit=5"));

    assertThat(rows).hasSize(1 + territories - 1);
    assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(row).contains("," + appId + ","))
        .noneSatisfy(row -> assertThat(row).endsWith(",USA"));
  }

  @Test
  void jsonStaysTheAnswerUnlessCsvIsPreferred() {
    TestPomona.Response json = getAccepting("application/json, text/csv;q=0.5",
        "/v3/appPricePoints/" + usaTierOne + "/equalizations?limit=5");
    assertThat(json.header("Content-Type").orElse("")).startsWith("application/json");
    assertThat(json.json().path("data")).hasSize(5);

    TestPomona.Response wildcard = getAccepting("*/*", "/v1/apps/" + appId + "/appPricePoints?limit=1");
    assertThat(wildcard.json().path("data")).hasSize(1);

    TestPomona.Response notOffered = getAccepting("text/csv", "/v1/apps/" + appId);
    assertThat(notOffered.header("Content-Type").orElse("")).startsWith("application/json");
  }

  @Test
  void badInputIsAnErrorNamingTheParameter() {
    TestPomona.Response unknown = pomona.get("/v3/appPricePoints/bm90LW91cnM/equalizations");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");

    TestPomona.Response badFilter = pomona.get("/v3/appPricePoints/" + usaTierOne + "/equalizations?filter[tier]=1");
    assertThat(badFilter.status()).as(badFilter.toString()).isEqualTo(400);
    assertThat(badFilter.json().path("errors").path(0).path("source").path("parameter").asText())
        .isEqualTo("filter[tier]");

    TestPomona.Response tooMany = pomona.get("/v3/appPricePoints/" + usaTierOne + "/equalizations?limit=201");
    assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
    assertThat(tooMany.json().path("errors").path(0).path("source").path("parameter").asText()).isEqualTo("limit");
  }
}
