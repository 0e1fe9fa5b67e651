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
    // Checked by hand rather than by NAME's matcher: every query checks its type this way.
    if (!isSafe(name)) {
      throw new IllegalArgumentException(
          "a " + role + " name must match " + NAME.pattern() + ", was " + quoted(name));
    }
    return name;
  }

  /** Whether {@code name} matches {@link #NAME}. */
  private static boolean isSafe(String name) {
    if (name == null || name.isEmpty() || !isLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static String quoted(String name) {
    return name == null ? "null" : "'" + name + "'";
  }
}
