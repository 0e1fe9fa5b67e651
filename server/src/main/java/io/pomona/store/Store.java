package io.pomona.store;

import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The database behind Pomona: everything durable goes through a store.
 *
 * <p>Work happens in transactions: {@link #transaction} for writes, {@link #read} for reads that
 * need one consistent view. The {@link Tx} handed to the work is valid only while the work runs.
 * Transactions do not nest: starting one inside another on the same thread is a programming error
 * and throws {@link IllegalStateException}.
 *
 * <p>Two lookups skip the transaction machinery because every authenticated request makes them:
 * {@link #findKey} and {@link #findTeam}. Each is one indexed read on a pooled connection.
 *
 * <p>Failures: an expected conflict or a missing row surfaces as an {@link
 * io.pomona.error.ApiException} carrying Apple's code; a failure of the database itself surfaces as
 * a {@link StoreException} (a server error, never the client's fault).
 */
public interface Store extends AutoCloseable {

  /**
   * Runs {@code work} in a read-write transaction, committed when {@code work} returns and rolled
   * back if it throws anything (the exception then propagates unchanged). Write transactions are
   * serialized; callers may wait for one another but never fail because another writer is busy.
   */
  <T> T transaction(Function<Tx, T> work);

  /** As {@link #transaction}, for work that returns nothing. */
  default void write(Consumer<Tx> work) {
    transaction(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  /**
   * Runs {@code work} in a read-only transaction: it sees one consistent snapshot, may run
   * concurrently with other reads and with a write, and any attempt to write fails with a {@link
   * StoreException}.
   */
  <T> T read(Function<Tx, T> work);

  /**
   * As {@link #read}, for work that runs at most one statement (reading one row): a single
   * statement sees one consistent snapshot by itself, so a store may skip the transaction around
   * it (SQLite: BEGIN and COMMIT were a measurable part of reading one resource). Work that runs a
   * second statement gets no snapshot shared with the first: use {@link #read} for that.
   */
  default <T> T readOneStatement(Function<Tx, T> work) {
    return read(work);
  }

  /** The API key with this key id (the JWT {@code kid}), revoked or not. */
  Optional<ApiKey> findKey(String keyId);

  /** The team with this id. */
  Optional<Team> findTeam(String teamId);

  /**
   * A number that differs from the one the previous call returned whenever a change was committed
   * to the data in between, by this process or by any other one on the same database (a CLI
   * revoking a key while the server runs). Equal numbers mean nothing was committed. It tells that
   * something changed, not what: callers use it to keep caches of {@link #findKey} and {@link
   * #findTeam} exact. Cheap (no transaction, no pooled connection) and thread-safe.
   */
  long dataVersion();

  /**
   * As {@link #dataVersion}, but a change committed by another process may show up to a
   * millisecond late; what this process committed shows at once. For checks made on every request
   * (the caches of keys and teams), where reading the exact version each time made requests wait
   * on one another: a revocation by a CLI in another process takes longer than that to be followed
   * by a request anyway.
   */
  default long recentDataVersion() {
    return dataVersion();
  }

  /** Releases connections and files. The store cannot be used afterwards. */
  @Override
  void close();
}
