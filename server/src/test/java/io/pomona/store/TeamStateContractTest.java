package io.pomona.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.account.Team;
import io.pomona.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link Store} must do with a whole team's state (export, import, reset), whatever database
 * is behind it. Kept apart from {@link StoreContractTest} because only the operator surface needs it.
 */
public abstract class TeamStateContractTest {
  private static final Instant START = Instant.parse("2026-03-01T09:30:00.123Z");
  private static final String TEAM_A = "7X3K9P2Q8L";
  private static final String TEAM_B = "4M8N2B6V1C";
  private static final Relation APP_BUILDS = new Relation("apps.builds", "apps", "builds");
  private static final Relation APP_TERRITORIES =
      new Relation("apps.territories", "apps", "territories");

  private final TestClock clock = new TestClock(START);
  private Store store;

  protected abstract Store openStore(Clock clock);

  @BeforeEach
  void openEmptyStore() {
    store = openStore(clock);
    store.write(
        tx -> {
          tx.createTeam(new Team(TEAM_A, "issuer-a", "A", START));
          tx.createTeam(new Team(TEAM_B, "issuer-b", "B", START));
        });
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void teamResourcesPageThroughEveryTypeInSeqOrderAndOnlyThatTeam() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "apps", "1", Map.of("name", "One"));
          tx.insert(TEAM_B, "apps", "9", Map.of());
          tx.insert(TEAM_A, "builds", "b1", Map.of());
          tx.insert(StoredResource.GLOBAL_TEAM, "territories", "USA", Map.of());
          tx.insert(TEAM_A, "apps", "2", Map.of());
        });

    Page<StoredResource> first = store.read(tx -> tx.teamResources(TEAM_A, Optional.empty(), 2));
    Page<StoredResource> second =
        store.read(tx -> tx.teamResources(TEAM_A, Optional.of(first.last().orElseThrow().seq()), 2));

    assertThat(first.items()).extracting(StoredResource::id).containsExactly("1", "b1");
    assertThat(first.hasMore()).isTrue();
    assertThat(first.total()).isEqualTo(3);
    assertThat(second.items()).extracting(StoredResource::id).containsExactly("2");
    assertThat(second.hasMore()).isFalse();
  }

  @Test
  void teamEdgesPageInKeyOrderWithTheirRelationAndPosition() {
    store.write(
        tx -> {
          tx.addEdges(TEAM_A, APP_BUILDS, "1", List.of("b2", "b1"));
          tx.addEdges(TEAM_A, APP_TERRITORIES, "1", List.of("USA"));
          tx.addEdges(TEAM_B, APP_BUILDS, "9", List.of("b9"));
        });

    List<StoredEdge> all = new ArrayList<>();
    Optional<StoredEdge> after = Optional.empty();
    Page<StoredEdge> page;
    do {
      Optional<StoredEdge> from = after;
      page = store.read(tx -> tx.teamEdges(TEAM_A, from, 1));
      all.addAll(page.items());
      after = page.last();
      assertThat(page.total()).isEqualTo(3);
    } while (page.hasMore());

    assertThat(all).extracting(edge -> edge.relation().key() + ":" + edge.toId())
        .containsExactly("apps.builds:b1", "apps.builds:b2", "apps.territories:USA");
    assertThat(all.get(0).relation()).isEqualTo(APP_BUILDS);
    assertThat(all.get(1).position()).isLessThan(all.get(0).position());
  }

  @Test
  void restoredResourcesKeepTimesVersionsAndFreeSeqs() {
    StoredResource original = store.transaction(tx -> tx.insert(TEAM_A, "apps", "1", Map.of("name", "One")));
    clock.advance(Duration.ofMinutes(5));
    StoredResource updated = store.transaction(tx -> tx.update(TEAM_A, "apps", "1", Map.of("name", "Uno")));
    store.write(tx -> tx.clearTeamState(TEAM_A));
    clock.advance(Duration.ofHours(1));

    boolean kept = store.transaction(tx -> tx.restoreResources(List.of(updated)));
    StoredResource later = store.transaction(tx -> tx.insert(TEAM_A, "apps", "2", Map.of()));

    assertThat(kept).isTrue();
    assertThat(store.<Optional<StoredResource>>read(tx -> tx.get(TEAM_A, "apps", "1"))).contains(updated);
    assertThat(updated.createdAt()).isEqualTo(original.createdAt());
    assertThat(updated.version()).isEqualTo(2);
    assertThat(later.seq()).isGreaterThan(updated.seq());
    assertThat(store.read(tx -> tx.list(TEAM_A, "apps", Optional.empty(), 10)).total()).isEqualTo(2);
  }

  @Test
  void restoringSeqsHeldByAnotherTeamGivesFreshSeqsInTheSameOrder() {
    StoredResource first = store.transaction(tx -> tx.insert(TEAM_A, "apps", "1", Map.of()));
    StoredResource second = store.transaction(tx -> tx.insert(TEAM_A, "builds", "b", Map.of()));
    List<StoredResource> copies = List.of(copyTo(TEAM_B, first), copyTo(TEAM_B, second));

    boolean kept = store.transaction(tx -> tx.restoreResources(copies));

    assertThat(kept).isFalse();
    StoredResource copiedFirst = store.read(tx -> tx.get(TEAM_B, "apps", "1")).orElseThrow();
    StoredResource copiedSecond = store.read(tx -> tx.get(TEAM_B, "builds", "b")).orElseThrow();
    assertThat(copiedFirst.seq()).isGreaterThan(second.seq());
    assertThat(copiedSecond.seq()).isGreaterThan(copiedFirst.seq());
    assertThat(copiedFirst.createdAt()).isEqualTo(first.createdAt());
  }

  @Test
  void restoringAnExistingResourceGets409AndWritesNothing() {
    StoredResource app = store.transaction(tx -> tx.insert(TEAM_A, "apps", "1", Map.of()));

    assertThatThrownBy(() -> store.write(tx -> tx.restoreResources(List.of(app))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void restoredEdgesKeepPositionsAndLaterLinksComeAfter() {
    List<StoredEdge> edges = List.of(
        new StoredEdge(APP_BUILDS, "1", "b1", 500), new StoredEdge(APP_BUILDS, "1", "b2", 400));

    store.write(tx -> tx.restoreEdges(TEAM_A, edges));
    store.write(tx -> tx.addEdges(TEAM_A, APP_BUILDS, "1", List.of("b3")));

    Page<Edge> targets = store.read(tx -> tx.targets(TEAM_A, APP_BUILDS, "1", Optional.empty(), 10));
    assertThat(targets.items()).extracting(Edge::toId).containsExactly("b2", "b1", "b3");
    assertThat(targets.items()).extracting(Edge::position).startsWith(400L, 500L);
    assertThat(targets.items().get(2).position()).isGreaterThan(500L);
  }

  @Test
  void clearingATeamRemovesItsResourcesAndEdgesOnly() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "apps", "1", Map.of());
          tx.insert(TEAM_A, "builds", "b1", Map.of());
          tx.addEdges(TEAM_A, APP_BUILDS, "1", List.of("b1"));
          tx.insert(TEAM_B, "apps", "1", Map.of());
          tx.addEdges(TEAM_B, APP_BUILDS, "1", List.of("b1"));
          tx.insert(StoredResource.GLOBAL_TEAM, "territories", "USA", Map.of());
        });

    TeamStateCount cleared = store.transaction(tx -> tx.clearTeamState(TEAM_A));

    assertThat(cleared).isEqualTo(new TeamStateCount(2, 1, 0, 0));
    assertThat(store.read(tx -> tx.teamResources(TEAM_A, Optional.empty(), 10)).items()).isEmpty();
    assertThat(store.read(tx -> tx.list(TEAM_A, "apps", Optional.empty(), 10)).total()).isZero();
    assertThat(store.read(tx -> tx.teamResources(TEAM_B, Optional.empty(), 10)).items()).hasSize(1);
    assertThat(store.<Long>read(tx -> tx.countTargets(TEAM_B, APP_BUILDS, "1"))).isEqualTo(1L);
    assertThat(store.<Optional<StoredResource>>read(tx -> tx.get(StoredResource.GLOBAL_TEAM, "territories", "USA"))).isPresent();
    assertThat(store.findTeam(TEAM_A)).isPresent();
  }

  @Test
  void eventsAndTransitionsAreClearedWithTheTeamAndRestoredWithTheirNumbers() {
    store.write(
        tx -> {
          tx.appendEvent(new NewEvent(TEAM_A, "RESOURCE_CREATED", "builds", "b1", Optional.empty(),
              Optional.of("PROCESSING"), Map.of("origin", "CLIENT")));
          tx.appendEvent(new NewEvent(TEAM_B, "RESOURCE_CREATED", "builds", "b9", Optional.empty(),
              Optional.empty(), Map.of()));
          tx.insertTransition(new NewTransition(TEAM_A, "build-processing", "builds", "b1", "PROCESSING",
              Optional.of("VALID"), Optional.of(START.plusSeconds(10))));
          tx.insertTransition(new NewTransition(TEAM_A, "build-processing", "builds", "b2", "PROCESSING",
              Optional.empty(), Optional.empty()));
        });
    List<Event> events = store.read(tx -> tx.events(TEAM_A, Optional.empty(), 10));
    List<Transition> transitions = store.read(tx -> tx.teamTransitions(TEAM_A, Optional.empty(), 10));
    assertThat(transitions).hasSize(2);
    assertThat(transitions(TEAM_A, Optional.of(transitions.get(0).id())))
        .containsExactly(transitions.get(1));

    TeamStateCount cleared = store.transaction(tx -> tx.clearTeamState(TEAM_A));
    assertThat(cleared).isEqualTo(new TeamStateCount(0, 0, 1, 2));
    assertThat(events(TEAM_A)).isEmpty();
    assertThat(events(TEAM_B)).hasSize(1);
    assertThat(store.<List<Transition>>read(tx -> tx.dueTransitions(START.plusSeconds(60), 10))).isEmpty();

    boolean eventSeqsKept = store.transaction(tx -> tx.restoreEvents(events));
    boolean transitionIdsKept = store.transaction(tx -> tx.restoreTransitions(transitions));

    assertThat(eventSeqsKept).isTrue();
    assertThat(transitionIdsKept).isTrue();
    assertThat(events(TEAM_A)).isEqualTo(events);
    assertThat(transitions(TEAM_A, Optional.empty())).isEqualTo(transitions);
    assertThat(store.<List<Transition>>read(tx -> tx.dueTransitions(START.plusSeconds(60), 10))).containsExactly(transitions.get(0));
    assertThat(store.<List<Transition>>read(tx -> tx.pendingDecisions(Optional.of(TEAM_A)))).containsExactly(transitions.get(1));
  }

  @Test
  void eventsAndTransitionsCopiedBesideTheOriginalsGetFreshNumbers() {
    store.write(tx -> {
      tx.appendEvent(new NewEvent(TEAM_A, "RESOURCE_CREATED", "apps", "1", Optional.empty(), Optional.empty(), Map.of()));
      tx.insertTransition(new NewTransition(TEAM_A, "build-processing", "builds", "b1", "PROCESSING",
          Optional.empty(), Optional.empty()));
    });
    Event event = store.read(tx -> tx.events(TEAM_A, Optional.empty(), 1)).get(0);
    Transition transition = store.read(tx -> tx.teamTransitions(TEAM_A, Optional.empty(), 1)).get(0);
    Event copiedEvent = new Event(event.seq(), TEAM_B, event.at(), event.eventType(), event.resourceType(),
        event.resourceId(), event.oldState(), event.newState(), event.payload());
    Transition copiedTransition = new Transition(transition.id(), TEAM_B, transition.process(),
        transition.resourceType(), transition.resourceId(), transition.from(), transition.to(), transition.dueAt(),
        transition.state(), transition.outcome(), transition.reason(), transition.createdAt(), transition.finishedAt());

    assertThat(store.<Boolean>transaction(tx -> tx.restoreEvents(List.of(copiedEvent)))).isFalse();
    assertThat(store.<Boolean>transaction(tx -> tx.restoreTransitions(List.of(copiedTransition)))).isFalse();
    assertThat(store.read(tx -> tx.events(TEAM_B, Optional.empty(), 1)).get(0).seq()).isGreaterThan(event.seq());
    assertThat(store.read(tx -> tx.teamTransitions(TEAM_B, Optional.empty(), 1)).get(0).id())
        .isGreaterThan(transition.id());
  }

  @Test
  void theGlobalTeamCannotBeCleared() {
    assertThatThrownBy(() -> store.write(tx -> tx.clearTeamState(StoredResource.GLOBAL_TEAM)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private List<Event> events(String team) {
    return store.read(tx -> tx.events(team, Optional.empty(), 10));
  }

  private List<Transition> transitions(String team, Optional<Long> after) {
    return store.read(tx -> tx.teamTransitions(team, after, 10));
  }

  private static StoredResource copyTo(String team, StoredResource resource) {
    return new StoredResource(team, resource.type(), resource.id(), resource.attributes(),
        resource.createdAt(), resource.updatedAt(), resource.version(), resource.seq());
  }
}
