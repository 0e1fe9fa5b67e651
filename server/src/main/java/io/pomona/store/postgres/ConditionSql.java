package io.pomona.store.postgres;

import io.pomona.store.Condition;
import io.pomona.store.Relation;
import io.pomona.store.ResourceQuery;
import io.pomona.store.StoredResource;
import io.pomona.store.jdbc.Jdbc;
import io.pomona.store.jdbc.Json;
import io.pomona.store.jdbc.Sql;
import java.util.List;

/**
 * Turns a query's conditions into SQL on the resources row aliased {@code r}.
 *
 * <p>Attribute conditions compare {@link JsonAttribute#value()}, the jsonb expression the partial
 * indexes hold, with values bound as jsonb: a string matches only a string, a number only a number
 * (3 equals 3.0), a boolean only a boolean, and an array or object never equals a scalar, with no
 * type checks needed. Lists of values and ids go in as one array parameter ({@code = ANY(?)}),
 * which an index probes once per element.
 *
 * <p>Conditions on edges are semi-joins ({@code r.id IN (SELECT ... FROM edges ...)}), which the
 * planner runs from the edges' index or from the resources' side, whichever its statistics favour.
 */
final class ConditionSql {
  static final String ROW = "r";

  private final String edgeTeam;
  private final String resourceTeam;
  private final Json json;

  ConditionSql(ResourceQuery query, Json json) {
    this.edgeTeam = query.teamId();
    this.resourceTeam = query.resourceTeam();
    this.json = json;
  }

  /** All of {@code conditions}, AND-ed, each prefixed by {@code AND}. */
  Sql all(List<Condition> conditions) {
    Sql sql = new Sql();
    for (Condition condition : conditions) {
      sql.add(" AND ").add(one(condition));
    }
    return sql;
  }

  /** The resources related to {@code otherIds} through {@code relation}. */
  Sql related(Relation relation, boolean resourceIsFrom, List<String> otherIds) {
    if (otherIds.isEmpty()) {
      return nothing();
    }
    String resourceSide = resourceIsFrom ? "from_id" : "to_id";
    String otherSide = resourceIsFrom ? "to_id" : "from_id";
    return new Sql()
        .add(ROW + ".id IN (SELECT ce." + resourceSide + " FROM edges ce")
        .add(
            " WHERE ce.team_id = ? AND ce.rel = ? AND ce." + otherSide + " = ANY(?))",
            edgeTeam,
            relation.key(),
            Jdbc.Array.text(otherIds));
  }

  private Sql one(Condition condition) {
    return switch (condition) {
      case Condition.IdIn in -> ids(in.ids());
      case Condition.AttributeIn in -> equalsAny(new JsonAttribute(ROW, in.attribute()), in.values());
      case Condition.AttributeContains contains -> containsAny(contains);
      case Condition.AttributeExists exists -> present(exists);
      case Condition.Related related ->
          related(related.relation(), related.resourceIsFrom(), related.otherIds());
      case Condition.RelatedExists exists -> relatedExists(exists);
      case Condition.RelatedAttributeIn in -> relatedAttribute(in);
    };
  }

  private static Sql ids(List<String> ids) {
    if (ids.isEmpty()) {
      return nothing();
    }
    return new Sql().add(ROW + ".id = ANY(?)", Jdbc.Array.text(ids));
  }

  private static Sql containsAny(Condition.AttributeContains contains) {
    if (contains.substrings().isEmpty()) {
      return nothing();
    }
    JsonAttribute attribute = new JsonAttribute(ROW, contains.attribute());
    Sql sql = new Sql().add("(jsonb_typeof(" + attribute.value() + ") = 'string' AND (");
    String or = "";
    for (String substring : contains.substrings()) {
      // strpos, not LIKE: LIKE treats % and _ as wildcards (and ILIKE ignores case).
      sql.add(or + "strpos(" + attribute.text() + ", ?) > 0", substring);
      or = " OR ";
    }
    return sql.add("))");
  }

  private static Sql present(Condition.AttributeExists exists) {
    String value = new JsonAttribute(ROW, exists.attribute()).value();
    return new Sql().add(value + (exists.exists() ? " IS NOT NULL" : " IS NULL"));
  }

  private Sql relatedExists(Condition.RelatedExists exists) {
    String resourceSide = exists.resourceIsFrom() ? "from_id" : "to_id";
    return new Sql()
        .add(exists.exists() ? "EXISTS" : "NOT EXISTS")
        .add(
            " (SELECT 1 FROM edges ce WHERE ce.team_id = ? AND ce.rel = ?",
            edgeTeam,
            exists.relation().key())
        .add(" AND ce." + resourceSide + " = " + ROW + ".id)");
  }

  private Sql relatedAttribute(Condition.RelatedAttributeIn in) {
    if (in.values().isEmpty()) {
      return nothing();
    }
    String resourceSide = in.resourceIsFrom() ? "from_id" : "to_id";
    String otherSide = in.resourceIsFrom() ? "to_id" : "from_id";
    String otherTeam = in.otherGlobal() ? StoredResource.GLOBAL_TEAM : edgeTeam;
    return new Sql()
        .add(ROW + ".id IN (SELECT ce." + resourceSide + " FROM resources co JOIN edges ce")
        .add(
            " ON ce.team_id = ? AND ce.rel = ? AND ce." + otherSide + " = co.id",
            edgeTeam,
            in.relation().key())
        .add(" WHERE co.team_id = ? AND co.type = ", otherTeam)
        .literal(in.otherType())
        .add(" AND ")
        .add(equalsAny(new JsonAttribute("co", in.attribute()), in.values()))
        .add(")");
  }

  /** The attribute equals one of {@code values}, each compared as the jsonb it is. */
  private Sql equalsAny(JsonAttribute attribute, List<Object> values) {
    // NaN is no JSON value, so nothing stored equals it.
    List<String> jsonValues = values.stream().filter(v -> !isNaN(v)).map(json::scalar).toList();
    if (jsonValues.isEmpty()) {
      return nothing();
    }
    return new Sql().add(attribute.value() + " = ANY(?)", Jdbc.Array.jsonb(jsonValues));
  }

  private static boolean isNaN(Object value) {
    return (value instanceof Double d && d.isNaN()) || (value instanceof Float f && f.isNaN());
  }

  private static Sql nothing() {
    return new Sql().add("FALSE");
  }
}
