package io.pomona.store.sqlite;

import io.pomona.store.jdbc.Jdbc;
import io.pomona.store.jdbc.Json;
import io.pomona.store.jdbc.Sql;
import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.store.Anchor;
import io.pomona.store.Condition;
import io.pomona.store.IndexSpec;
import io.pomona.store.Keyset;
import io.pomona.store.Relation;
import io.pomona.store.ResourcePage;
import io.pomona.store.ResourceQuery;
import io.pomona.store.SortKey;
import io.pomona.store.Store;
import io.pomona.store.StoreContractTest;
import io.pomona.store.StoredResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.ProgressHandler;

/** The store contract on a SQLite file in a temporary directory, plus SQLite's own settings. */
class SqliteStoreTest extends StoreContractTest {
  @TempDir Path temporary;

  private Path dataDirectory() {
    // A directory the store must create itself.
    return temporary.resolve("data");
  }

  @Override
  protected Store openStore(Clock clock) {
    return SqliteStore.open(dataDirectory(), clock);
  }

  @Test
  void databaseFileIsCreatedInTheDataDirectoryInWalMode() throws SQLException {
    store().write(tx -> tx.insert("7X3K9P2Q8L", "apps", "1", Map.of()));

    assertThat(dataDirectory().resolve(SqliteStore.DATABASE_FILE)).isRegularFile();
    assertThat(Files.exists(dataDirectory().resolve(SqliteStore.DATABASE_FILE + "-wal"))).isTrue();
    assertThat(queryColumn("PRAGMA journal_mode")).containsExactly("wal");
  }

  @Test
  void migrationsRunOnceHoweverOftenTheStoreIsReopened() throws SQLException {
    reopen();
    reopen();

    assertThat(queryColumn("SELECT version || ':' || success FROM flyway_schema_history"))
        .containsExactly("1:1", "2:1");
  }

  @Test
  void resourceListUsesTheTypeIndexRatherThanAScan() throws SQLException {
    List<String> plan =
        queryColumn(
            "EXPLAIN QUERY PLAN SELECT * FROM resources"
                + " WHERE team_id = 'T' AND type = 'apps' AND seq > 5 ORDER BY seq LIMIT 3");

    assertThat(String.join("\n", plan)).contains("USING INDEX resources_by_type");
    assertThat(String.join("\n", plan)).doesNotContain("TEMP B-TREE");
  }

  @Test
  void edgeQueriesUseTheirIndexes() throws SQLException {
    String targets =
        String.join(
            "\n",
            queryColumn(
                "EXPLAIN QUERY PLAN SELECT to_id FROM edges WHERE team_id = 'T' AND rel = 'r'"
                    + " AND from_id = 'f' AND position > 3 ORDER BY position LIMIT 3"));
    String sources =
        String.join(
            "\n",
            queryColumn(
                "EXPLAIN QUERY PLAN SELECT from_id FROM edges WHERE team_id = 'T' AND rel = 'r'"
                    + " AND to_id = 't' AND from_id > 'a' ORDER BY from_id LIMIT 3"));
    String cascade =
        String.join(
            "\n",
            queryColumn(
                "EXPLAIN QUERY PLAN DELETE FROM edges WHERE to_type = 'apps' AND to_id = 'x'"));

    assertThat(targets).contains("edges_targets").doesNotContain("TEMP B-TREE");
    assertThat(sources).contains("edges_sources").doesNotContain("TEMP B-TREE");
    assertThat(cascade).contains("edges_by_to");
  }

  @Test
  void filteredAndSortedQueryOnIndexedAttributesSeeksThePartialIndexes() throws SQLException {
    store().write(tx -> tx.ensureIndexes(BUILD_INDEXES));
    ResourceQuery iosByVersion =
        ResourceQuery.all(TEAM, "builds", 10)
            .withConditions(List.of(new Condition.AttributeIn("platform", List.of("IOS"))))
            .withSort(List.of(SortKey.descending("version")));
    ResourceQuery laterPage = iosByVersion.withAfter(Optional.of(new Keyset(List.of("1.5"), 99)));
    ResourceQuery fromNulls =
        iosByVersion.withAfter(Optional.of(new Keyset(java.util.Arrays.asList((Object) null), 99)));
    ResourceQuery byPlatform =
        ResourceQuery.all(TEAM, "builds", 10)
            .withConditions(List.of(new Condition.AttributeIn("platform", List.of("IOS"))))
            .withAfter(Optional.of(Keyset.of(99)));

    String first = plans(iosByVersion);
    String later = plans(laterPage);
    String nulls = plans(fromNulls);
    String filtered = plans(byPlatform);

    assertThat(first).contains("USING INDEX rx_builds_version_").doesNotContain("SCAN");
    assertThat(first).doesNotContain("TEMP B-TREE");
    // A later page seeks to its position (a range on the sort value), then reads the NULLs.
    assertThat(later).contains("USING INDEX rx_builds_version_").contains("<expr><?");
    assertThat(later).doesNotContain("SCAN").doesNotContain("TEMP B-TREE");
    assertThat(nulls).contains("USING INDEX rx_builds_version_").contains("<expr>=? AND seq<?");
    assertThat(filtered).contains("USING INDEX rx_builds_platform_").contains("<expr>=? AND seq>?");
    assertThat(filtered).doesNotContain("SCAN").doesNotContain("TEMP B-TREE");
  }

  @Test
  void idAndRelationshipConditionsReadTheirMatchesInsteadOfScanningTheType() throws SQLException {
    Relation appBuilds = new Relation("apps.builds", "apps", "builds");
    Relation prerelease = new Relation("builds.preReleaseVersion", "builds", "preReleaseVersions");
    store().write(tx -> tx.ensureIndexes(List.of(new IndexSpec("preReleaseVersions", "version"))));
    ResourceQuery builds =
        ResourceQuery.all(TEAM, "builds", 10).withAfter(Optional.of(Keyset.of(5)));

    String byId = plans(builds.withConditions(List.of(new Condition.IdIn(List.of("b1", "b2")))));
    String byApp =
        plans(
            builds.withConditions(
                List.of(new Condition.Related(appBuilds, false, List.of("app1", "app2")))));
    String ofApp =
        plans(builds.withAfter(Optional.empty()).withAnchor(new Anchor(appBuilds, "app1", true)));
    String byVersion =
        plans(
            builds.withConditions(
                List.of(
                    new Condition.RelatedAttributeIn(
                        prerelease,
                        true,
                        "preReleaseVersions",
                        false,
                        "version",
                        List.of("1.0")))));

    assertThat(byId).contains("sqlite_autoindex_resources_1 (team_id=? AND type=? AND id=?)");
    assertThat(byApp).contains("edges_targets (team_id=? AND rel=? AND from_id=?)");
    assertThat(ofApp).contains("edges_targets (team_id=? AND rel=? AND from_id=?)");
    assertThat(byVersion).contains("USING INDEX rx_preReleaseVersions_version_");
    assertThat(byVersion).contains("edges_sources (team_id=? AND rel=? AND to_id=?)");
    for (String plan : List.of(byId, byApp, ofApp, byVersion)) {
      assertThat(plan).doesNotContain("SCAN").doesNotContain("TEMP B-TREE");
    }
  }

  /**
   * Counts the SQLite virtual machine steps of a page (not its total) on 20,000 builds beside
   * 20,000 apps: with the indexes, page 1 and a page deep into the list cost about the same few
   * thousand steps; without them, a page walks the type.
   */
  @Test
  void pageCostStaysFlatDeepIntoTwentyThousandBuilds() throws SQLException {
    store()
        .write(
            tx -> {
              for (int i = 0; i < 20_000; i++) {
                tx.insert(
                    TEAM,
                    "builds",
                    "b" + i,
                    Map.of(
                        "version", (i * 7919) % 20_000, "platform", i % 3 == 0 ? "IOS" : "MAC_OS"));
                tx.insert(TEAM, "apps", "a" + i, Map.of("version", i));
              }
            });
    ResourceQuery iosByVersion =
        ResourceQuery.all(TEAM, "builds", 20)
            .withConditions(List.of(new Condition.AttributeIn("platform", List.of("IOS"))))
            .withSort(List.of(SortKey.descending("version")));

    long unindexed = steps(iosByVersion);
    store().write(tx -> tx.ensureIndexes(BUILD_INDEXES));
    Keyset deep =
        withCountedSteps(
                new long[1], queries -> queries.page(iosByVersion.withLimit(5_000), FOLLOW))
            .next()
            .orElseThrow();
    long firstPage = steps(iosByVersion);
    long deepPage = steps(iosByVersion.withAfter(Optional.of(deep)));

    // A page of 20 reads about 60 index entries (one build in three is for iOS).
    assertThat(firstPage).isLessThan(10_000);
    assertThat(deepPage).isLessThan(2 * firstPage);
    assertThat(unindexed).isGreaterThan(50 * firstPage);
  }

  /**
   * A rare filter value with a sort on another attribute: following the sort index would read most
   * of the type to fill a page, so query() sees the small total and sorts the matches.
   */
  @Test
  void rareFilterValueWithAnotherSortReadsOnlyItsMatches() throws SQLException {
    store()
        .write(
            tx -> {
              tx.ensureIndexes(BUILD_INDEXES);
              for (int i = 0; i < 20_000; i++) {
                tx.insert(
                    TEAM, "builds", "b" + i, Map.of("version", i % 4_000, "platform", "P" + i));
              }
            });
    ResourceQuery rareByPlatform =
        ResourceQuery.all(TEAM, "builds", 3)
            .withConditions(List.of(new Condition.AttributeIn("version", List.of(7, 8))))
            .withSort(List.of(SortKey.descending("platform")));

    long[] querySteps = {0};
    ResourcePage page = withCountedSteps(querySteps, queries -> queries.query(rareByPlatform));
    long[] walkSteps = {0};
    withCountedSteps(walkSteps, queries -> queries.page(rareByPlatform, FOLLOW));
    String plan = plans(rareByPlatform, QuerySql.Plan.SORT_MATCHES);

    assertThat(page.total()).isEqualTo(10);
    assertThat(page.items()).extracting(StoredResource::id).containsExactly("b8008", "b8007", "b8");
    assertThat(plan).contains("USING INDEX rx_builds_version_").contains("TEMP B-TREE");
    assertThat(plan).doesNotContain("SCAN");
    assertThat(querySteps[0]).isLessThan(10_000);
    assertThat(walkSteps[0]).isGreaterThan(20 * querySteps[0]);
  }

  @Test
  void writesPreparedBeforeAnIndexExistedKeepItWhole() throws SQLException {
    // The first writes prepare and keep INSERT, UPDATE and DELETE without the index.
    store()
        .write(
            tx -> {
              tx.insert(TEAM, "builds", "b1", Map.of("rank", 1));
              tx.update(TEAM, "builds", "b1", Map.of("rank", 2));
              tx.insert(TEAM, "builds", "b2", Map.of("rank", 5));
              tx.delete(TEAM, "builds", "b2");
            });
    store().write(tx -> tx.ensureIndexes(List.of(new IndexSpec("builds", "rank"))));

    store()
        .write(
            tx -> {
              tx.insert(TEAM, "builds", "b3", Map.of("rank", 3));
              tx.update(TEAM, "builds", "b1", Map.of("rank", 4));
              tx.insert(TEAM, "builds", "b4", Map.of("rank", 0));
              tx.delete(TEAM, "builds", "b4");
            });
    ResourcePage byRank =
        store()
            .read(
                tx ->
                    tx.query(
                        ResourceQuery.all(TEAM, "builds", 10)
                            .withSort(List.of(SortKey.descending("rank")))));

    assertThat(byRank.items()).extracting(StoredResource::id).containsExactly("b1", "b3");
    assertThat(queryColumn("PRAGMA integrity_check")).containsExactly("ok");
  }

  private static final String TEAM = "7X3K9P2Q8L";
  private static final QuerySql.Plan FOLLOW = QuerySql.Plan.FOLLOW_ORDER;
  private static final List<IndexSpec> BUILD_INDEXES =
      List.of(new IndexSpec("builds", "version"), new IndexSpec("builds", "platform"));

  /** The query plans of the statements a page of {@code query} runs, one line per step. */
  private String plans(ResourceQuery query) throws SQLException {
    return plans(query, FOLLOW);
  }

  private String plans(ResourceQuery query, QuerySql.Plan plan) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection connection = connect()) {
      QuerySql queries = new QuerySql(new Jdbc(connection, SqliteDialect.INSTANCE), new Json());
      for (Sql statement : queries.pageStatements(query, plan)) {
        try (PreparedStatement explain =
            connection.prepareStatement("EXPLAIN QUERY PLAN " + statement.text())) {
          Object[] parameters = statement.parameters();
          for (int i = 0; i < parameters.length; i++) {
            explain.setObject(i + 1, parameters[i]);
          }
          try (ResultSet rows = explain.executeQuery()) {
            while (rows.next()) {
              lines.add(rows.getString("detail"));
            }
          }
        }
      }
    }
    return String.join("\n", lines);
  }

  private long steps(ResourceQuery query) throws SQLException {
    long[] steps = {0};
    withCountedSteps(steps, queries -> queries.page(query, FOLLOW));
    return steps[0];
  }

  /** Runs {@code work} on its own connection, adding its virtual machine steps to {@code steps}. */
  private <T> T withCountedSteps(long[] steps, java.util.function.Function<QuerySql, T> work)
      throws SQLException {
    try (Connection connection = connect()) {
      ProgressHandler.setHandler(
          connection,
          1,
          new ProgressHandler() {
            @Override
            protected int progress() {
              steps[0]++;
              return 0;
            }
          });
      return work.apply(new QuerySql(new Jdbc(connection, SqliteDialect.INSTANCE), new Json()));
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + dataDirectory().resolve(SqliteStore.DATABASE_FILE));
  }

  /** Reads the one text column of a query over the store's file, on a separate connection. */
  private List<String> queryColumn(String sql) throws SQLException {
    Path file = dataDirectory().resolve(SqliteStore.DATABASE_FILE);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      int column = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        values.add(rows.getString(column));
      }
      return values;
    }
  }
}
