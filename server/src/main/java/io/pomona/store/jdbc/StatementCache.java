package io.pomona.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one physical connection, kept from one transaction to the next.
 * Used by the SQLite store, where preparing is not free: SQLite compiles into every INSERT, UPDATE and DELETE on {@code resources}
 * the upkeep of each index on the table, so with a couple of hundred attribute indexes preparing an
 * insert costs more than running it. sqlite-jdbc and HikariCP keep no statements, hence this.
 *
 * <p>Statements are prepared on the physical connection, not on the pool's proxy, so that returning
 * the connection to the pool does not close them. A schema change (a new index) needs no care:
 * SQLite recompiles a prepared statement whose schema changed. Used by one thread at a time, as its
 * connection is.
 */
public final class StatementCache {
  public static final int CAPACITY = 64;

  private final Connection connection;
  // Access order: the least recently used statement goes first when the cache is full.
  private final LinkedHashMap<String, PreparedStatement> statements =
      new LinkedHashMap<>(16, 0.75f, true);

  public StatementCache(Connection physicalConnection) {
    this.connection = physicalConnection;
  }

  /** The statement for {@code sql}, prepared now or earlier, its parameters cleared. */
  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement != null) {
      statement.clearParameters();
      return statement;
    }
    statement = connection.prepareStatement(sql);
    statements.put(sql, statement);
    evictBeyondCapacity();
    return statement;
  }

  /** Drops the statement for {@code sql} after it failed, so that the next use starts afresh. */
  void discard(String sql, SQLException failure) {
    PreparedStatement statement = statements.remove(sql);
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** True once the pool has closed the connection (after its maximum lifetime, for one). */
  public boolean connectionClosed() {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      // sqlite-jdbc never throws here; a connection that cannot say is as good as closed.
      return true;
    }
  }

  /** Closes every statement. */
  public void close() throws SQLException {
    SQLException failure = null;
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    statements.clear();
    if (failure != null) {
      throw failure;
    }
  }

  public int size() {
    return statements.size();
  }

  private void evictBeyondCapacity() throws SQLException {
    Iterator<Map.Entry<String, PreparedStatement>> eldest = statements.entrySet().iterator();
    while (statements.size() > CAPACITY) {
      PreparedStatement statement = eldest.next().getValue();
      eldest.remove();
      statement.close();
    }
  }
}
