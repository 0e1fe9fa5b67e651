package io.pomona.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link Store} must do for the Apple side: the event log, scheduled transitions and named
 * settings, whatever database is behind it. A subclass per implementation supplies {@link
 * #openStore}; every test starts with an empty database.
 */
public abstract class EventAndTransitionContractTest {
  protected static final Instant START = Instant.parse("2026-03-01T09:30:00.123Z");
  private static final String TEAM_A = "7X3K9P2Q8L";
  private static final String TEAM_B = "4M8N2B6V1C";

  protected final TestClock clock = new TestClock(START);
  private Store store;

  protected abstract Store openStore(Clock clock);

  @BeforeEach
  void openEmptyStore() {
    store = openStore(clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private List<Event> events(java.util.function.Function<Tx, List<Event>> query) {
    return store.read(query);
  }

  private List<Transition> transitions(java.util.function.Function<Tx, List<Transition>> query) {
    return store.read(query);
  }

  private static NewEvent event(String team, String type, String id, String eventType) {
    return new NewEvent(team, eventType, type, id, Optional.of("A"), Optional.of("B"),
        Map.of("attributes", List.of("name"), "count", 2));
  }

  private static NewTransition timed(String team, String id, Instant due) {
    return new NewTransition(team, "build-processing", "builds", id, "PROCESSING", Optional.of("VALID"),
        Optional.of(due));
  }

  private static NewTransition decision(String team, String id) {
    return new NewTransition(team, "build-processing", "builds", id, "PROCESSING", Optional.empty(),
        Optional.empty());
  }

  // ---- events ----

  @Test
  void appendedEventRoundTripsWithItsSeqTimeAndPayload() {
    Event appended = store.transaction(tx -> tx.appendEvent(event(TEAM_A, "builds", "b1", "RESOURCE_UPDATED")));

    List<Event> read = store.read(tx -> tx.events(TEAM_A, Optional.empty(), 10));
    assertThat(read).containsExactly(appended);
    Event event = read.get(0);
    assertThat(event.seq()).isPositive();
    assertThat(event.at()).isEqualTo(START);
    assertThat(event.eventType()).isEqualTo("RESOURCE_UPDATED");
    assertThat(event.oldState()).hasValue("A");
    assertThat(event.newState()).hasValue("B");
    assertThat(event.payload()).containsEntry("attributes", List.of("name")).containsEntry("count", 2);
  }

  @Test
  void eventsPageInOrderPerTeamAndAcrossTeams() {
    store.write(tx -> {
      tx.appendEvent(event(TEAM_A, "apps", "1", "E1"));
      tx.appendEvent(event(TEAM_B, "apps", "2", "E2"));
      tx.appendEvent(event(TEAM_A, "apps", "3", "E3"));
    });
    List<Event> teamA = store.read(tx -> tx.events(TEAM_A, Optional.empty(), 10));
    assertThat(teamA).extracting(Event::eventType).containsExactly("E1", "E3");
    assertThat(events(tx -> tx.events(TEAM_A, Optional.of(teamA.get(0).seq()), 10)))
        .extracting(Event::eventType).containsExactly("E3");

    List<Event> all = store.read(tx -> tx.eventsAfter(0, 2));
    assertThat(all).extracting(Event::eventType).containsExactly("E1", "E2");
    assertThat(events(tx -> tx.eventsAfter(all.get(1).seq(), 10)))
        .extracting(Event::eventType).containsExactly("E3");
    assertThat(events(tx -> tx.latestEvents(Optional.empty(), 2)))
        .extracting(Event::eventType).containsExactly("E3", "E2");
    assertThat(events(tx -> tx.latestEvents(Optional.of(TEAM_B), 5)))
        .extracting(Event::eventType).containsExactly("E2");
  }

  @Test
  void eventsOfARolledBackTransactionAreNeverSeen() {
    try {
      store.write(tx -> {
        tx.appendEvent(event(TEAM_A, "apps", "1", "LOST"));
        throw new IllegalStateException("roll back");
      });
    } catch (IllegalStateException expected) {
      assertThat(expected).hasMessage("roll back");
    }
    store.write(tx -> tx.appendEvent(event(TEAM_A, "apps", "1", "KEPT")));

    assertThat(events(tx -> tx.eventsAfter(0, 10))).extracting(Event::eventType).containsExactly("KEPT");
  }

  // ---- transitions ----

  @Test
  void dueTransitionsComeEarliestFirstAndOnlyWhenDue() {
    store.write(tx -> {
      tx.insertTransition(timed(TEAM_A, "late", START.plusSeconds(20)));
      tx.insertTransition(timed(TEAM_B, "early", START.plusSeconds(10)));
      tx.insertTransition(decision(TEAM_A, "manual"));
    });

    assertThat(transitions(tx -> tx.dueTransitions(START.plusSeconds(9), 10))).isEmpty();
    assertThat(transitions(tx -> tx.dueTransitions(START.plusSeconds(20), 10)))
        .extracting(Transition::resourceId).containsExactly("early", "late");
    assertThat(transitions(tx -> tx.dueTransitions(START.plusSeconds(20), 1)))
        .extracting(Transition::resourceId).containsExactly("early");
    assertThat(store.<Optional<Instant>>read(Tx::nextDueAt)).hasValue(START.plusSeconds(10));
    assertThat(transitions(tx -> tx.pendingDecisions(Optional.empty())))
        .extracting(Transition::resourceId).containsExactly("manual");
    assertThat(transitions(tx -> tx.pendingDecisions(Optional.of(TEAM_B)))).isEmpty();
  }

  @Test
  void insertedTransitionIsPendingAndCreatedNow() {
    Transition inserted = store.transaction(tx -> tx.insertTransition(timed(TEAM_A, "b1", START.plusSeconds(5))));

    assertThat(inserted.state()).isEqualTo(Transition.State.PENDING);
    assertThat(inserted.createdAt()).isEqualTo(START);
    assertThat(inserted.dueAt()).hasValue(START.plusSeconds(5));
    assertThat(inserted.to()).hasValue("VALID");
    assertThat(inserted.outcome()).isEmpty();
    assertThat(inserted.finishedAt()).isEmpty();
    assertThat(store.<Optional<Transition>>read(tx -> tx.findTransition(inserted.id()))).hasValue(inserted);
  }

  @Test
  void aTransitionFinishesOnceAndThenIsNoLongerDue() {
    long id = store.transaction(tx -> tx.insertTransition(timed(TEAM_A, "b1", START))).id();
    clock.advance(Duration.ofSeconds(1));

    boolean first = store.transaction(tx -> tx.finishTransition(id, Transition.State.FIRED, Optional.of("VALID"),
        Optional.of("AUTO"), Optional.empty()));
    boolean second = store.transaction(tx -> tx.finishTransition(id, Transition.State.CANCELLED, Optional.empty(),
        Optional.empty(), Optional.of("too late")));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    Transition fired = store.read(tx -> tx.findTransition(id)).orElseThrow();
    assertThat(fired.state()).isEqualTo(Transition.State.FIRED);
    assertThat(fired.outcome()).hasValue("AUTO");
    assertThat(fired.reason()).isEmpty();
    assertThat(fired.finishedAt()).hasValue(START.plusSeconds(1));
    assertThat(transitions(tx -> tx.dueTransitions(START.plusSeconds(60), 10))).isEmpty();
    assertThat(store.<Optional<Instant>>read(Tx::nextDueAt)).isEmpty();
  }

  @Test
  void concurrentClaimsOfOneTransitionHaveExactlyOneWinner() throws Exception {
    long id = store.transaction(tx -> tx.insertTransition(timed(TEAM_A, "b1", START))).id();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      Callable<Boolean> claim = () -> store.transaction(tx -> tx.finishTransition(id, Transition.State.FIRED,
          Optional.of("VALID"), Optional.of("AUTO"), Optional.empty()));
      List<Future<Boolean>> results = threads.invokeAll(java.util.Collections.nCopies(16, claim));
      long winners = 0;
      for (Future<Boolean> result : results) {
        winners += result.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void rescheduleTurnsATimedTransitionIntoADecisionAndBack() {
    long id = store.transaction(tx -> tx.insertTransition(timed(TEAM_A, "b1", START.plusSeconds(5)))).id();

    assertThat(store.<Boolean>transaction(tx -> tx.rescheduleTransition(id, Optional.empty(), Optional.empty()))).isTrue();
    assertThat(store.read(tx -> tx.findTransition(id)).orElseThrow().awaitsDecision()).isTrue();
    assertThat(transitions(tx -> tx.pendingTransitions("build-processing"))).extracting(Transition::id)
        .containsExactly(id);

    store.write(tx -> tx.rescheduleTransition(id, Optional.of("VALID"), Optional.of(START.plusSeconds(1))));
    assertThat(transitions(tx -> tx.dueTransitions(START.plusSeconds(1), 5))).extracting(Transition::id)
        .containsExactly(id);
  }

  @Test
  void pendingTransitionsOfAResourceAndLatestOfATeam() {
    store.write(tx -> {
      tx.insertTransition(timed(TEAM_A, "b1", START));
      tx.insertTransition(decision(TEAM_A, "b2"));
      tx.insertTransition(timed(TEAM_B, "b1", START));
    });

    assertThat(transitions(tx -> tx.pendingTransitionsOf(TEAM_A, "builds", "b1"))).hasSize(1)
        .allSatisfy(t -> assertThat(t.teamId()).isEqualTo(TEAM_A));
    assertThat(transitions(tx -> tx.latestTransitions(Optional.of(TEAM_A), 10)))
        .extracting(Transition::resourceId).containsExactly("b2", "b1");
    assertThat(transitions(tx -> tx.latestTransitions(Optional.empty(), 10))).hasSize(3);
  }

  // ---- settings ----

  @Test
  void settingsAreSetReplacedRemovedAndListedByPrefix() {
    store.write(tx -> {
      tx.putSetting("clock.offsetMillis", "5");
      tx.putSetting("policy.build-processing", "manual");
      tx.putSetting("policy.app-review", "auto:10s");
      tx.putSetting("policy%x", "not a policy. prefix");
    });
    store.write(tx -> tx.putSetting("clock.offsetMillis", "7"));

    assertThat(store.<Optional<String>>read(tx -> tx.setting("clock.offsetMillis"))).hasValue("7");
    assertThat(store.<java.util.SortedMap<String, String>>read(tx -> tx.settings("policy.")))
        .containsExactly(Map.entry("policy.app-review", "auto:10s"), Map.entry("policy.build-processing", "manual"));

    store.write(tx -> tx.removeSetting("clock.offsetMillis"));
    store.write(tx -> tx.removeSetting("never.set"));
    assertThat(store.<Optional<String>>read(tx -> tx.setting("clock.offsetMillis"))).isEmpty();
  }

  @Test
  void eventsTransitionsAndSettingsSurviveReopening() {
    store.write(tx -> {
      tx.appendEvent(event(TEAM_A, "apps", "1", "E1"));
      tx.insertTransition(timed(TEAM_A, "b1", START.plusSeconds(3)));
      tx.putSetting("clock.offsetMillis", "42");
    });
    store.close();
    store = openStore(clock);

    assertThat(events(tx -> tx.eventsAfter(0, 10))).extracting(Event::eventType).containsExactly("E1");
    assertThat(store.<Optional<Instant>>read(Tx::nextDueAt)).hasValue(START.plusSeconds(3));
    assertThat(store.<Optional<String>>read(tx -> tx.setting("clock.offsetMillis"))).hasValue("42");
  }
}
