package io.pomona.store.sqlite;

import io.pomona.store.jdbc.Migrations;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class MigrationsTest {
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

  @TempDir Path directory;

  @Test
  void newestVersionConstantMatchesTheNewestMigrationFile() throws IOException, URISyntaxException {
    Path folder = Path.of(Migrations.class.getResource("/db/migration/sqlite").toURI());
    List<Integer> versions;
    try (Stream<Path> files = Files.list(folder)) {
      versions =
          files
              .map(file -> VERSIONED.matcher(file.getFileName().toString()))
              .filter(Matcher::matches)
              .map(match -> Integer.valueOf(match.group(1)))
              .sorted()
              .toList();
    }

    assertThat(versions).isNotEmpty();
    assertThat(versions.get(versions.size() - 1)).isEqualTo(SqliteDialect.NEWEST_MIGRATION);
    assertThat(versions).doesNotHaveDuplicates();
  }

  @Test
  void emptyDatabaseIsNotUpToDateUntilMigrated() {
    SQLiteDataSource database = database();

    assertThat(Migrations.upToDate(database, SqliteDialect.INSTANCE)).isFalse();
    assertThat(Migrations.apply(database, SqliteDialect.INSTANCE)).isEqualTo(SqliteDialect.NEWEST_MIGRATION);
    assertThat(Migrations.upToDate(database, SqliteDialect.INSTANCE)).isTrue();
    assertThat(Migrations.apply(database, SqliteDialect.INSTANCE)).isZero();
  }

  @Test
  void failedMigrationInTheHistoryTakesTheFullFlywayPath() throws SQLException {
    SQLiteDataSource database = database();
    Migrations.apply(database, SqliteDialect.INSTANCE);
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '1'");
    }

    assertThat(Migrations.upToDate(database, SqliteDialect.INSTANCE)).isFalse();
  }

  private SQLiteDataSource database() {
    SQLiteDataSource database = new SQLiteDataSource();
    database.setUrl("jdbc:sqlite:" + directory.resolve("test.db"));
    return database;
  }
}
