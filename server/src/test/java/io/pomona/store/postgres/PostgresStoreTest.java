package io.pomona.store.postgres;

import io.pomona.store.jdbc.Jdbc;
import io.pomona.store.jdbc.Json;
import io.pomona.store.jdbc.ResourceSql;
import io.pomona.store.jdbc.Sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pomona.error.ApiException;
import io.pomona.store.Condition;
import io.pomona.store.IndexSpec;
import io.pomona.store.Keyset;
import io.pomona.store.ResourcePage;
import io.pomona.store.ResourceQuery;
import io.pomona.store.SortKey;
import io.pomona.store.Store;
import io.pomona.store.StoreContractTest;
import io.pomona.store.StoredResource;
import io.pomona.testing.TestPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract on PostgreSQL, each test in a fresh schema, plus what is PostgreSQL's own:
 * several nodes on one database, query plans, and the limits of its types.
 */
@TestPostgres.Required
class PostgresStoreTest extends StoreContractTest {
  /** PostgresStore#dataVersion moves on every call (no change signal yet). */
  @Override
  protected boolean dataVersionIsExact() {
    return false;
  }

  private static final String TEAM = "7X3K9P2Q8L";

  private PostgresSettings settings;

  @Override
  protected Store openStore(Clock clock) {
    if (settings == null) {
      settings = TestPostgres.freshSchema();
    }
    return PostgresStore.open(settings, clock);
  }

  @AfterEach
  void dropSchema() {
    if (settings != null) {
      store().close();
      TestPostgres.dropSchema(settings);
    }
  }

  @Test
  void migrationsRunOnceHoweverOftenTheStoreIsReopened() throws SQLException {
    reopen();
    reopen();

    assertThat(
            lines(
                jdbc ->
                    jdbc.list(
                        "SELECT version || ':' || success FROM flyway_schema_history"
                            + " ORDER BY installed_rank",
                        row -> row.getString(1))))
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, PostgresDialect.NEWEST_MIGRATION).mapToObj(v -> v + ":true").toList());
  }

  @Test
  void aSecondNodesWriteWaitsForTheFirstAndThenSeesItsCommit() throws Exception {
    store().write(tx -> tx.insert(TEAM, "counters", "c", Map.of("value", 0)));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (Store secondNode = PostgresStore.open(settings, clock)) {
      CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Future<?> first =
          threads.submit(
              () ->
                  store()
                      .write(
                          tx -> {
                            tx.update(TEAM, "counters", "c", Map.of("value", 1));
                            firstHoldsTheLock.countDown();
                            await(release);
                          }));
      await(firstHoldsTheLock);
      Future<Object> seenBySecond =
          threads.submit(
              () ->
                  secondNode.transaction(
                      tx -> {
                        StoredResource counter = tx.get(TEAM, "counters", "c").orElseThrow();
                        tx.update(
                            TEAM,
                            "counters",
                            "c",
                            Map.of("value", (Integer) counter.attributes().get("value") + 10),
                            counter.version());
                        return counter.attributes().get("value");
                      }));

      waitUntilASessionWaitsForALock();
      assertThat(seenBySecond).isNotDone();
      release.countDown();
      first.get(30, TimeUnit.SECONDS);

      assertThat(seenBySecond.get(30, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(store().read(tx -> tx.get(TEAM, "counters", "c")).orElseThrow().attributes())
          .containsEntry("value", 11);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void twoNodesIncrementingOneCounterNeverConflict() throws Exception {
    store().write(tx -> tx.insert(TEAM, "counters", "c", Map.of("value", 0)));
    int threadsPerNode = 4;
    int incrementsPerThread = 25;
    ExecutorService threads = Executors.newFixedThreadPool(2 * threadsPerNode);
    try (Store secondNode = PostgresStore.open(settings, clock)) {
      List<Future<?>> results = new ArrayList<>();
      for (Store node : List.of(store(), secondNode)) {
        for (int t = 0; t < threadsPerNode; t++) {
          results.add(
              threads.submit(
                  (Callable<Void>)
                      () -> {
                        for (int i = 0; i < incrementsPerThread; i++) {
                          node.write(
                              tx -> {
                                StoredResource counter = tx.get(TEAM, "counters", "c").orElseThrow();
                                int value = (Integer) counter.attributes().get("value");
                                tx.update(
                                    TEAM,
                                    "counters",
                                    "c",
                                    Map.of("value", value + 1),
                                    counter.version());
                                tx.insert(TEAM, "builds", "b" + value, Map.of());
                              });
                        }
                        return null;
                      }));
        }
      }
      for (Future<?> result : results) {
        result.get(120, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    int expected = 2 * threadsPerNode * incrementsPerThread;
    assertThat(store().read(tx -> tx.get(TEAM, "counters", "c")).orElseThrow().attributes())
        .containsEntry("value", expected);
    // seq follows commit order: build "b<n>" was inserted by the n-th increment.
    List<String> inSeqOrder =
        store()
            .read(tx -> tx.list(TEAM, "builds", Optional.empty(), expected))
            .items()
            .stream()
            .map(StoredResource::id)
            .toList();
    List<String> inCommitOrder = new ArrayList<>();
    for (int i = 0; i < expected; i++) {
      inCommitOrder.add("b" + i);
    }
    assertThat(inSeqOrder).containsExactlyElementsOf(inCommitOrder);
  }

  @Test
  void sortedAndFilteredPagesSeekThePartialIndexesInsteadOfSorting() throws SQLException {
    store()
        .write(
            tx -> {
              tx.ensureIndexes(
                  List.of(new IndexSpec("builds", "rank"), new IndexSpec("builds", "state")));
              for (int i = 0; i < 4_000; i++) {
                tx.insert(
                    TEAM,
                    "builds",
                    "b" + i,
                    Map.of("rank", i % 500, "state", i % 1_000 == 7 ? "RARE" : "COMMON"));
                tx.insert("4M8N2B6V1C", "builds", "b" + i, Map.of("rank", i));
              }
            });
    analyze();
    ResourceQuery byRank =
        ResourceQuery.all(TEAM, "builds", 10).withSort(List.of(SortKey.descending("rank")));
    ResourceQuery deepByRank = byRank.withAfter(Optional.of(new Keyset(List.of(250L), 1_000)));
    ResourceQuery rare =
        ResourceQuery.all(TEAM, "builds", 10)
            .withConditions(List.of(new Condition.AttributeIn("state", List.of("RARE"))))
            .withSort(List.of(SortKey.ascending("rank")));

    String firstPage = plan(byRank);
    // The second statement of a deep page reads the NULLs of rank, if the first does not fill it.
    String deepPage = plan(deepByRank).split("\n(?=Limit)")[0];
    String rarePage = plan(rare);

    assertThat(firstPage).contains("Index Scan Backward using rx_builds_rank_").doesNotContain("Sort");
    assertThat(deepPage).contains("Index Scan Backward using rx_builds_rank_").doesNotContain("Sort");
    assertThat(rarePage).contains("rx_builds_state_").doesNotContain("Seq Scan");
    ResourcePage rareItems = store().read(tx -> tx.query(rare));
    assertThat(rareItems.total()).isEqualTo(4);
    assertThat(rareItems.items())
        .extracting(StoredResource::id)
        .containsExactly("b7", "b1007", "b2007", "b3007");
  }

  @Test
  void plainListsSeekTheTypeIndex() throws SQLException {
    String plan =
        String.join(
            "\n",
            lines(
                jdbc ->
                    jdbc.list(
                        "EXPLAIN SELECT * FROM resources WHERE team_id = 'T' AND type = 'apps'"
                            + " AND seq > 5 ORDER BY seq LIMIT 3",
                        row -> row.getString(1))));

    assertThat(plan).contains("resources_by_type").doesNotContain("Sort");
  }

  @Test
  void textWithTheNulCharacterGets400InsteadOfAServerError() {
    ApiException inAttributes =
        catchThrowableOfType(
            ApiException.class,
            () -> store().write(tx -> tx.insert(TEAM, "apps", "1", Map.of("name", "a\u0000b"))));
    ApiException inId =
        catchThrowableOfType(
            ApiException.class, () -> store().read(tx -> tx.get(TEAM, "apps", "a\u0000b")));

    assertThat(inAttributes.errors().get(0).status()).isEqualTo(400);
    assertThat(inAttributes.errors().get(0).code()).isEqualTo("ENTITY_INVALID");
    assertThat(inId.errors().get(0).status()).isEqualTo(400);
    store().write(tx -> tx.insert(TEAM, "apps", "1", Map.of("name", "fine")));
  }

  @Test
  void indexNamesFitPostgresIdentifiersAndStayDistinct() {
    String longType = "appStoreVersionExperimentTreatmentLocalizations";
    IndexSpec first = new IndexSpec(longType, "someRatherLongAttributeNameNumberOne");
    IndexSpec second = new IndexSpec(longType, "someRatherLongAttributeNameNumberTwo");

    store().write(tx -> tx.ensureIndexes(List.of(first, second)));
    store().write(tx -> tx.ensureIndexes(List.of(first, second)));

    assertThat(IndexSql.name(first)).hasSizeLessThanOrEqualTo(63).isNotEqualTo(IndexSql.name(second));
    assertThat(
            new HashSet<>(
                lines(
                    jdbc ->
                        jdbc.list(
                            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()",
                            row -> row.getString(1)))))
        .contains(IndexSql.name(first), IndexSql.name(second));
  }

  @Test
  void decimalSortValuesPageExactly() {
    BigDecimal low = new BigDecimal("1.00000000000000000001");
    BigDecimal high = new BigDecimal("1.00000000000000000002");
    store()
        .write(
            tx -> {
              tx.insert(TEAM, "builds", "high", Map.of("v", high));
              tx.insert(TEAM, "builds", "low", Map.of("v", low));
              tx.insert(TEAM, "builds", "one", Map.of("v", 1.0));
            });
    ResourceQuery byValue =
        ResourceQuery.all(TEAM, "builds", 1).withSort(List.of(SortKey.ascending("v")));

    List<String> ids = new ArrayList<>();
    Optional<Keyset> after = Optional.empty();
    do {
      Optional<Keyset> cursor = after;
      ResourcePage page = store().read(tx -> tx.query(byValue.withAfter(cursor)));
      page.items().forEach(item -> ids.add(item.id()));
      after = page.next();
    } while (after.isPresent());

    assertThat(ids).containsExactly("one", "low", "high");
  }

  @Test
  void jsonTypesSortAsJsonbOrdersThemStringsThenNumbersThenBooleans() {
    store()
        .write(
            tx -> {
              tx.insert(TEAM, "builds", "true", Map.of("v", true));
              tx.insert(TEAM, "builds", "two", Map.of("v", 2));
              tx.insert(TEAM, "builds", "text", Map.of("v", "a"));
              tx.insert(TEAM, "builds", "none", Map.of());
            });

    ResourcePage page =
        store()
            .read(
                tx ->
                    tx.query(
                        ResourceQuery.all(TEAM, "builds", 10)
                            .withSort(List.of(SortKey.ascending("v")))));

    // SQLite orders numbers (booleans as 0 and 1) before strings; PostgreSQL's jsonb does not.
    // Catalog attributes have one type each, so only a mixed-up attribute could tell.
    assertThat(page.items())
        .extracting(StoredResource::id)
        .containsExactly("none", "text", "two", "true");
  }

  private String plan(ResourceQuery query) {
    return String.join(
        "\n",
        lines(
            jdbc -> {
              Json json = new Json();
              List<String> lines = new ArrayList<>();
              for (Sql statement :
                  new QuerySql(jdbc, json, new ResourceSql(jdbc, json)).pageStatements(query)) {
                lines.addAll(
                    jdbc.list(
                        "EXPLAIN " + statement.text(),
                        row -> row.getString(1),
                        statement.parameters()));
              }
              return lines;
            }));
  }

  private void analyze() {
    sql(jdbc -> jdbc.update("ANALYZE resources"));
  }

  private void waitUntilASessionWaitsForALock() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      long waiting =
          sql(
              jdbc ->
                  jdbc.number(
                      "SELECT count(*) FROM pg_stat_activity"
                          + " WHERE application_name = 'pomona' AND wait_event_type = 'Lock'"));
      if (waiting > 0) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no session ever waited for the write lock");
  }

  private List<String> lines(Function<Jdbc, List<String>> work) {
    return sql(work);
  }

  /** Runs {@code work} on a connection of its own to this test's schema. */
  private <T> T sql(Function<Jdbc, T> work) {
    try (Connection connection = TestPostgres.connect(settings)) {
      return work.apply(new Jdbc(connection, PostgresDialect.INSTANCE));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out waiting for the other thread");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
