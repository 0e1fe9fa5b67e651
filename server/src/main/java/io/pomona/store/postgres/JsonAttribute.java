package io.pomona.store.postgres;

import io.pomona.store.SafeName;

/**
 * A top-level attribute of the resources row aliased {@code alias}, as filters, sorts and the
 * attribute indexes read it: a member of {@code attribute_values}, the jsonb copy of the attributes
 * without null members. So its {@link #value()} is a jsonb string, number, boolean, array or object,
 * or SQL NULL when the attribute is absent or null; jsonb compares values of one JSON type by
 * value, and never finds a string equal to a number or a boolean.
 *
 * <p>The text of {@link #value()} must stay that of the index expression ({@link #indexedValue}):
 * PostgreSQL matches an expression index by the expression's structure.
 */
record JsonAttribute(String alias, String attribute) {
  JsonAttribute {
    SafeName.require(alias, "alias");
    SafeName.require(attribute, "attribute");
  }

  /** The attribute's jsonb value. */
  String value() {
    return "(" + alias + ".attribute_values -> '" + attribute + "')";
  }

  /** The attribute as text: a string's characters (other JSON types as their JSON text). */
  String text() {
    return "(" + alias + ".attribute_values ->> '" + attribute + "')";
  }

  /** {@link #value()} as an index on the table itself states it. */
  static String indexedValue(String attribute) {
    return "(attribute_values -> '" + SafeName.require(attribute, "attribute") + "')";
  }
}
