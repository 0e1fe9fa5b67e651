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
 * <p>Each total is labelled with the {@link DataVersion} read <em>before</em> the read transaction
 * that counted it began, so it counts at least every commit up to that version; a transaction
 * uses only totals labelled with the version read before it began. A commit anywhere moves the
 * version, and from then on no transaction finds the older totals (they age out of the bounded
 * cache). Write transactions count afresh: they may see their own uncommitted rows.
 */
final class Totals {
  /** Distinct (query, version) totals kept; a few bytes each. */
  private static final int MAX_ENTRIES = 10_000;

  private final Cache<Key, Long> remembered = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

  /** The totals a read transaction that began after reading {@code version} may use. */
  AtVersion at(long version) {
    return new AtVersion(version);
  }

  /** Totals for one read transaction. */
  final class AtVersion {
    private final long version;

    private AtVersion(long version) {
      this.version = version;
    }

    long total(String sql, Object[] parameters, LongSupplier count) {
      Key key = new Key(version, sql, Arrays.asList(parameters.clone()));
      Long known = remembered.getIfPresent(key);
      if (known != null) {
        return known;
      }
      long counted = count.getAsLong();
      remembered.put(key, counted);
      return counted;
    }
  }

  private record Key(long version, String sql, List<Object> parameters) {}
}
