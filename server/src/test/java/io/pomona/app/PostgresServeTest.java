package io.pomona.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.store.postgres.PostgresSettings;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import io.pomona.testing.TestPostgres;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pomona served from PostgreSQL over real HTTP with real tokens, and a second node on the same
 * database answering for the same team: the multi-node set-up the PostgreSQL store exists for.
 */
@TestPostgres.Required
class PostgresServeTest {
  @TempDir static Path directory;
  static PostgresSettings database;
  static TestPomona pomona;
  static Pomona secondNode;
  static String appId;

  @BeforeAll
  static void start() throws Exception {
    database = TestPostgres.freshSchema();
    pomona = TestPomona.start(directory.resolve("node1"), settings -> settings.withPostgres(database));
    secondNode =
        Pomona.start(
            Settings.forTests(directory.resolve("node2")).withPostgres(database), Clock.systemUTC());
    appId =
        pomona
            .pomona()
            .engine()
            .resources()
            .create(
                pomona.team().id(),
                "apps",
                Optional.of("1000000001"),
                Map.of("name", "Weather Pro", "bundleId", "com.example.weather", "sku", "WEATHER",
                    "primaryLocale", "en-US"),
                Map.of())
            .id();
    for (int i = 1; i <= 5; i++) {
      pomona.pomona().engine().resources().create(pomona.team().id(), "builds", Optional.of("build-" + i),
          Map.of("version", String.valueOf(i), "processingState", i % 2 == 0 ? "VALID" : "PROCESSING",
              "expired", i == 1, "uploadedDate", "2026-11-0" + i + "T10:00:00.000Z"),
          Map.of("app", List.of(appId)));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (secondNode != null) {
        secondNode.close();
      }
    } finally {
      if (pomona != null) {
        pomona.close();
      }
      if (database != null) {
        TestPostgres.dropSchema(database);
      }
    }
  }

  @Test
  void resourceLifecycleOverHttpIsStoredInPostgres() throws SQLException {
    Response created = pomona.send("POST", "/v1/bundleIds", Documents.resource("bundleIds")
        .attribute("identifier", "com.example.pg").attribute("name", "On Postgres")
        .attribute("platform", "IOS").document());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("data").path("id").asText();

    assertThat(rowsInPostgres("bundleIds", id)).isEqualTo(1);
    Response read = pomona.get("/v1/bundleIds/" + id);
    assertThat(read.json().path("data").path("attributes").path("name").asText()).isEqualTo("On Postgres");
    Response found = pomona.get("/v1/bundleIds?filter[identifier]=example.pg");
    assertThat(found.json().path("data")).extracting(n -> n.path("id").asText()).containsExactly(id);

    Response updated = pomona.send("PATCH", "/v1/bundleIds/" + id,
        Documents.resource("bundleIds").id(id).attribute("name", "Renamed").document());
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().path("data").path("attributes").path("name").asText()).isEqualTo("Renamed");

    assertThat(pomona.send("DELETE", "/v1/bundleIds/" + id, null).status()).isEqualTo(204);
    Response gone = pomona.get("/v1/bundleIds/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(rowsInPostgres("bundleIds", id)).isZero();
  }

  @Test
  void filteredSortedPagesFollowNextLinksToTheEnd() {
    List<String> seen = new ArrayList<>();
    String next = "/v1/builds?filter[app]=" + appId + "&sort=-uploadedDate&limit=2";
    while (next != null) {
      Response page = pomona.get(next);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      assertThat(page.json().path("meta").path("paging").path("total").asInt()).isEqualTo(5);
      page.json().path("data").forEach(item -> seen.add(item.path("id").asText()));
      JsonNode link = page.json().path("links").path("next");
      next = link.isMissingNode() ? null : link.asText().substring(pomona.pomona().baseUrl().toString().length());
    }

    assertThat(seen).containsExactly("build-5", "build-4", "build-3", "build-2", "build-1");
    Response valid = pomona.get("/v1/builds?filter[processingState]=VALID&filter[expired]=false&sort=version");
    assertThat(valid.json().path("data")).extracting(n -> n.path("id").asText())
        .containsExactly("build-2", "build-4");
  }

  @Test
  void aSecondNodeOnTheSameDatabaseServesTheSameTeamWithTheSameKeys() {
    Response created = pomona.send("POST", "/v1/bundleIds", Documents.resource("bundleIds")
        .attribute("identifier", "com.example.shared").attribute("name", "Shared")
        .attribute("platform", "IOS").document());
    String id = created.json().path("data").path("id").asText();

    Response onSecond = pomona.send(HttpRequest.newBuilder(secondNode.baseUrl().resolve("/v1/bundleIds/" + id))
        .header("Authorization", "Bearer " + pomona.token()).GET().build());
    Response renamedOnSecond = pomona.send(HttpRequest.newBuilder(secondNode.baseUrl().resolve("/v1/bundleIds/" + id))
        .header("Authorization", "Bearer " + pomona.token()).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(
            Documents.resource("bundleIds").id(id).attribute("name", "Renamed on node 2").document().toString()))
        .build());

    assertThat(onSecond.status()).as(onSecond.toString()).isEqualTo(200);
    assertThat(onSecond.json().path("data").path("attributes").path("identifier").asText())
        .isEqualTo("com.example.shared");
    assertThat(renamedOnSecond.status()).as(renamedOnSecond.toString()).isEqualTo(200);
    assertThat(pomona.get("/v1/bundleIds/" + id).json().path("data").path("attributes").path("name").asText())
        .isEqualTo("Renamed on node 2");
  }

  private static long rowsInPostgres(String type, String id) throws SQLException {
    try (Connection connection = TestPostgres.connect(database);
        PreparedStatement statement =
            connection.prepareStatement("SELECT count(*) FROM resources WHERE type = ? AND id = ?")) {
      statement.setString(1, type);
      statement.setString(2, id);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
