package io.pomona.store.sqlite;

import io.pomona.store.StoreException;
import io.pomona.store.jdbc.Dialect;
import io.pomona.store.jdbc.EdgeBatches;
import io.pomona.store.jdbc.Jdbc;
import io.pomona.store.jdbc.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQLite: times as INTEGER epoch milliseconds, JSON as plain text, every failure the store's. */
final class SqliteDialect implements Dialect {
  static final SqliteDialect INSTANCE = new SqliteDialect();

  private final EdgeBatches edgeBatches = new SqliteEdgeBatches();

  private static final int IN_LIST_SIZE = 500;

  static final String MIGRATIONS = "classpath:db/migration/sqlite";

  /** The highest V-number under {@link #MIGRATIONS}; {@code MigrationsTest} keeps them in step. */
  static final int NEWEST_MIGRATION = 2;

  private SqliteDialect() {}

  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public Object instant(Instant instant) {
    return Millis.of(instant);
  }

  @Override
  public Instant readInstant(ResultSet row, String column) throws SQLException {
    return Millis.read(row, column);
  }

  @Override
  public Instant readInstant(ResultSet row, int column) throws SQLException {
    return Millis.read(row, column);
  }

  @Override
  public Optional<Instant> readOptionalInstant(ResultSet row, String column)
      throws SQLException {
    return Millis.readOptional(row, column);
  }

  @Override
  public String jsonParameter() {
    return "?";
  }

  @Override
  public String jsonbParameter() {
    return "?";
  }

  /** Up to {@value #IN_LIST_SIZE} {@code ?}s per statement, well below SQLite's limit. */
  @Override
  public List<Sql> anyOf(String column, List<?> values) {
    List<Sql> conditions = new ArrayList<>();
    for (int start = 0; start < values.size(); start += IN_LIST_SIZE) {
      List<?> chunk = values.subList(start, Math.min(values.size(), start + IN_LIST_SIZE));
      conditions.add(new Sql().add(column + " IN (").placeholders(chunk).add(")"));
    }
    return conditions;
  }

  @Override
  public String optionalTimeParameter() {
    return "?";
  }

  @Override
  public String overridingIdentity() {
    return "";
  }

  /** Nothing to do: AUTOINCREMENT's high-water mark follows the largest key ever written. */
  @Override
  public void moveIdentityPast(Jdbc jdbc, String table, String column, long largest) {}

  @Override
  public EdgeBatches edgeBatches() {
    return edgeBatches;
  }

  @Override
  public RuntimeException failure(String sql, SQLException cause) {
    return new StoreException("SQLite failed on: " + sql, cause);
  }

  @Override
  public String migrationLocation() {
    return MIGRATIONS;
  }

  @Override
  public int newestMigration() {
    return NEWEST_MIGRATION;
  }

  @Override
  public String migrationHistoryExists() {
    return "SELECT count(*) FROM sqlite_master"
        + " WHERE type = 'table' AND name = 'flyway_schema_history'";
  }
}
