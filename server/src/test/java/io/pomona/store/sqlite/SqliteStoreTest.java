package io.pomona.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.store.Store;
import io.pomona.store.StoreContractTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        .containsExactly("1:1");
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
