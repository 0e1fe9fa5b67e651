package io.pomona.store.sqlite;

import io.pomona.account.ApiKey;
import io.pomona.account.KeyKind;
import io.pomona.account.Team;
import io.pomona.store.Relation;
import io.pomona.store.jdbc.Migrations;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/**
 * Measures the SQLite store: start-up on an existing database and the cost of the hot-path and
 * paging operations. A benchmark, not a test (run by hand; numbers go in reports, not asserts).
 *
 * <pre>
 * ./mvnw -q -pl server test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * CP=server/target/test-classes:server/target/classes:$(cat /tmp/cp.txt)
 * java -cp $CP io.pomona.store.sqlite.SqliteStoreBenchmark startup DIR   # run twice: 2nd = migrated
 * java -cp $CP io.pomona.store.sqlite.SqliteStoreBenchmark operations DIR
 * </pre>
 *
 * <p>Run on 2026-12-04 on the 2-core build machine, JDK 25, from the shaded jar (other builds
 * were running; medians of 3–7 runs):
 *
 * <ul>
 *   <li>start-up on an up-to-date database: open 230–280 ms (sqlite-jdbc's native library, two
 *       pools, a 13–20 ms history check; Flyway itself would add 280–360 ms), after 190–240 ms of
 *       logging set-up that the server pays anyway; on a new database (Flyway applies V1): 450–470
 *       ms;
 *   <li>findTeam 9 µs, findKey 15 µs per call (one thread); findKey 70,000 calls/s on 2 threads;
 *   <li>read transaction: get 18 µs; page of 50 deep in 100,000 resources with its total 177 µs;
 *       page of 50 among 10,000 targets with its total 500 µs (the edge count is a range scan);
 *   <li>write transaction: insert 62 µs, update 39 µs.
 * </ul>
 */
public final class SqliteStoreBenchmark {
  private static final String TEAM = "7X3K9P2Q8L";
  private static final Relation APP_BUILDS = new Relation("apps.builds", "apps", "builds");

  private SqliteStoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: SqliteStoreBenchmark startup|operations DATA_DIR");
      System.exit(2);
    }
    Path directory = Path.of(args[1]);
    switch (args[0]) {
      case "startup" -> startup(directory);
      case "operations" -> operations(directory);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /** One cold open in a fresh JVM: what `pomona serve` pays before it can answer. */
  private static void startup(Path directory) {
    long jvmBefore = ManagementFactory.getRuntimeMXBean().getUptime();
    // The server sets up logging before it opens the store; do not charge that to the store.
    long loggingStart = System.nanoTime();
    LoggerFactory.getLogger(SqliteStoreBenchmark.class).debug("logging ready");
    long start = System.nanoTime();
    try (SqliteStore store = SqliteStore.open(directory, Clock.systemUTC())) {
      long opened = System.nanoTime();
      store.findTeam(TEAM);
      long firstLookup = System.nanoTime();
      System.out.printf(
          "jvm uptime before %d ms; logging init %.0f ms; open %.0f ms; first lookup %.0f ms;"
              + " jvm uptime after %d ms%n",
          jvmBefore,
          (start - loggingStart) / 1e6,
          (opened - start) / 1e6,
          (firstLookup - opened) / 1e6,
          ManagementFactory.getRuntimeMXBean().getUptime());
    }
  }

  private static void operations(Path directory) throws Exception {
    Files.createDirectories(directory);
    long migrateStart = System.nanoTime();
    SQLiteDataSource database = new SQLiteDataSource();
    database.setUrl("jdbc:sqlite:" + directory.resolve(SqliteStore.DATABASE_FILE).toAbsolutePath());
    int applied = Migrations.apply(database, SqliteDialect.INSTANCE);
    System.out.printf(
        "Flyway alone, cold (%d applied): %.1f ms%n",
        applied, (System.nanoTime() - migrateStart) / 1e6);
    try (SqliteStore store = SqliteStore.open(directory, Clock.systemUTC())) {
      seed(store);

      report("findKey (hot path)", 200_000, () -> store.findKey("KEY0000500").isPresent() ? 1 : 0);
      report("findTeam (hot path)", 200_000, () -> store.findTeam(TEAM).isPresent() ? 1 : 0);
      reportParallel(store, 2, 200_000);
      report(
          "read tx: get one resource",
          100_000,
          () -> store.read(tx -> tx.get(TEAM, "builds", "b50000")).isPresent() ? 1 : 0);
      report(
          "read tx: list page of 50 deep in 100k (with total)",
          5_000,
          () -> store.read(tx -> tx.list(TEAM, "builds", Optional.of(80_000L), 50)).items().size());
      report(
          "read tx: targets page of 50 of 10k edges (with total)",
          5_000,
          () ->
              store
                  .read(tx -> tx.targets(TEAM, APP_BUILDS, "app1", Optional.of(5_000L), 50))
                  .items()
                  .size());
      report(
          "read tx: count 100k of a type",
          2_000,
          () -> store.read(tx -> tx.list(TEAM, "builds", Optional.empty(), 1)).total());
      long[] next = {0};
      report(
          "write tx: insert one resource",
          5_000,
          () ->
              store
                  .transaction(tx -> tx.insert(TEAM, "apps", "w" + next[0]++, attributes(1)))
                  .seq());
      report(
          "write tx: update one resource",
          5_000,
          () -> store.transaction(tx -> tx.update(TEAM, "apps", "w1", attributes(2))).version());
    }
  }

  private static void seed(SqliteStore store) {
    if (store.findTeam(TEAM).isPresent()) {
      return;
    }
    long start = System.nanoTime();
    store.write(
        tx -> {
          tx.createTeam(new Team(TEAM, "issuer", "Bench", tx.now()));
          for (int i = 0; i < 1_000; i++) {
            tx.insertKey(
                new ApiKey(
                    String.format("KEY%07d", i),
                    TEAM,
                    "key " + i,
                    Set.of("ADMIN"),
                    KeyKind.TEAM,
                    Optional.empty(),
                    "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n",
                    tx.now(),
                    Optional.empty()));
          }
        });
    for (int batch = 0; batch < 100; batch++) {
      int first = batch * 1_000;
      store.write(
          tx -> {
            List<String> ids = new ArrayList<>();
            for (int i = first; i < first + 1_000; i++) {
              tx.insert(TEAM, "builds", "b" + i, attributes(i));
              if (i < 10_000) {
                ids.add("b" + i);
              }
            }
            tx.addEdges(TEAM, APP_BUILDS, "app1", ids);
          });
    }
    System.out.printf(
        "seeded 1k keys, 100k resources, 10k edges in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  private static Map<String, Object> attributes(int i) {
    return Map.of(
        "version",
        "1." + i,
        "uploadedDate",
        Instant.ofEpochSecond(1_700_000_000L + i).toString(),
        "processingState",
        "VALID",
        "usesNonExemptEncryption",
        false,
        "minOsVersion",
        "17.0");
  }

  private static void report(String name, int calls, LongSupplier call) {
    long sink = 0;
    for (int i = 0; i < Math.min(calls, 20_000); i++) {
      sink += call.getAsLong(); // warm-up
    }
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      sink += call.getAsLong();
    }
    double micros = (System.nanoTime() - start) / 1e3 / calls;
    System.out.printf("%-55s %9.1f µs/call  (sink %d)%n", name, micros, sink % 10);
  }

  private static void reportParallel(SqliteStore store, int threads, int callsPerThread)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  int found = 0;
                  for (int i = 0; i < callsPerThread; i++) {
                    found += store.findKey("KEY0000" + (100 + i % 800)).isPresent() ? 1 : 0;
                  }
                  return found;
                }));
      }
      for (Future<Integer> result : results) {
        result.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%-55s %9.0f calls/s%n",
          "findKey on " + threads + " threads", threads * callsPerThread / seconds);
    } finally {
      pool.shutdownNow();
    }
  }
}
