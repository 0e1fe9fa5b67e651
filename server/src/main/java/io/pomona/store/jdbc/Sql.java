package io.pomona.store.jdbc;

import io.pomona.store.SafeName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A statement under construction: SQL text made only of fixed keywords, aliases and {@link SafeName
 * safe names}, with every value kept aside as a bind parameter.
 */
public final class Sql {
  private final StringBuilder text = new StringBuilder();
  private final List<Object> parameters = new ArrayList<>();

  /** Appends fixed SQL text whose {@code ?}s take {@code values}, in order. */
  public Sql add(String fixedText, Object... values) {
    text.append(fixedText);
    parameters.addAll(List.of(values));
    return this;
  }

  /** Appends another fragment with its parameters. */
  public Sql add(Sql fragment) {
    text.append(fragment.text);
    parameters.addAll(fragment.parameters);
    return this;
  }

  /** Appends {@code ?, ?, ?}, one per value, binding the values (each must be non-empty). */
  public Sql placeholders(Collection<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    text.append(String.join(", ", Collections.nCopies(values.size(), "?")));
    parameters.addAll(values);
    return this;
  }

  /**
   * Appends {@code name} as a string literal, for the names the database must see in the text: a
   * partial or expression index is chosen when the statement is planned, so the type it is
   * restricted to cannot be a parameter.
   */
  public Sql literal(String name) {
    text.append('\'').append(SafeName.require(name, "type or attribute")).append('\'');
    return this;
  }

  public String text() {
    return text.toString();
  }

  public Object[] parameters() {
    return parameters.toArray();
  }

  @Override
  public String toString() {
    return text + " " + parameters;
  }
}
