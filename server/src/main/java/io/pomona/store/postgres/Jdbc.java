package io.pomona.store.postgres;

import io.pomona.error.Errors;
import io.pomona.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs parameterized statements on one connection for the length of one transaction (or one
 * lookup), turning {@link SQLException}s into {@link StoreException}s, or into {@link
 * io.pomona.error.ApiException}s where the data, not the database, is at fault. Once {@link
 * #close}d it refuses work, so a {@link io.pomona.store.Tx} kept past its transaction fails loudly.
 *
 * <p>Parameters: an {@link Instant} binds as a {@code timestamptz}, an {@link Array} as a PostgreSQL array;
 * anything else as {@code setObject} binds it. pgjdbc keeps the server-side prepared statements of
 * each connection by SQL text, so statements are prepared per call without cost.
 */
final class Jdbc {
  /** Reads one row of a result set. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /**
   * An array parameter, e.g. {@code id = ANY(?)} with an {@code Array("text", ids)}: one statement
   * text however many values.
   *
   * @param elementType the PostgreSQL type of the elements, e.g. {@code text} or {@code jsonb}
   */
  record Array(String elementType, Collection<?> values) {
    Array {
      values = List.copyOf(values);
    }

    static Array text(Collection<String> values) {
      return new Array("text", values);
    }

    static Array bigint(Collection<Long> values) {
      return new Array("bigint", values);
    }

    static Array jsonb(Collection<String> jsonTexts) {
      return new Array("jsonb", jsonTexts);
    }
  }

  // SQLSTATEs of values PostgreSQL cannot hold: U+0000 in text (22021) or in JSON (22P05).
  private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";
  private static final String UNTRANSLATABLE_CHARACTER = "22P05";
  static final String LOCK_NOT_AVAILABLE = "55P03";

  private final Connection connection;
  private boolean open = true;

  Jdbc(Connection connection) {
    this.connection = connection;
  }

  <T> List<T> list(String sql, Row<T> row, Object... parameters) {
    ensureOpen();
    try (PreparedStatement statement = prepare(sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(row.read(rows));
      }
      return result;
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  <T> Optional<T> one(String sql, Row<T> row, Object... parameters) {
    ensureOpen();
    try (PreparedStatement statement = prepare(sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /** The first column of the one row {@code sql} returns, as a long (for counts). */
  long number(String sql, Object... parameters) {
    return one(sql, rows -> rows.getLong(1), parameters)
        .orElseThrow(() -> new StoreException("no row from: " + sql, null));
  }

  /** Runs an INSERT, UPDATE, DELETE or DDL statement; returns how many rows it changed. */
  int update(String sql, Object... parameters) {
    ensureOpen();
    try (PreparedStatement statement = prepare(sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /**
   * Runs one INSERT, UPDATE or DELETE statement once per row of parameters, sent together;
   * returns how many rows each run changed.
   */
  int[] batch(String sql, List<Object[]> rows) {
    ensureOpen();
    if (rows.isEmpty()) {
      return new int[0];
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] parameters : rows) {
        for (int i = 0; i < parameters.length; i++) {
          bind(statement, i + 1, parameters[i]);
        }
        statement.addBatch();
      }
      return statement.executeBatch();
    } catch (SQLException e) {
      // A batch reports the first failing row's cause as the next exception.
      throw failure(sql, e.getNextException() == null ? e : e.getNextException());
    }
  }

  void close() {
    open = false;
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  private PreparedStatement prepare(String sql, Object[] parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        bind(statement, i + 1, parameters[i]);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    switch (value) {
      case Instant instant ->
          statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      case Array array ->
          statement.setArray(
              index, connection.createArrayOf(array.elementType(), array.values().toArray()));
      case null -> statement.setObject(index, null);
      default -> statement.setObject(index, value);
    }
  }

  private void ensureOpen() {
    if (!open) {
      throw new IllegalStateException(
          "this transaction has ended; use the Tx only inside its work");
    }
  }

  private static RuntimeException failure(String sql, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals(CHARACTER_NOT_IN_REPERTOIRE) || state.equals(UNTRANSLATABLE_CHARACTER)) {
      // The one character PostgreSQL text and jsonb cannot hold; SQLite can, so this is a limit
      // of this store that a client can reach, not a server fault.
      return Errors.entityInvalid(
          "Text containing the character U+0000 cannot be stored or searched for.");
    }
    return new StoreException("PostgreSQL failed (SQLSTATE " + state + ") on: " + sql, e);
  }
}
