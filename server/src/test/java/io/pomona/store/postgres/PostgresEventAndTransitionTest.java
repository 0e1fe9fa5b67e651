package io.pomona.store.postgres;

import io.pomona.store.jdbc.Jdbc;
import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.store.EventAndTransitionContractTest;
import io.pomona.store.NewEvent;
import io.pomona.store.NewTransition;
import io.pomona.store.Store;
import io.pomona.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event, transition and settings contract on PostgreSQL (each test in a fresh schema), plus
 * what only a shared database adds: two nodes appending events and claiming transitions at once.
 */
@TestPostgres.Required
class PostgresEventAndTransitionTest extends EventAndTransitionContractTest {
  private static final String TEAM = "7X3K9P2Q8L";

  private final List<Store> opened = new ArrayList<>();
  private PostgresSettings settings;

  @Override
  protected Store openStore(Clock clock) {
    if (settings == null) {
      settings = TestPostgres.freshSchema();
    }
    PostgresStore store = PostgresStore.open(settings, clock);
    opened.add(store);
    return store;
  }

  @AfterEach
  void dropSchema() {
    if (settings != null) {
      opened.forEach(Store::close);
      TestPostgres.dropSchema(settings);
    }
  }

  @Test
  void eventsFromTwoNodesGetDistinctSeqsInCommitOrder() throws Exception {
    Store first = openStore(clock);
    Store second = openStore(clock);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> appended = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Store node = i % 2 == 0 ? first : second;
        String id = "b" + i;
        Callable<Long> append = () -> node.transaction(tx -> tx.appendEvent(
            new NewEvent(TEAM, "RESOURCE_UPDATED", "builds", id, Optional.empty(), Optional.empty(), Map.of()))
            .seq());
        appended.add(threads.submit(append));
      }
      List<Long> seqs = new ArrayList<>();
      for (Future<Long> future : appended) {
        seqs.add(future.get());
      }

      // A reader that pages after the last seq it saw must meet every event exactly once: seqs
      // read back in order are the ones handed out, with none skipped by a later commit.
      List<Long> readBack = first.read(tx -> tx.eventsAfter(0, 100)).stream().map(e -> e.seq()).toList();
      assertThat(readBack).containsExactlyInAnyOrderElementsOf(seqs).isSorted().doesNotHaveDuplicates();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aTransitionClaimedFromTwoNodesFiresOnce() throws Exception {
    Store first = openStore(clock);
    Store second = openStore(clock);
    long id = first.transaction(tx -> tx.insertTransition(new NewTransition(TEAM, "build-processing", "builds",
        "b1", "PROCESSING", Optional.of("VALID"), Optional.of(START)))).id();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Callable<Boolean> claimOnFirst = () -> first.transaction(tx ->
          tx.finishTransition(id, io.pomona.store.Transition.State.FIRED, Optional.empty(), Optional.of("approve"),
              Optional.empty()));
      Callable<Boolean> claimOnSecond = () -> second.transaction(tx ->
          tx.finishTransition(id, io.pomona.store.Transition.State.FIRED, Optional.empty(), Optional.of("approve"),
              Optional.empty()));
      Future<Boolean> a = threads.submit(claimOnFirst);
      Future<Boolean> b = threads.submit(claimOnSecond);

      assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(true, false);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void findingDueTransitionsSeeksThePendingIndexWithoutSorting() throws SQLException {
    openStore(clock).close();
    List<String> plan = new ArrayList<>();
    try (Connection connection = TestPostgres.connect(settings)) {
      Jdbc jdbc = new Jdbc(connection, PostgresDialect.INSTANCE);
      // A handful of rows would be scanned whole, however good the index: forbid that, so the plan
      // shows whether the partial index serves the worker's query (predicate and order).
      jdbc.update("SET enable_seqscan = off");
      plan.addAll(jdbc.list("EXPLAIN SELECT * FROM transitions WHERE state = 'PENDING' AND due_at IS NOT NULL"
          + " AND due_at <= now() ORDER BY due_at, id LIMIT 10", row -> row.getString(1)));
    }

    assertThat(String.join("\n", plan)).contains("transitions_due").doesNotContain("Sort");
  }
}
