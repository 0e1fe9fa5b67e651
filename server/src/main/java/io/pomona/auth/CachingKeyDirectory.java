package io.pomona.auth;

import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A {@link KeyDirectory} that remembers what another one answered for as long as the data behind
 * it stays unchanged. Every lookup first reads the data version (for the SQLite store, {@code
 * PRAGMA data_version}: a few microseconds, against about 25 µs for reading a key and its team);
 * when it moved, everything remembered is dropped. So a key revoked anywhere — through the HTTP
 * API or by the CLI in another process — is refused from the very next request, while a server
 * that is only read from answers keys and teams from memory.
 *
 * <p>Remembered answers live in a generation labelled with the version read before they were
 * looked up. A lookup uses only the generation labelled with the version it just read, so an
 * answer read before a change can never serve a request that started after it, however threads
 * interleave. Absent keys are remembered too (a client retrying a deleted key), up to {@link
 * #MAX_ENTRIES} answers per generation, so made-up key ids cannot grow memory without bound.
 */
public final class CachingKeyDirectory implements KeyDirectory {
  /** Far above the keys and teams of any real installation; beyond it lookups go to the source. */
  static final int MAX_ENTRIES = 10_000;

  private final KeyDirectory source;
  private final LongSupplier dataVersion;
  private volatile Generation current;

  /**
   * @param source where keys and teams really are
   * @param dataVersion a number that changes whenever the data behind {@code source} may have
   *     changed; read on every lookup, so it must be cheap and thread-safe
   */
  public CachingKeyDirectory(KeyDirectory source, LongSupplier dataVersion) {
    this.source = Objects.requireNonNull(source, "source");
    this.dataVersion = Objects.requireNonNull(dataVersion, "dataVersion");
    this.current = new Generation(dataVersion.getAsLong());
  }

  @Override
  public Optional<ApiKey> key(String keyId) {
    return generation().key(keyId);
  }

  @Override
  public Optional<Team> team(String teamId) {
    return generation().team(teamId);
  }

  /**
   * The generation of the data version as it is now: one version read for all of a request's
   * lookups. A change committed after that read is seen by the next request, as with {@link
   * #key} alone.
   */
  @Override
  public KeyDirectory forOneRequest() {
    return generation();
  }

  private static <T> Optional<T> remembered(
      ConcurrentMap<String, Optional<T>> answers, String id, Function<String, Optional<T>> lookup) {
    Optional<T> known = answers.get(id);
    if (known != null) {
      return known;
    }
    Optional<T> found = lookup.apply(id);
    if (answers.size() < MAX_ENTRIES) {
      answers.putIfAbsent(id, found);
    }
    return found;
  }

  /** The generation for the data version as it is now, started afresh when the version moved. */
  private Generation generation() {
    long version = dataVersion.getAsLong();
    Generation generation = current;
    if (generation.version == version) {
      return generation;
    }
    synchronized (this) {
      generation = current;
      if (generation.version != version) {
        generation = new Generation(version);
        current = generation;
      }
      return generation;
    }
  }

  /** What was looked up while the data version stayed at {@code version}. */
  private final class Generation implements KeyDirectory {
    final long version;
    final ConcurrentMap<String, Optional<ApiKey>> keys = new ConcurrentHashMap<>();
    final ConcurrentMap<String, Optional<Team>> teams = new ConcurrentHashMap<>();

    Generation(long version) {
      this.version = version;
    }

    @Override
    public Optional<ApiKey> key(String keyId) {
      return remembered(keys, keyId, source::key);
    }

    @Override
    public Optional<Team> team(String teamId) {
      return remembered(teams, teamId, source::team);
    }
  }
}
