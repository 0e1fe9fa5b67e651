package io.pomona.store.postgres;

import io.pomona.error.Errors;
import io.pomona.store.StoreException;
import io.pomona.store.jdbc.Dialect;
import io.pomona.store.jdbc.EdgeBatches;
import io.pomona.store.jdbc.Jdbc;
import io.pomona.store.jdbc.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL: times as {@code timestamptz}, JSON parameters cast from text, and text PostgreSQL
 * cannot hold reported as the client's error.
 */
final class PostgresDialect implements Dialect {
  static final PostgresDialect INSTANCE = new PostgresDialect();

  private final EdgeBatches edgeBatches = new PostgresEdgeBatches();

  static final String MIGRATIONS = "classpath:db/migration/postgres";

  /** The highest V-number under {@link #MIGRATIONS}; {@code MigrationsTest} keeps them in step. */
  static final int NEWEST_MIGRATION = 2;

  // SQLSTATEs of values PostgreSQL cannot hold: U+0000 in text (22021) or in JSON (22P05).
  private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
  private static final String UNTRANSLATABLE_CHARACTER = "22P05";
  static final String LOCK_NOT_AVAILABLE = "55P03";

  private PostgresDialect() {}

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public Object instant(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Override
  public Instant readInstant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  @Override
  public Instant readInstant(ResultSet row, int column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  @Override
  public Optional<Instant> readOptionalInstant(ResultSet row, String column)
      throws SQLException {
    return Optional.ofNullable(row.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  @Override
  public String jsonParameter() {
    return "CAST(? AS json)";
  }

  @Override
  public String jsonbParameter() {
    return "CAST(? AS jsonb)";
  }

  /** One array parameter, so one statement text whatever the number of values. */
  @Override
  public List<Sql> anyOf(String column, List<?> values) {
    if (values.isEmpty()) {
      return List.of();
    }
    String elementType = values.getFirst() instanceof Long ? "bigint" : "text";
    return List.of(new Sql().add(column + " = ANY(?)", new Jdbc.Array(elementType, values)));
  }

  @Override
  public String optionalTimeParameter() {
    return "CAST(? AS timestamptz)";
  }

  /** seq and id are identity columns ({@code GENERATED ALWAYS}). */
  @Override
  public String overridingIdentity() {
    return " OVERRIDING SYSTEM VALUE";
  }

  @Override
  public void moveIdentityPast(Jdbc jdbc, String table, String column, long largest) {
    jdbc.list(
        "SELECT setval(s.id, ?) FROM (SELECT pg_get_serial_sequence(?, ?)::regclass AS id) s"
            + " WHERE ? > coalesce(pg_sequence_last_value(s.id), 0)",
        row -> row.getLong(1),
        largest,
        table,
        column,
        largest);
  }

  @Override
  public EdgeBatches edgeBatches() {
    return edgeBatches;
  }

  @Override
  public RuntimeException failure(String sql, SQLException cause) {
    String state = cause.getSQLState() == null ? "" : cause.getSQLState();
    if (state.equals(CHARACTER_NOT_IN_REPERTOIRE) || state.equals(UNTRANSLATABLE_CHARACTER)) {
      // The one character PostgreSQL text and jsonb cannot hold; SQLite can, so this is a limit
      // of this store that a client can reach, not a server fault.
      return Errors.entityInvalid(
          "Text containing the character U+0000 cannot be stored or searched for.");
    }
    return new StoreException("PostgreSQL failed (SQLSTATE " + state + ") on: " + sql, cause);
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
    return "SELECT CASE WHEN to_regclass('flyway_schema_history') IS NULL THEN 0 ELSE 1 END";
  }
}
