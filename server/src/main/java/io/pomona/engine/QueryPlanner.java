package io.pomona.engine;

import io.pomona.catalog.Relationship;
import io.pomona.catalog.ResourceType;
import io.pomona.catalog.Shape;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.query.Query;
import io.pomona.store.Anchor;
import io.pomona.store.Condition;
import io.pomona.store.Keyset;
import io.pomona.store.ResourceQuery;
import io.pomona.store.SortKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a validated {@link Query} into a store query: each {@code filter[key]} becomes a
 * condition on an attribute, an id, a relationship or a related resource's attribute
 * ({@code filter[preReleaseVersion.version]}); {@code exists[key]} tests presence; sort keys
 * become store sort keys. Values are typed by the attribute's shape.
 */
final class QueryPlanner {
  /**
   * Filters Apple matches by substring, not equality (api-facts.md §4, observed:
   * {@code bundleIds filter[identifier]=com.a.b} also returns {@code com.a.b.c}).
   */
  static final Set<String> SUBSTRING_FILTERS = Set.of("bundleIds.identifier", "apps.bundleId");

  private final Model model;

  QueryPlanner(Model model) {
    this.model = model;
  }

  ResourceQuery plan(String teamId, String type, Optional<Anchor> anchor, Query query, int limit, Optional<Keyset> after) {
    List<Condition> conditions = new ArrayList<>();
    query.filters().forEach((key, values) -> conditions.add(filter(type, key, values)));
    query.exists().forEach((key, exists) -> conditions.add(exists(type, key, exists)));
    List<SortKey> sort = query.sort().stream().map(s -> sortKey(type, s)).toList();
    return new ResourceQuery(teamId, type, model.isGlobal(type), anchor, conditions, sort, after, limit);
  }

  private SortKey sortKey(String type, Query.Sort sort) {
    if (!model.type(type).attributes().containsKey(sort.field())) {
      throw Errors.parameterNotImplemented("sort", type);
    }
    return new SortKey(sort.field(), sort.descending());
  }

  /** The parts of a query that decide which items a page holds, for binding cursors. */
  static String fingerprint(String operationId, Optional<String> anchorId, Query query) {
    return io.pomona.engine.Cursor.fingerprint(
        operationId,
        anchorId.orElse(""),
        new TreeMap<>(query.filters()).toString(),
        new TreeMap<>(query.exists()).toString(),
        query.sort().toString());
  }

  private Condition filter(String type, String key, List<String> values) {
    ResourceType resourceType = model.type(type);
    if (key.equals("id")) {
      return new Condition.IdIn(values);
    }
    Shape attribute = resourceType.attributes().get(key);
    if (attribute != null) {
      if (SUBSTRING_FILTERS.contains(type + "." + key)) {
        return new Condition.AttributeContains(key, values);
      }
      return new Condition.AttributeIn(key, typed("filter[" + key + "]", attribute, values));
    }
    Relationship relationship = resourceType.relationships().get(key);
    if (relationship != null) {
      EdgeRef edge = model.edge(type, key);
      return new Condition.Related(edge.relation(), edge.typeIsFrom(), values);
    }
    int dot = key.indexOf('.');
    if (dot > 0) {
      String relationshipName = key.substring(0, dot);
      String otherAttribute = key.substring(dot + 1);
      Relationship via = resourceType.relationships().get(relationshipName);
      if (via != null) {
        Shape shape = model.type(via.target()).attributes().get(otherAttribute);
        if (shape != null) {
          EdgeRef edge = model.edge(type, relationshipName);
          return new Condition.RelatedAttributeIn(
              edge.relation(), edge.typeIsFrom(), via.target(), model.isGlobal(via.target()), otherAttribute,
              typed("filter[" + key + "]", shape, values));
        }
      }
    }
    throw Errors.parameterNotImplemented("filter[" + key + "]", type);
  }

  private Condition exists(String type, String key, boolean exists) {
    ResourceType resourceType = model.type(type);
    if (resourceType.attributes().containsKey(key)) {
      return new Condition.AttributeExists(key, exists);
    }
    if (resourceType.relationships().containsKey(key)) {
      EdgeRef edge = model.edge(type, key);
      return new Condition.RelatedExists(edge.relation(), edge.typeIsFrom(), exists);
    }
    throw Errors.parameterNotImplemented("exists[" + key + "]", type);
  }

  /** Filter values typed like the attribute, so that booleans and numbers match stored JSON. */
  private List<Object> typed(String parameter, Shape shape, List<String> values) {
    Shape resolved = model.catalog().resolve(shape);
    String valueType = resolved.type() == null ? "string" : resolved.type();
    if (valueType.equals("array") && resolved.items() != null) {
      valueType = model.catalog().resolve(resolved.items()).type();
    }
    List<Object> typed = new ArrayList<>(values.size());
    for (String value : values) {
      typed.add(switch (valueType == null ? "string" : valueType) {
        case "boolean" -> parseBoolean(parameter, value);
        case "integer" -> parseInteger(parameter, value);
        case "number" -> parseNumber(parameter, value);
        default -> value;
      });
    }
    return typed;
  }

  private static Boolean parseBoolean(String parameter, String value) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    throw new ApiException(Errors.invalidParameter(parameter, "'" + value + "' is not a valid value for " + parameter + "; use true or false."));
  }

  private static Long parseInteger(String parameter, String value) {
    try {
      return Long.valueOf(value);
    } catch (NumberFormatException e) {
      throw new ApiException(Errors.invalidParameter(parameter, "'" + value + "' is not a whole number."));
    }
  }

  private static BigDecimal parseNumber(String parameter, String value) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new ApiException(Errors.invalidParameter(parameter, "'" + value + "' is not a number."));
    }
  }

}
