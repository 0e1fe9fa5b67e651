package io.pomona.store.sqlite;

import io.pomona.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * SQLite's {@code PRAGMA data_version} on a connection kept for it alone. The value a connection
 * reports changes exactly when another connection commits, so it must be one long-lived
 * connection that never writes, outside the pools (a pooled one could be replaced between calls).
 *
 * <p>Reads are shared: a caller of {@link #read} may use the value of any read that <em>began</em>
 * after the caller arrived (it reflects every commit before the caller arrived), and while one
 * thread runs the pragma the others wait for its result instead of queueing for the connection one
 * by one. Every authenticated request used to ask that way, and the waiting (a park and a wake-up
 * each) cost a GET a fifth of its throughput; requests now ask {@link #recent}, which reuses a read
 * up to a millisecond old, so under load about one request per millisecond reads.
 */
final class DataVersion implements AutoCloseable {
  /** How old a read {@link #recent} may reuse: one millisecond. */
  static final long RECENT_NANOS = 1_000_000;

  private final Connection connection;
  private final PreparedStatement pragma;
  private final ReentrantLock lock = new ReentrantLock();
  /** How many pragma reads have begun; guarded by {@link #lock} for writing. */
  private final AtomicLong readsBegun = new AtomicLong();
  private volatile Reading latest = new Reading(0, Long.MIN_VALUE, 0);

  private DataVersion(Connection connection, PreparedStatement pragma) {
    this.connection = connection;
    this.pragma = pragma;
  }

  static DataVersion open(DataSource database) {
    try {
      Connection connection = database.getConnection();
      try {
        try (Statement statement = connection.createStatement()) {
          statement.execute("PRAGMA query_only = true");
        }
        return new DataVersion(connection, connection.prepareStatement("PRAGMA data_version"));
      } catch (SQLException e) {
        closeAfterFailure(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot open the connection that watches for changes", e);
    }
  }

  /**
   * A value read at most {@link #RECENT_NANOS} ago, or a new read: see {@link
   * io.pomona.store.Store#recentDataVersion}.
   */
  long recent() {
    Reading known = latest;
    if (known.number() > 0 && System.nanoTime() - known.begunAt() < RECENT_NANOS) {
      return known.value();
    }
    return read();
  }

  long read() {
    long arrival = readsBegun.get();
    while (true) {
      Reading known = latest;
      if (known.number() > arrival) {
        return known.value();
      }
      if (lock.tryLock()) {
        try {
          known = latest;
          if (known.number() > arrival) {
            return known.value();
          }
          long begunAt = System.nanoTime();
          Reading reading = new Reading(readsBegun.incrementAndGet(), pragma(), begunAt);
          latest = reading;
          return reading.value();
        } finally {
          lock.unlock();
        }
      }
      // Another thread is reading; its result may have begun too early for us, the next will not.
      lock.lock();
      lock.unlock();
    }
  }

  private long pragma() {
    try (ResultSet row = pragma.executeQuery()) {
      if (!row.next()) {
        throw new StoreException("PRAGMA data_version returned no row", null);
      }
      return row.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot read PRAGMA data_version", e);
    }
  }

  /** The value of the {@code number}th read (numbered from 1), begun at {@code begunAt} (nanoTime). */
  private record Reading(long number, long value, long begunAt) {}

  @Override
  public void close() {
    lock.lock();
    try {
      pragma.close();
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close the connection that watches for changes", e);
    } finally {
      lock.unlock();
    }
  }

  private static void closeAfterFailure(Connection connection, SQLException failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
