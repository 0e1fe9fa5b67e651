package io.pomona.store.postgres;

import io.pomona.store.SafeName;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement under construction: SQL text made only of fixed keywords, aliases and {@link SafeName
 * safe names}, with every value kept aside as a bind parameter.
 */
final class Sql {
  private final StringBuilder text = new StringBuilder();
  private final List<Object> parameters = new ArrayList<>();

  /** Appends fixed SQL text whose {@code ?}s take {@code values}, in order. */
  Sql add(String fixedText, Object... values) {
    text.append(fixedText);
    parameters.addAll(List.of(values));
    return this;
  }

  /** Appends another fragment with its parameters. */
  Sql add(Sql fragment) {
    text.append(fragment.text);
    parameters.addAll(fragment.parameters);
    return this;
  }

  /**
   * Appends {@code name} as a string literal: partial indexes are chosen at planning time, so the
   * type they are restricted to must be in the statement's text, not in a parameter.
   */
  Sql literal(String name) {
    text.append('\'').append(SafeName.require(name, "type or attribute")).append('\'');
    return this;
  }

  String text() {
    return text.toString();
  }

  Object[] parameters() {
    return parameters.toArray();
  }

  @Override
  public String toString() {
    return text + " " + parameters;
  }
}
