package io.pomona.store.jdbc;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The SQL for named settings (the simulation's clock and run-time policies). */
public final class SettingSql {
  private final Jdbc jdbc;

  public SettingSql(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<String> get(String name) {
    return jdbc.one("SELECT value FROM settings WHERE name = ?", row -> row.getString(1), name);
  }

  public void put(String name, String value) {
    jdbc.update(
        "INSERT INTO settings (name, value) VALUES (?, ?)"
            + " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        name,
        value);
  }

  public void remove(String name) {
    jdbc.update("DELETE FROM settings WHERE name = ?", name);
  }

  public SortedMap<String, String> withPrefix(String prefix) {
    SortedMap<String, String> found = new TreeMap<>();
    // substr rather than LIKE: a prefix holding '%' or '_' is matched literally.
    jdbc.list(
            "SELECT name, value FROM settings WHERE substr(name, 1, ?) = ? ORDER BY name",
            row -> new String[] {row.getString(1), row.getString(2)},
            prefix.length(),
            prefix)
        .forEach(pair -> found.put(pair[0], pair[1]));
    return found;
  }
}
