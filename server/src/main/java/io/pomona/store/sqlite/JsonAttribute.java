package io.pomona.store.sqlite;

import io.pomona.store.SafeName;

/**
 * A top-level attribute of the resources row aliased {@code alias}, as SQLite reads it from the
 * JSON text: {@code json_extract} gives a JSON string as TEXT, a number as INTEGER or REAL, true
 * and false as 1 and 0, and null or an absent member as NULL.
 *
 * <p>The text of {@link #value()} must stay exactly that of the expression indexes ({@link
 * #indexedValue}): SQLite matches an expression index by the expression's structure.
 */
record JsonAttribute(String alias, String attribute) {
  JsonAttribute {
    SafeName.require(alias, "alias");
    SafeName.require(attribute, "attribute");
  }

  /** The attribute's SQL value. */
  String value() {
    return "json_extract(" + alias + ".attributes, '$." + attribute + "')";
  }

  /**
   * The JSON type of the value: {@code text}, {@code integer}, {@code real}, {@code true}, {@code
   * false}, {@code null}, {@code array} or {@code object}; NULL if absent.
   */
  String jsonType() {
    return "json_type(" + alias + ".attributes, '$." + attribute + "')";
  }

  /** {@link #value()} as an index on the table itself states it. */
  static String indexedValue(String attribute) {
    return "json_extract(attributes, '$." + SafeName.require(attribute, "attribute") + "')";
  }
}
