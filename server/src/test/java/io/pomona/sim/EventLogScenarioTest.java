package io.pomona.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.behaviour.EventTypes;
import io.pomona.store.Event;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client writes over HTTP leave their events in the store, in order, in the same transaction. */
class EventLogScenarioTest {
  @TempDir static Path directory;
  static TestPomona pomona;
  static String appId;
  static String buildId;

  @BeforeAll
  static void start() {
    pomona = TestPomona.start(directory);
    appId = pomona.pomona().engine().resources().create(pomona.team().id(), "apps", Optional.empty(),
        Map.of("name", "Notes", "bundleId", "com.example.notes", "sku", "NOTES", "primaryLocale", "en-US"),
        Map.of()).id();
    buildId = pomona.pomona().engine().resources().create(pomona.team().id(), "builds", Optional.empty(),
        Map.of("version", "1", "processingState", "VALID"), Map.of("app", List.of(appId))).id();
  }

  @AfterAll
  static void stop() throws Exception {
    pomona.close();
  }

  private static List<Event> eventsOf(String id) {
    return pomona.pomona().store().read(tx -> tx.events(pomona.team().id(), Optional.empty(), 1000)).stream()
        .filter(e -> e.resourceId().equals(id)).toList();
  }

  @Test
  void createUpdateLinkAndDeleteEachRecordAnEvent() {
    Response created = pomona.send("POST", "/v1/betaGroups", Documents.resource("betaGroups")
        .attribute("name", "Friends").toOne("app", "apps", appId).document());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String group = created.json().path("data").path("id").asText();
    Response renamed = pomona.send("PATCH", "/v1/betaGroups/" + group,
        Documents.resource("betaGroups").id(group).attribute("name", "Family").document());
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    Response linked = pomona.send("POST", "/v1/betaGroups/" + group + "/relationships/builds",
        Documents.linkage("builds", buildId));
    assertThat(linked.status()).as(linked.toString()).isEqualTo(204);
    assertThat(pomona.send("DELETE", "/v1/betaGroups/" + group, null).status()).isEqualTo(204);

    List<Event> events = eventsOf(group);
    assertThat(events).extracting(Event::eventType).containsExactly(EventTypes.RESOURCE_CREATED,
        EventTypes.RESOURCE_UPDATED, EventTypes.RESOURCE_UPDATED, EventTypes.RESOURCE_DELETED);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.resourceType()).isEqualTo("betaGroups");
      assertThat(e.teamId()).isEqualTo(pomona.team().id());
      assertThat(e.payload()).containsEntry("origin", "CLIENT");
      assertThat(e.oldState()).isEmpty();
    });
    // The create lists the attributes stored: the client's name and the defaults Apple fills in.
    assertThat(events.get(0).payload()).containsEntry("relationships", List.of("app"));
    assertThat(events.get(0).payload().get("attributes")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .startsWith("name").contains("createdDate");
    assertThat(events.get(1).payload()).containsEntry("attributes", List.of("name"))
        .doesNotContainKey("relationships");
    assertThat(events.get(2).payload()).containsEntry("relationships", List.of("builds"))
        .doesNotContainKey("attributes");
    assertThat(events.get(3).seq()).isGreaterThan(events.get(2).seq());
  }

  @Test
  void aRefusedWriteLeavesNoEvent() {
    long before = pomona.pomona().store().read(tx -> tx.latestEvents(Optional.empty(), 1)).stream()
        .mapToLong(Event::seq).max().orElse(0);
    Response refused = pomona.send("POST", "/v1/betaGroups", Documents.resource("betaGroups")
        .attribute("name", "Ghosts").toOne("app", "apps", "no-such-app").document());
    assertThat(refused.status()).isEqualTo(409);

    List<Event> after = pomona.pomona().store().read(tx -> tx.eventsAfter(before, 10));
    assertThat(after).isEmpty();
  }

  @Test
  void buildStateTypesRecordOldAndNewStateOnGenericEvents() {
    pomona.pomona().engine().resources().update(pomona.team().id(), "builds", buildId,
        Map.of("usesNonExemptEncryption", false));

    Event updated = eventsOf(buildId).getLast();
    assertThat(updated.eventType()).isEqualTo(EventTypes.RESOURCE_UPDATED);
    assertThat(updated.oldState()).hasValue("VALID");
    assertThat(updated.newState()).hasValue("VALID");
    assertThat(updated.payload()).containsEntry("attributes", List.of("usesNonExemptEncryption"))
        .containsEntry("origin", "OPERATOR");
  }
}
