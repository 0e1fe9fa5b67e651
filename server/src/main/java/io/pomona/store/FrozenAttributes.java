package io.pomona.store;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Attributes that nobody can change, in their stored key order (null values allowed): what the
 * store hands out for parsed attribute JSON, shared between readers. {@link StoredResource} keeps
 * such a map as it is instead of copying it (a copy per row was a visible part of reading a page,
 * JFR), and because the same stored text yields the same instance, a reader may keep what it
 * derived from one with it ({@link #derive}) for as long as the instance lives.
 */
public final class FrozenAttributes extends AbstractMap<String, Object> {
  private final Map<String, Object> values;
  private final Set<Entry<String, Object>> entries;
  /**
   * Something a reader derived from these attributes alone (or from them and what it checks on
   * reading it back): the renderer keeps their encoded bytes here. One slot, replaced by whoever
   * derives last; never part of equality.
   */
  private volatile Object derived;

  private FrozenAttributes(Map<String, Object> values) {
    this.values = values;
    this.entries = Collections.unmodifiableMap(values).entrySet();
  }

  /** A frozen copy of {@code attributes}; values are taken as they are (freeze nested ones first). */
  public static FrozenAttributes copyOf(Map<String, ?> attributes) {
    return attributes instanceof FrozenAttributes frozen ? frozen : new FrozenAttributes(new LinkedHashMap<>(attributes));
  }

  /** What a reader last derived from these attributes, or null. */
  public Object derived() {
    return derived;
  }

  /** Keeps {@code value} with these attributes for later readers (see {@link #derived()}). */
  public void derive(Object value) {
    derived = value;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return entries;
  }

  @Override
  public Object get(Object key) {
    return values.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return values.containsKey(key);
  }

  @Override
  public int size() {
    return values.size();
  }
}
