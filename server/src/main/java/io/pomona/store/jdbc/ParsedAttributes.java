package io.pomona.store.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pomona.store.FrozenAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored attribute JSON, parsed once per distinct text: reading a resource parsed its attributes
 * with Jackson every time, a tenth of a GET and a large part of a list's store time (JFR,
 * bench/results.md), while most reads return rows that did not change since the last read.
 *
 * <p>Keyed by the stored text itself rather than by (resource, version): a hit is exact whatever
 * happened to the row (an update, a restored snapshot reusing the version, a deleted row's seq
 * reused), so nothing ever needs invalidating, and one cache can serve every store in the process.
 * The price is reading the text column and hashing it, far less than parsing it. Values are
 * shared between readers, so they are made unmodifiable all the way down.
 */
public final class ParsedAttributes {
  /** Bounded by stored characters (a build's attributes are ~1 KB): about 4 MB of keys, a few times that in maps. */
  private static final long MAX_CHARS = 4_000_000;
  /** Longer texts are parsed each time rather than pushing many small ones out. */
  private static final int MAX_CACHED_LENGTH = 64_000;

  private static final Cache<String, Map<String, Object>> CACHE = Caffeine.newBuilder()
      .maximumWeight(MAX_CHARS)
      .weigher((String text, Map<String, Object> parsed) -> text.length())
      // Upkeep on the reading thread, as for the token cache: no common-pool wake-up per read.
      .executor(Runnable::run)
      .build();

  private ParsedAttributes() {}

  public static Map<String, Object> read(Json json, String text) {
    if (text.length() > MAX_CACHED_LENGTH) {
      return json.readObject(text);
    }
    return CACHE.get(text, stored -> FrozenAttributes.copyOf(frozen(json.readObject(stored))));
  }

  @SuppressWarnings("unchecked")
  private static <T> T frozen(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, inner) -> copy.put((String) key, frozen(inner)));
      return (T) Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(inner -> copy.add(frozen(inner)));
      return (T) Collections.unmodifiableList(copy);
    }
    return value;
  }
}
