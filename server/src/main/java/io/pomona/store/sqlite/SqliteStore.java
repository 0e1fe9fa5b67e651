package io.pomona.store.sqlite;

import com.zaxxer.hikari.HikariDataSource;
import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import io.pomona.store.Store;
import io.pomona.store.StoreException;
import io.pomona.store.Tx;
import io.pomona.store.jdbc.AccountSql;
import io.pomona.store.jdbc.Jdbc;
import io.pomona.store.jdbc.JdbcTx;
import io.pomona.store.jdbc.Json;
import io.pomona.store.jdbc.Migrations;
import io.pomona.store.jdbc.Pools;
import io.pomona.store.jdbc.SnapshotRows;
import io.pomona.store.jdbc.StatementCache;
import io.pomona.store.jdbc.TransactionGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store: {@value #DATABASE_FILE} in a data directory.
 *
 * <p>Connections: one writer and {@value #READERS} readers, each pooled by HikariCP (which keeps
 * them open and replaces a broken one). SQLite lets one connection write at a time; a second writer
 * would wait in {@code busy_timeout} and could still fail with {@code SQLITE_BUSY}. So write
 * transactions queue on a fair lock in front of the single writer connection and begin with {@code
 * BEGIN IMMEDIATE}, and no writer ever fails because another is busy. In WAL mode the readers see
 * committed snapshots and never wait for the writer. {@code busy_timeout} remains for other
 * processes (a CLI on the same file) and checkpoints.
 *
 * <p>Each physical connection keeps its prepared statements ({@link StatementCache}): with many
 * attribute indexes on {@code resources}, preparing a write costs more than running it.
 *
 * <p>At most {@value #READERS} threads at a time ask the reader pool for a connection; the others
 * wait on a semaphore in front of it. HikariCP's pool hands a returned connection to a waiting
 * thread by spinning ({@code Thread.yield}) while waiters exist: with 64 request threads on 4
 * connections that spin took half the server's CPU (measured with JFR in the benchmark,
 * {@code bench/results.md}). A parked thread on a semaphore costs nothing.
 *
 * <p>{@link #dataVersion} reads SQLite's {@code PRAGMA data_version} on a connection of its own,
 * outside the pools: it changes whenever another connection (the writer, or another process)
 * commits. Read transactions remember query totals per reader connection and that connection's
 * data version, read inside the transaction when a total is needed ({@link Totals}), and the rows
 * and edges they read by id the same way ({@link SnapshotRows}).
 *
 * <p>Transactions are begun and ended with SQL rather than {@code setAutoCommit(false)}:
 * sqlite-jdbc's {@code commit()} at once opens the next transaction, which on a pooled reader would
 * hold an old snapshot and stop WAL checkpoints.
 */
public final class SqliteStore implements Store {
  public static final String DATABASE_FILE = "pomona.db";

  private static final int READERS = 4;
  private static final Duration LONGEST_WRITE_WAIT = Duration.ofSeconds(30);
  private static final int BUSY_TIMEOUT_MILLIS = 5_000;

  private final HikariDataSource writer;
  private final HikariDataSource readers;
  private final Semaphore readerPermits = new Semaphore(READERS);
  private final DataVersion dataVersion;
  private final Totals totals = new Totals();
  /** Write transactions this process committed: see {@link #recentDataVersion}. */
  private final AtomicLong commits = new AtomicLong();
  private final TransactionGate gate = new TransactionGate(LONGEST_WRITE_WAIT);
  private final Map<Connection, StatementCache> statementCaches = new ConcurrentHashMap<>();
  /** What each reader connection read by id, by the statement cache that stands for it. */
  private final Map<StatementCache, SnapshotRows> snapshotRows = new ConcurrentHashMap<>();
  private final Json json = new Json();
  private final Clock clock;

  private SqliteStore(
      HikariDataSource writer, HikariDataSource readers, DataVersion dataVersion, Clock clock) {
    this.writer = writer;
    this.readers = readers;
    this.dataVersion = dataVersion;
    this.clock = clock;
  }

  /**
   * Opens (creating if needed) the store in {@code dataDirectory}, applying any pending migrations
   * first.
   *
   * @param clock the source of every transaction's {@link Tx#now()}
   */
  public static SqliteStore open(Path dataDirectory, Clock clock) {
    Path file = createDirectories(dataDirectory).resolve(DATABASE_FILE).toAbsolutePath();
    SQLiteDataSource database = dataSource(file);
    Migrations.apply(database, SqliteDialect.INSTANCE);
    HikariDataSource writer = pool("pomona-sqlite-writer", database, 1, Optional.empty());
    try {
      HikariDataSource readers =
          pool("pomona-sqlite-reader", database, READERS, Optional.of("PRAGMA query_only = true"));
      try {
        return new SqliteStore(writer, readers, DataVersion.open(database), clock);
      } catch (RuntimeException e) {
        readers.close();
        throw e;
      }
    } catch (RuntimeException e) {
      writer.close();
      throw e;
    }
  }

  @Override
  public <T> T transaction(Function<Tx, T> work) {
    return gate.write(() -> inTransaction(writer, "BEGIN IMMEDIATE", work, false));
  }

  @Override
  public <T> T read(Function<Tx, T> work) {
    return gate.read(
        () -> {
          acquireReader();
          try {
            return inTransaction(readers, "BEGIN", work, true);
          } finally {
            readerPermits.release();
          }
        });
  }

  /**
   * An autocommit statement on a reader: no BEGIN, no COMMIT, and no data version read for
   * {@link Totals} (which only lists use).
   */
  @Override
  public <T> T readOneStatement(Function<Tx, T> work) {
    return gate.read(
        () -> {
          acquireReader();
          try (Connection connection = readers.getConnection()) {
            Jdbc jdbc =
                new Jdbc(connection, SqliteDialect.INSTANCE, Optional.of(statementsOf(connection)));
            try {
              return work.apply(
                  new JdbcTx(
                      jdbc,
                      json,
                      clock.instant().truncatedTo(ChronoUnit.MILLIS),
                      new QuerySql(jdbc, json, Optional.empty())));
            } finally {
              jdbc.close();
            }
          } catch (SQLException e) {
            throw new StoreException("cannot get a database connection", e);
          } finally {
            readerPermits.release();
          }
        });
  }

  @Override
  public Optional<ApiKey> findKey(String keyId) {
    return lookup(accounts -> accounts.findKey(keyId));
  }

  @Override
  public Optional<Team> findTeam(String teamId) {
    return lookup(accounts -> accounts.findTeam(teamId));
  }

  @Override
  public long dataVersion() {
    return dataVersion.read();
  }

  /** The recent version of the database and this process's own commits, which show at once. */
  @Override
  public long recentDataVersion() {
    return (dataVersion.recent() << 32) + commits.get();
  }

  @Override
  public void close() {
    try {
      closeStatements();
    } finally {
      try {
        dataVersion.close();
      } finally {
        try {
          readers.close();
        } finally {
          writer.close();
        }
      }
    }
  }

  /**
   * @param reading whether this is a read transaction: its query totals may come from (and go to)
   *     {@link Totals}, and its reads by id from (and to) the connection's {@link SnapshotRows}
   */
  private <T> T inTransaction(HikariDataSource pool, String begin, Function<Tx, T> work, boolean reading) {
    try (Connection connection = pool.getConnection()) {
      StatementCache statements = statementsOf(connection);
      Jdbc jdbc = new Jdbc(connection, SqliteDialect.INSTANCE, Optional.of(statements));
      // The statement cache stands for the physical connection (the pool hands out a new proxy on
      // every checkout); the version is read inside this transaction, so it names its snapshot.
      LongSupplier version = once(() -> jdbc.number("PRAGMA data_version"));
      Optional<Totals.InTransaction> totals = reading
          ? Optional.of(this.totals.in(statements, version))
          : Optional.empty();
      Optional<SnapshotRows.InTransaction> kept = reading
          ? Optional.of(snapshotRows.computeIfAbsent(statements, forConnection -> new SnapshotRows()).in(version))
          : Optional.empty();
      jdbc.execute(begin);
      try {
        T result =
            work.apply(
                new JdbcTx(
                    jdbc,
                    json,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    new QuerySql(jdbc, json, totals),
                    kept));
        jdbc.execute("COMMIT");
        if (!reading) {
          commits.incrementAndGet();
        }
        return result;
      } catch (RuntimeException | Error e) {
        rollback(pool, connection, e);
        throw e;
      } finally {
        jdbc.close();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot get a database connection", e);
    }
  }

  /** {@code read}'s value, read once, when first asked for. */
  private static LongSupplier once(LongSupplier read) {
    long[] value = new long[1];
    boolean[] known = new boolean[1];
    return () -> {
      if (!known[0]) {
        value[0] = read.getAsLong();
        known[0] = true;
      }
      return value[0];
    };
  }

  /** Autocommit statements on a reader: the hot path of authentication. */
  private <T> T lookup(Function<AccountSql, T> query) {
    acquireReader();
    try (Connection connection = readers.getConnection()) {
      Jdbc jdbc = new Jdbc(connection, SqliteDialect.INSTANCE, Optional.of(statementsOf(connection)));
      return query.apply(new AccountSql(jdbc, json));
    } catch (SQLException e) {
      throw new StoreException("cannot get a database connection", e);
    } finally {
      readerPermits.release();
    }
  }

  private void acquireReader() {
    try {
      readerPermits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a read connection", e);
    }
  }

  /**
   * The statement cache of the physical connection behind a pooled one. The pool hands out a new
   * proxy on every checkout, so the cache is keyed by what it wraps.
   */
  private StatementCache statementsOf(Connection pooled) throws SQLException {
    Connection physical = pooled.unwrap(SQLiteConnection.class);
    StatementCache cache = statementCaches.get(physical);
    if (cache == null) {
      // A new physical connection: the pool may have retired another, whose cache goes too.
      statementCaches.values().removeIf(StatementCache::connectionClosed);
      snapshotRows.keySet().removeIf(StatementCache::connectionClosed);
      cache = new StatementCache(physical);
      statementCaches.put(physical, cache);
    }
    return cache;
  }

  private void closeStatements() {
    List<SQLException> failures = new ArrayList<>();
    for (StatementCache cache : statementCaches.values()) {
      try {
        cache.close();
      } catch (SQLException e) {
        failures.add(e);
      }
    }
    statementCaches.clear();
    if (!failures.isEmpty()) {
      StoreException failure =
          new StoreException("cannot close prepared statements", failures.get(0));
      failures.subList(1, failures.size()).forEach(failure::addSuppressed);
      throw failure;
    }
  }

  private static void rollback(HikariDataSource pool, Connection connection, Throwable failure) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      // The transaction may be gone already (SQLite rolls back on some failures); do not hand a
      // connection in an unknown state to the next caller.
      failure.addSuppressed(e);
      pool.evictConnection(connection);
    }
  }

  private static Path createDirectories(Path dataDirectory) {
    try {
      return Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new StoreException("cannot create the data directory " + dataDirectory, e);
    }
  }

  private static SQLiteDataSource dataSource(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // Nothing reads generated keys (ids are ours, sequences read back with SQL); with the option
    // on, sqlite-jdbc matches every executed update against a regular expression, BEGIN and
    // COMMIT of each read included.
    config.setGetGeneratedKeys(false);
    // SQLite's multi-thread mode: no mutex of SQLite's own around every call into a connection.
    // sqlite-jdbc already makes every native call while holding the connection's monitor (and a
    // connection is lent to one thread at a time anyway), so the serialized default only added a
    // pthread lock and unlock per call: a 51-row page read 12% faster without (sqlite-jdbc alone).
    config.setOpenMode(SQLiteOpenMode.NOMUTEX);
    SQLiteDataSource database = new SQLiteDataSource(config);
    database.setUrl("jdbc:sqlite:" + file);
    return database;
  }

  private static HikariDataSource pool(
      String name, SQLiteDataSource database, int size, Optional<String> initSql) {
    return Pools.open(
        name, database, database.getUrl(), size, config -> initSql.ifPresent(config::setConnectionInitSql));
  }

}
