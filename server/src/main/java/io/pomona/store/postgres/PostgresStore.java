package io.pomona.store.postgres;

import com.zaxxer.hikari.HikariConfig;
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
import io.pomona.store.jdbc.TransactionGate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The shared store: a PostgreSQL database that several Pomona nodes may use at once.
 *
 * <p>Writes. The contract serializes write transactions (a read-modify-write such as "read the
 * version, then update if unchanged" must not fail because another writer is busy), and paging
 * relies on {@code seq} and edge positions growing in commit order. So every write transaction
 * first locks the one row of {@code write_lock} ({@code SELECT ... FOR UPDATE}), which orders
 * writers across every node sharing the schema, and runs at READ COMMITTED: each statement after
 * the lock sees everything committed before it, and no other writer runs meanwhile, so it behaves
 * as if serializable, with no serialization failures to retry. Within one node, writers first
 * queue on a fair lock, so that they wait in the JVM rather than each holding a connection.
 * Waiting for the row is bounded by {@code lock_timeout}, and a writer that stalls mid-transaction
 * (a frozen node) loses its session after {@code idle_in_transaction_session_timeout}, releasing
 * the lock for the others.
 *
 * <p>Reads run at REPEATABLE READ, READ ONLY, on their own pool: one snapshot for the whole
 * transaction, never blocked by writers, and any write fails.
 *
 * <p>Time is Java's: {@link Tx#now()} comes from the injected clock after the lock is taken, as in
 * the SQLite store; nodes sharing a database should keep their clocks in sync (NTP).
 */
public final class PostgresStore implements Store {
  private static final int READERS = 8;
  private static final int WRITERS = 1;
  private static final Duration LONGEST_WRITE_WAIT = Duration.ofSeconds(30);
  private static final Duration LONGEST_IDLE_WRITE = Duration.ofSeconds(60);

  private final HikariDataSource writers;
  private final HikariDataSource readers;
  private final TransactionGate gate = new TransactionGate(LONGEST_WRITE_WAIT);
  private final Json json = new Json();
  private final Clock clock;
  private final AtomicLong calls = new AtomicLong();

  private PostgresStore(HikariDataSource writers, HikariDataSource readers, Clock clock) {
    this.writers = writers;
    this.readers = readers;
    this.clock = clock;
  }

  /**
   * Connects to the database in {@code settings}, applying any pending migrations first (in the
   * URL's {@code currentSchema}, else {@code public}; the schema must exist).
   *
   * @param clock the source of every transaction's {@link Tx#now()}
   */
  public static PostgresStore open(PostgresSettings settings, Clock clock) {
    PGSimpleDataSource database = dataSource(settings);
    requireReachable(database, settings);
    Migrations.apply(database, PostgresDialect.INSTANCE);
    HikariDataSource writers =
        pool(
            "pomona-postgres-writer",
            database,
            settings,
            WRITERS,
            config -> {
              config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
              config.setConnectionInitSql(
                  "SET lock_timeout = "
                      + LONGEST_WRITE_WAIT.toMillis()
                      + "; SET idle_in_transaction_session_timeout = "
                      + LONGEST_IDLE_WRITE.toMillis());
            });
    try {
      HikariDataSource readers =
          pool(
              "pomona-postgres-reader",
              database,
              settings,
              READERS,
              config -> {
                config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
                config.setReadOnly(true);
              });
      return new PostgresStore(writers, readers, clock);
    } catch (RuntimeException e) {
      writers.close();
      throw e;
    }
  }

  @Override
  public <T> T transaction(Function<Tx, T> work) {
    return gate.write(() -> inTransaction(writers, true, work));
  }

  @Override
  public <T> T read(Function<Tx, T> work) {
    return gate.read(() -> inTransaction(readers, false, work));
  }

  /**
   * A new number on every call: callers' caches of keys and teams then never trust what they hold,
   * and read the database each time, as before the caches existed. That keeps the contract (a
   * commit anywhere always yields a different number) at no cost; a real change signal for
   * PostgreSQL (LISTEN/NOTIFY, or a commit counter row) is future work.
   */
  @Override
  public long dataVersion() {
    return calls.incrementAndGet();
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
  public void close() {
    try {
      readers.close();
    } finally {
      writers.close();
    }
  }

  private <T> T inTransaction(HikariDataSource pool, boolean write, Function<Tx, T> work) {
    try (Connection connection = pool.getConnection()) {
      Jdbc jdbc = new Jdbc(connection, PostgresDialect.INSTANCE);
      try {
        if (write) {
          lockWriteRow(jdbc);
        }
        T result =
            work.apply(
                new JdbcTx(
                    jdbc,
                    json,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    new QuerySql(jdbc, json)));
        commit(connection);
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

  /** Waits for the writers of every node sharing the database (see the class comment). */
  private static void lockWriteRow(Jdbc jdbc) {
    try {
      jdbc.one("SELECT id FROM write_lock WHERE id = 1 FOR UPDATE", row -> row.getInt(1))
          .orElseThrow(() -> new StoreException("the write_lock row is missing", null));
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException cause
          && PostgresDialect.LOCK_NOT_AVAILABLE.equals(cause.getSQLState())) {
        throw new StoreException(
            "waited "
                + LONGEST_WRITE_WAIT.toSeconds()
                + " s for the writes of other nodes to finish",
            e);
      }
      throw e;
    }
  }

  /**
   * Single statements on a reader in autocommit mode, one round trip: the hot path of
   * authentication.
   */
  private <T> T lookup(Function<AccountSql, T> query) {
    try (Connection connection = readers.getConnection()) {
      connection.setAutoCommit(true);
      Jdbc jdbc = new Jdbc(connection, PostgresDialect.INSTANCE);
      try {
        return query.apply(new AccountSql(jdbc, json));
      } finally {
        jdbc.close();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot get a database connection", e);
    }
  }

  private static void commit(Connection connection) {
    try {
      connection.commit();
    } catch (SQLException e) {
      throw new StoreException("cannot commit", e);
    }
  }

  private static void rollback(HikariDataSource pool, Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection may be broken; do not hand it to the next caller.
      failure.addSuppressed(e);
      pool.evictConnection(connection);
    }
  }

  /**
   * Fails with the driver's reason (refused, unknown host, wrong password, no such database) and
   * the URL without its password, before Flyway or the pools wrap it in messages of their own.
   */
  private static void requireReachable(PGSimpleDataSource database, PostgresSettings settings) {
    try (Connection connection = database.getConnection()) {
      connection.isValid(0);
    } catch (SQLException e) {
      throw new StoreException(
          "cannot connect to PostgreSQL " + settings.redactedUrl() + ": " + e.getMessage(), e);
    }
  }

  private static PGSimpleDataSource dataSource(PostgresSettings settings) {
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setURL(settings.jdbcUrl());
    settings.user().ifPresent(database::setUser);
    settings.password().ifPresent(database::setPassword);
    database.setApplicationName("pomona");
    return database;
  }

  private static HikariDataSource pool(
      String name,
      PGSimpleDataSource database,
      PostgresSettings settings,
      int size,
      Consumer<HikariConfig> configure) {
    return Pools.open(
        name,
        database,
        settings.redactedUrl(),
        size,
        config -> {
          config.setAutoCommit(false);
          configure.accept(config);
        });
  }

}
