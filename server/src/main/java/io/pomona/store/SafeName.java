package io.pomona.store;

import java.util.regex.Pattern;

/**
 * The names a store may write into SQL text: resource types and attribute names. A store inlines
 * them as literals (SQLite uses a partial index only when the query repeats the index's {@code type
 * = 'builds'} textually), so they must never carry quotes, dots or spaces. They come from the
 * catalog's allow-list, never from a client; values always go in as bind parameters.
 */
public final class SafeName {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private SafeName() {}

  /**
   * Returns {@code name} if it is a letter followed by letters, digits and underscores.
   *
   * @param role what the name is, for the message ("type", "attribute")
   * @throws IllegalArgumentException otherwise: a caller bug, since names come from the catalog
   */
  public static String require(String name, String role) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a " + role + " name must match " + NAME.pattern() + ", was " + quoted(name));
    }
    return name;
  }

  private static String quoted(String name) {
    return name == null ? "null" : "'" + name + "'";
  }
}
