package io.pomona.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Behaviours;
import io.pomona.behaviour.ComputedRelationship;
import io.pomona.behaviour.Scheduling;
import io.pomona.catalog.Operation;
import io.pomona.jsonapi.QueryParser;
import io.pomona.store.StoredResource;
import io.pomona.testing.TestPomona;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine serves a computed relationship like a stored one — its related list, its linkage and
 * {@code include} of it — from the ids its rule gives, skipping ids without a resource and ignoring
 * stored edges. The rule here (an app's builds are those whose version is "computed") stands in for
 * any: 4.4.1's only computed relationships (price point equalizations) are never includable.
 */
class ComputedRelationshipTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path directory;
  private TestPomona pomona;
  private Engine engine;
  private String appId;
  private final List<String> computedBuilds = new ArrayList<>();
  private String storedBuild;

  /** Computes {@code apps.builds}: the team's builds of version "computed", plus an id that does not exist. */
  private static final class ComputedBuilds implements Behaviour {
    @Override
    public Set<String> resourceTypes() {
      return Set.of();
    }

    @Override
    public List<ComputedRelationship> computedRelationships() {
      return List.of(new ComputedRelationship("apps", "builds", (resources, appId) -> {
        List<String> ids = new ArrayList<>(resources.find("builds", Map.of("version", "computed"), 100).stream()
            .map(StoredResource::id).toList());
        ids.add(1, "no-such-build");
        return ids;
      }));
    }
  }

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory);
    Engine served = pomona.pomona().engine();
    engine = new Engine(served.model(), pomona.pomona().store(), JSON, "http://localhost",
        new Behaviours(List.of(new ComputedBuilds())), Clock.systemUTC(), Scheduling.unavailable());
    String team = pomona.team().id();
    appId = engine.resources().create(team, "apps", Optional.empty(), Map.of("name", "Weather",
        "bundleId", "com.example.weather", "sku", "WEATHER", "primaryLocale", "en-US"), Map.of()).id();
    storedBuild = engine.resources().create(team, "builds", Optional.empty(), Map.of("version", "stored"),
        Map.of("app", List.of(appId))).id();
    for (int i = 0; i < 3; i++) {
      computedBuilds.add(engine.resources().create(team, "builds", Optional.empty(), Map.of("version", "computed"),
          Map.of()).id());
    }
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  private JsonNode get(String operationId, String rawQuery) throws IOException {
    Operation operation = engine.model().catalog().operation(operationId).orElseThrow();
    Reply reply = engine.execute(new Call(operation, Optional.of(appId), new QueryParser().parse(operation, rawQuery),
        Optional.empty(), new Caller(pomona.team(), pomona.key().key()), operation.path().replace("{id}", appId),
        rawQuery));
    assertThat(reply.status()).isEqualTo(200);
    return JSON.readTree(reply.body());
  }

  private static List<String> ids(JsonNode data) {
    List<String> ids = new ArrayList<>();
    data.forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  @Test
  void relatedListPagesThroughTheComputedIdsThatExist() throws IOException {
    JsonNode first = get("apps_builds_getToManyRelated", "limit=2");
    assertThat(ids(first.path("data"))).isEqualTo(computedBuilds.subList(0, 2));
    assertThat(first.path("meta").path("paging").path("total").asInt()).isEqualTo(3);
    assertThat(first.path("links").path("next").asText()).contains("cursor=");

    JsonNode linkage = get("apps_builds_getToManyRelationship", "");
    assertThat(ids(linkage.path("data"))).isEqualTo(computedBuilds).doesNotContain(storedBuild);
  }

  @Test
  void includeShowsTheComputedLinkageAndTheRelatedResources() throws IOException {
    JsonNode document = get("apps_getInstance", "include=builds&limit[builds]=2");

    JsonNode builds = document.path("data").path("relationships").path("builds");
    assertThat(ids(builds.path("data"))).isEqualTo(computedBuilds.subList(0, 2));
    assertThat(builds.path("meta").path("paging").path("total").asInt()).isEqualTo(3);
    assertThat(ids(document.path("included"))).containsExactlyInAnyOrderElementsOf(computedBuilds.subList(0, 2));
  }
}
