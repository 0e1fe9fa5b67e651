package io.pomona.store.jdbc;

import io.pomona.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs parameterized statements on one connection for the length of one transaction (or one
 * lookup), turning {@link SQLException}s into what the {@link Dialect} makes of them. Once {@link
 * #close}d it refuses work, so a {@link io.pomona.store.Tx} kept past its transaction fails loudly.
 *
 * <p>Parameters: an {@link Instant} binds as the dialect stores times, an {@link Array} as a SQL
 * array; anything else as {@code setObject} binds it. With a {@link StatementCache} it reuses the
 * connection's prepared statements; without one it prepares and closes a statement per call
 * (pgjdbc keeps the server-side statements of each connection by SQL text anyway).
 */
public final class Jdbc {
  /** Reads one row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  /**
   * An array parameter, e.g. {@code id = ANY(?)} with an {@code Array("text", ids)}: one statement
   * text however many values. Only for databases with arrays (PostgreSQL).
   *
   * @param elementType the SQL type of the elements, e.g. {@code text} or {@code jsonb}
   */
  public record Array(String elementType, Collection<?> values) {
    public Array {
      values = List.copyOf(values);
    }

    public static Array text(Collection<String> values) {
      return new Array("text", values);
    }

    public static Array bigint(Collection<Long> values) {
      return new Array("bigint", values);
    }

    public static Array jsonb(Collection<String> jsonTexts) {
      return new Array("jsonb", jsonTexts);
    }
  }

  private final Connection connection;
  private final Dialect dialect;
  private final Optional<StatementCache> cache;
  private boolean open = true;

  public Jdbc(Connection connection, Dialect dialect) {
    this(connection, dialect, Optional.empty());
  }

  public Jdbc(Connection connection, Dialect dialect, Optional<StatementCache> cache) {
    this.connection = connection;
    this.dialect = dialect;
    this.cache = cache;
  }

  public Dialect dialect() {
    return dialect;
  }

  public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
    try (Lease lease = lease(sql, parameters);
        ResultSet rows = lease.statement().executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(row.read(rows));
      }
      return result;
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... parameters) {
    try (Lease lease = lease(sql, parameters);
        ResultSet rows = lease.statement().executeQuery()) {
      return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /** The first column of the one row {@code sql} returns, as a long (for counts). */
  public long number(String sql, Object... parameters) {
    return one(sql, rows -> rows.getLong(1), parameters)
        .orElseThrow(() -> new StoreException("no row from: " + sql, null));
  }

  /** Runs an INSERT, UPDATE, DELETE or DDL statement; returns how many rows it changed. */
  public int update(String sql, Object... parameters) {
    try (Lease lease = lease(sql, parameters)) {
      return lease.statement().executeUpdate();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /** A statement without parameters or results, such as {@code BEGIN IMMEDIATE}. */
  public void execute(String sql) {
    update(sql);
  }

  /**
   * Runs one query once per parameter list on one prepared statement: the results, in the order of
   * the parameter lists.
   */
  public <T> List<List<T>> listEach(String sql, Row<T> row, List<Object[]> parameterLists) {
    try (Lease lease = lease(sql)) {
      List<List<T>> results = new ArrayList<>();
      for (Object[] parameters : parameterLists) {
        List<T> result = new ArrayList<>();
        bind(lease.statement(), parameters);
        try (ResultSet rows = lease.statement().executeQuery()) {
          while (rows.next()) {
            result.add(row.read(rows));
          }
        }
        results.add(result);
      }
      return results;
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /**
   * Runs one INSERT, UPDATE or DELETE statement once per row of parameters, sent together;
   * returns how many rows each run changed.
   */
  public int[] batch(String sql, List<Object[]> rows) {
    if (rows.isEmpty()) {
      ensureOpen();
      return new int[0];
    }
    try (Lease lease = lease(sql)) {
      for (Object[] parameters : rows) {
        bind(lease.statement(), parameters);
        lease.statement().addBatch();
      }
      return lease.statement().executeBatch();
    } catch (SQLException e) {
      // A batch may report the first failing row's cause as the next exception.
      throw failure(sql, e.getNextException() == null ? e : e.getNextException());
    }
  }

  public Instant instant(ResultSet row, String column) throws SQLException {
    return dialect.readInstant(row, column);
  }

  public Instant instant(ResultSet row, int column) throws SQLException {
    return dialect.readInstant(row, column);
  }

  public Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
    return dialect.readOptionalInstant(row, column);
  }

  public void close() {
    open = false;
  }

  /** A statement for one call: closed afterwards unless the cache keeps it. */
  private record Lease(PreparedStatement statement, boolean cached) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      if (!cached) {
        statement.close();
      }
    }
  }

  private Lease lease(String sql) throws SQLException {
    ensureOpen();
    return cache.isPresent()
        ? new Lease(cache.get().get(sql), true)
        : new Lease(connection.prepareStatement(sql), false);
  }

  private Lease lease(String sql, Object[] parameters) throws SQLException {
    Lease lease = lease(sql);
    try {
      bind(lease.statement(), parameters);
      return lease;
    } catch (SQLException | RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  private void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      bind(statement, i + 1, parameters[i]);
    }
  }

  private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
    switch (value) {
      case Instant instant -> statement.setObject(index, dialect.instant(instant));
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

  private RuntimeException failure(String sql, SQLException e) {
    // A failed statement may be left mid-step or mid-batch: prepare it afresh next time.
    cache.ifPresent(statements -> statements.discard(sql, e));
    return dialect.failure(sql, e);
  }
}
