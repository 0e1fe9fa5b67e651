package io.pomona.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * One condition of a {@link ResourceQuery}; a query's conditions are AND-ed. The store knows no
 * attribute meanings: it compares the JSON values as stored.
 *
 * <p>Comparisons are typed: a String matches only a JSON string, a number only a JSON number (3 and
 * 3.0 are equal), a Boolean only a JSON boolean. Attributes are top-level members of {@link
 * StoredResource#attributes()}; an absent member and a JSON null are the same (no value).
 */
public sealed interface Condition {

  /** The resource's id is one of {@code ids} (none: nothing matches). */
  record IdIn(List<String> ids) implements Condition {
    public IdIn {
      ids = List.copyOf(ids);
    }
  }

  /**
   * The attribute equals one of {@code values} (OR-ed; none: nothing matches).
   *
   * @param values each a String, a number (Long, Integer, Double or BigDecimal) or a Boolean; never
   *     null (ask {@link AttributeExists} for that)
   */
  record AttributeIn(String attribute, List<Object> values) implements Condition {
    public AttributeIn {
      SafeName.require(attribute, "attribute");
      values = Condition.scalars(values);
    }
  }

  /**
   * The attribute is a string containing at least one of {@code substrings}, compared
   * case-sensitively, character by character (no collation, no wildcards).
   */
  record AttributeContains(String attribute, List<String> substrings) implements Condition {
    public AttributeContains {
      SafeName.require(attribute, "attribute");
      substrings = List.copyOf(substrings);
    }
  }

  /** The attribute has a non-null value ({@code exists}) or is null or absent ({@code !exists}). */
  record AttributeExists(String attribute, boolean exists) implements Condition {
    public AttributeExists {
      SafeName.require(attribute, "attribute");
    }
  }

  /**
   * The resource has an edge of {@code relation} to (or from) any of {@code otherIds}, in the
   * querying team (none: nothing matches). Whether the resource at the other end exists is not
   * checked: deleting a resource deletes its edges.
   *
   * @param resourceIsFrom true if the queried resources are the edges' from side ({@code
   *     filter[app]} on builds through {@code builds.app}), false if they are the to side ({@code
   *     filter[app]} on builds through {@code apps.builds})
   */
  record Related(Relation relation, boolean resourceIsFrom, List<String> otherIds)
      implements Condition {
    public Related {
      Objects.requireNonNull(relation, "relation");
      otherIds = List.copyOf(otherIds);
    }
  }

  /** The resource has at least one edge of {@code relation} ({@code exists}) or none. */
  record RelatedExists(Relation relation, boolean resourceIsFrom, boolean exists)
      implements Condition {
    public RelatedExists {
      Objects.requireNonNull(relation, "relation");
    }
  }

  /**
   * The resource has an edge of {@code relation} to a resource of {@code otherType} whose {@code
   * attribute} equals one of {@code values} (typed as in {@link AttributeIn}): a dotted filter such
   * as {@code filter[preReleaseVersion.version]}.
   *
   * @param otherGlobal true if the other resources are global reference data ({@link
   *     StoredResource#GLOBAL_TEAM}); the edges are still the querying team's
   */
  record RelatedAttributeIn(
      Relation relation,
      boolean resourceIsFrom,
      String otherType,
      boolean otherGlobal,
      String attribute,
      List<Object> values)
      implements Condition {
    public RelatedAttributeIn {
      Objects.requireNonNull(relation, "relation");
      SafeName.require(otherType, "type");
      SafeName.require(attribute, "attribute");
      String otherEnd = resourceIsFrom ? relation.toType() : relation.fromType();
      if (!otherType.equals(otherEnd)) {
        throw new IllegalArgumentException(
            "relation "
                + relation.key()
                + " does not lead to "
                + otherType
                + " but to "
                + otherEnd);
      }
      values = Condition.scalars(values);
    }
  }

  private static List<Object> scalars(List<Object> values) {
    for (Object value : values) {
      if (!(value instanceof String
          || value instanceof Boolean
          || value instanceof Long
          || value instanceof Integer
          || value instanceof Short
          || value instanceof Double
          || value instanceof Float
          || value instanceof BigDecimal
          || value instanceof BigInteger)) {
        throw new IllegalArgumentException(
            "a compared value must be a String, number or Boolean, was "
                + (value == null ? "null" : value.getClass().getName()));
      }
    }
    return List.copyOf(values);
  }
}
