package io.pomona.store.sqlite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The totals of resource queries ({@code meta.paging.total}), remembered while the data is
 * unchanged. A total reads every match (70,000 index entries for the VALID builds among 100,000:
 * milliseconds), and every page of a list needs it again; unchanged data gives the same number.
 *
 * <p>Each total is labelled with the reader connection that counted it and that connection's
 * {@code PRAGMA data_version}, read inside the same read transaction: SQLite fixes a read
 * transaction's snapshot at its first statement, and the pragma's value moves exactly when a
 * connection's new snapshot differs from its previous one (another connection, or another
 * process, committed). So the label names the snapshot the count saw, and a transaction uses
 * only totals counted on the same connection at the same version: the same data. Values of
 * different connections are not comparable, hence one set of totals per connection (a handful).
 * The version is read only when a total is asked for, so a list that needs no count (its first
 * page is its last) costs no pragma. Write transactions count afresh: they may see their own
 * uncommitted rows.
 */
final class Totals {
  /** Distinct (connection, version, query) totals kept; a few bytes each. */
  private static final int MAX_ENTRIES = 10_000;

  private final Cache<Key, Long> remembered = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

  /**
   * The totals of one read transaction on {@code connection} (any object that stands for the
   * physical connection for its lifetime); {@code version} gives its data version within the
   * transaction, asked only when a total is (the store's supplier reads it once per transaction).
   */
  InTransaction in(Object connection, LongSupplier version) {
    return new InTransaction(connection, version);
  }

  /** Totals for one read transaction. */
  final class InTransaction {
    private final Object connection;
    private final LongSupplier version;

    private InTransaction(Object connection, LongSupplier version) {
      this.connection = connection;
      this.version = version;
    }

    long total(String sql, Object[] parameters, LongSupplier count) {
      Key key = new Key(connection, version.getAsLong(), sql, Arrays.asList(parameters.clone()));
      Long known = remembered.getIfPresent(key);
      if (known != null) {
        return known;
      }
      long counted = count.getAsLong();
      remembered.put(key, counted);
      return counted;
    }
  }

  /** {@code connection} compares by identity (its class does not override equals). */
  private record Key(Object connection, long version, String sql, List<Object> parameters) {}
}
