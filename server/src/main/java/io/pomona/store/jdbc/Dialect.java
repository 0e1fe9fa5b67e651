package io.pomona.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What really differs between the databases behind the shared JDBC store: how a time is stored, how
 * a JSON parameter is written, where the migrations are, and which failures are the client's
 * fault. Everything else in {@code io.pomona.store.jdbc} is one SQL text for both.
 *
 * <p>Larger differences (JSON extraction in queries, expression indexes, claiming due transitions,
 * moving identity sequences) stay in the store's own package, behind the strategy interfaces of
 * this package.
 */
public interface Dialect {
  /** The database's name, for messages. */
  String name();

  /** The value to bind for {@code instant}. */
  Object instant(Instant instant);

  Instant readInstant(ResultSet row, String column) throws SQLException;

  /** The same, by column position. */
  Instant readInstant(ResultSet row, int column) throws SQLException;

  Optional<Instant> readOptionalInstant(ResultSet row, String column) throws SQLException;

  /** A placeholder for a parameter holding JSON text, to go into a {@code json} column. */
  String jsonParameter();

  /** A placeholder for a parameter holding JSON text, to go into a {@code jsonb} column. */
  String jsonbParameter();

  /**
   * Conditions "{@code column} is one of {@code values}" (all strings or all longs), one per statement to run: a statement
   * takes a whole list as one array on PostgreSQL, but only so many bound parameters on SQLite.
   * None for no values.
   */
  List<Sql> anyOf(String column, List<?> values);

  /**
   * A placeholder for an optional time in a batch, where some rows bind a time and others NULL
   * (PostgreSQL must be told the type).
   */
  String optionalTimeParameter();

  /**
   * What goes between an INSERT's column list and VALUES to write a number of one's own into a
   * generated key column (seq, id): nothing where the database takes it as it is.
   */
  String overridingIdentity();

  /**
   * After numbers of one's own went into the generated key {@code table.column}: moves the number
   * source past {@code largest} unless it is past it already, so that later inserts number after
   * them (never back: numbers handed out before stay unique). Names are fixed by callers, never
   * input.
   */
  void moveIdentityPast(Jdbc jdbc, String table, String column, long largest);

  /** How many edges are written and read at once. */
  EdgeBatches edgeBatches();

  /**
   * What a failed statement becomes: a {@link io.pomona.store.StoreException}, or an {@link
   * io.pomona.error.ApiException} where the data, not the database, is at fault.
   */
  RuntimeException failure(String sql, SQLException cause);

  /** The Flyway location of this database's migrations (SQL files are data, one folder each). */
  String migrationLocation();

  /** The highest V-number under {@link #migrationLocation}; a test keeps them in step. */
  int newestMigration();

  /** A query giving 1 when Flyway's history table exists in the current schema, else 0. */
  String migrationHistoryExists();
}
