package io.pomona.store.sqlite;

import io.pomona.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs parameterized statements on one connection for the length of one transaction (or one
 * lookup), turning {@link SQLException}s into {@link StoreException}s. Once {@link #close}d it
 * refuses work, so a {@link io.pomona.store.Tx} kept past its transaction fails loudly.
 *
 * <p>With a {@link StatementCache} it reuses the connection's prepared statements; without one
 * (tests on a bare connection) it prepares and closes a statement per call.
 */
final class Jdbc {
  /** Reads one row of a result set. */
  @FunctionalInterface
  interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final Optional<StatementCache> cache;
  private boolean open = true;

  Jdbc(Connection connection) {
    this(connection, Optional.empty());
  }

  Jdbc(Connection connection, Optional<StatementCache> cache) {
    this.connection = connection;
    this.cache = cache;
  }

  <T> List<T> list(String sql, Row<T> row, Object... parameters) {
    try (Lease lease = lease(sql);
        ResultSet rows = bind(lease.statement(), parameters).executeQuery()) {
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
    try (Lease lease = lease(sql);
        ResultSet rows = bind(lease.statement(), parameters).executeQuery()) {
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

  /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
  int update(String sql, Object... parameters) {
    try (Lease lease = lease(sql)) {
      return bind(lease.statement(), parameters).executeUpdate();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /**
   * Runs one query once per parameter list on one prepared statement: the results, in the order of
   * the parameter lists.
   */
  <T> List<List<T>> listEach(String sql, Row<T> row, List<Object[]> parameterLists) {
    try (Lease lease = lease(sql)) {
      List<List<T>> results = new ArrayList<>();
      for (Object[] parameters : parameterLists) {
        List<T> result = new ArrayList<>();
        try (ResultSet rows = bind(lease.statement(), parameters).executeQuery()) {
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

  /** Runs one statement once per parameter list, in one batch. */
  void batch(String sql, List<Object[]> parameterLists) {
    try (Lease lease = lease(sql)) {
      for (Object[] parameters : parameterLists) {
        bind(lease.statement(), parameters).addBatch();
      }
      lease.statement().executeBatch();
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /** A statement without parameters or results, such as {@code BEGIN IMMEDIATE}. */
  void execute(String sql) {
    update(sql);
  }

  void close() {
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

  private static PreparedStatement bind(PreparedStatement statement, Object[] parameters)
      throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }

  private void ensureOpen() {
    if (!open) {
      throw new IllegalStateException(
          "this transaction has ended; use the Tx only inside its work");
    }
  }

  private StoreException failure(String sql, SQLException e) {
    // A failed statement may be left mid-step or mid-batch: prepare it afresh next time.
    cache.ifPresent(statements -> statements.discard(sql, e));
    return new StoreException("SQLite failed on: " + sql, e);
  }
}
