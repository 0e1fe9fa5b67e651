package io.pomona.store.sqlite;

import io.pomona.store.Condition;
import io.pomona.store.Relation;
import io.pomona.store.ResourceQuery;
import io.pomona.store.StoredResource;
import io.pomona.store.jdbc.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a query's conditions into SQL on the resources row aliased {@code r}.
 *
 * <p>Conditions on ids and edges select {@code r.seq IN (subquery)}: the subquery reads just the
 * matching ids or edges (an index seek each) and yields their rows' seq, and SQLite walks that
 * sorted list to serve an insertion-order page without scanning the type. (Written as {@code r.id
 * IN (...)}, SQLite prefers to scan the type in seq order to avoid a sort.)
 *
 * <p>Attribute conditions compare {@link JsonAttribute#value()}, the expression the partial indexes
 * hold. SQLite never finds a TEXT value equal to a number, so a string matches only a string and a
 * number only a number, except where {@code json_extract}'s flattening could fool it: true and
 * false come out as 1 and 0, arrays and objects as JSON text. Only there a {@code json_type} check
 * is added.
 */
final class ConditionSql {
  static final String ROW = "r";

  private final String edgeTeam;
  private final String resourceTeam;
  private final String type;

  ConditionSql(ResourceQuery query) {
    this.edgeTeam = query.teamId();
    this.resourceTeam = query.resourceTeam();
    this.type = query.type();
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
        .add(ROW + ".seq IN (SELECT cx.seq FROM edges ce CROSS JOIN resources cx")
        .add(" ON cx.team_id = ? AND cx.type = ", resourceTeam)
        .literal(type)
        .add(" AND cx.id = ce." + resourceSide)
        .add(
            " WHERE ce.team_id = ? AND ce.rel = ? AND ce." + otherSide + " IN (",
            edgeTeam,
            relation.key())
        .placeholders(otherIds)
        .add("))");
  }

  private Sql one(Condition condition) {
    return switch (condition) {
      case Condition.IdIn in -> ids(in.ids());
      case Condition.AttributeIn in ->
          equalsAny(new JsonAttribute(ROW, in.attribute()), in.values());
      case Condition.AttributeContains contains -> containsAny(contains);
      case Condition.AttributeExists exists -> present(exists);
      case Condition.Related related ->
          related(related.relation(), related.resourceIsFrom(), related.otherIds());
      case Condition.RelatedExists exists -> relatedExists(exists);
      case Condition.RelatedAttributeIn in -> relatedAttribute(in);
    };
  }

  private Sql ids(List<String> ids) {
    if (ids.isEmpty()) {
      return nothing();
    }
    return new Sql()
        .add(
            ROW + ".seq IN (SELECT cx.seq FROM resources cx WHERE cx.team_id = ? AND cx.type = ",
            resourceTeam)
        .literal(type)
        .add(" AND cx.id IN (")
        .placeholders(ids)
        .add("))");
  }

  private static Sql containsAny(Condition.AttributeContains contains) {
    if (contains.substrings().isEmpty()) {
      return nothing();
    }
    JsonAttribute attribute = new JsonAttribute(ROW, contains.attribute());
    Sql sql = new Sql().add("(" + attribute.jsonType() + " = 'text' AND (");
    String or = "";
    for (String substring : contains.substrings()) {
      // instr, not LIKE: LIKE ignores ASCII case and treats % and _ as wildcards.
      sql.add(or + "instr(" + attribute.value() + ", ?) > 0", substring);
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
    // Led by the other resources, so that an index on their attribute finds them first.
    return new Sql()
        .add(
            ROW
                + ".seq IN (SELECT cx.seq FROM resources co CROSS JOIN edges ce"
                + " CROSS JOIN resources cx")
        .add(" ON cx.team_id = ? AND cx.type = ", resourceTeam)
        .literal(type)
        .add(" AND cx.id = ce." + resourceSide)
        .add(" WHERE co.team_id = ? AND co.type = ", otherTeam)
        .literal(in.otherType())
        .add(" AND ")
        .add(equalsAny(new JsonAttribute("co", in.attribute()), in.values()))
        .add(
            " AND ce.team_id = ? AND ce.rel = ? AND ce." + otherSide + " = co.id)",
            edgeTeam,
            in.relation().key());
  }

  /**
   * The attribute equals one of {@code values}, typed. The values of each JSON type form a group
   * checked with its own {@code json_type}; an outer IN over all values lets an index find the
   * candidates when several types are mixed.
   */
  static Sql equalsAny(JsonAttribute attribute, List<Object> values) {
    if (values.isEmpty()) {
      return nothing();
    }
    List<TypedGroup> groups = TypedGroup.of(values);
    if (groups.size() == 1) {
      return groups.get(0).sql(attribute);
    }
    Sql sql =
        new Sql()
            .add("(" + attribute.value() + " IN (")
            .placeholders(values.stream().map(SqlValues::bindable).toList())
            .add(") AND (");
    String or = "";
    for (TypedGroup group : groups) {
      sql.add(or).add(group.sql(attribute));
      or = " OR ";
    }
    return sql.add("))");
  }

  private static Sql nothing() {
    return new Sql().add("0");
  }

  /**
   * The values of one JSON type and the {@code json_type} names that type takes, if SQLite's
   * comparison alone could confuse them with another type.
   */
  private record TypedGroup(Optional<Set<String>> jsonTypes, List<Object> values) {
    static List<TypedGroup> of(List<Object> values) {
      List<Object> strings = new ArrayList<>();
      List<Object> numbers = new ArrayList<>();
      List<Object> booleans = new ArrayList<>();
      Set<String> booleanTypes = new TreeSet<>();
      for (Object value : values) {
        switch (value) {
          case String text -> strings.add(text);
          case Boolean flag -> {
            booleans.add(flag);
            booleanTypes.add(flag ? "true" : "false");
          }
          default -> numbers.add(value);
        }
      }
      List<TypedGroup> groups = new ArrayList<>();
      if (!strings.isEmpty()) {
        // json_extract gives an array or object as its JSON text, which starts with [ or {.
        boolean jsonLike =
            strings.stream()
                .map(String.class::cast)
                .anyMatch(s -> s.startsWith("[") || s.startsWith("{"));
        groups.add(
            new TypedGroup(jsonLike ? Optional.of(Set.of("text")) : Optional.empty(), strings));
      }
      if (!numbers.isEmpty()) {
        // json_extract gives true and false as 1 and 0.
        boolean booleanLike =
            numbers.stream()
                .map(SqlValues::bindable)
                .anyMatch(n -> ((Number) n).doubleValue() == 0 || ((Number) n).doubleValue() == 1);
        Set<String> numeric = new TreeSet<>(Set.of("integer", "real"));
        groups.add(new TypedGroup(booleanLike ? Optional.of(numeric) : Optional.empty(), numbers));
      }
      if (!booleans.isEmpty()) {
        groups.add(new TypedGroup(Optional.of(booleanTypes), booleans));
      }
      return groups;
    }

    /**
     * Without a type check the comparison reads only the indexed value, so that a count needs the
     * index alone.
     */
    Sql sql(JsonAttribute attribute) {
      Sql sql =
          new Sql()
              .add("(" + attribute.value() + " IN (")
              .placeholders(values.stream().map(SqlValues::bindable).toList())
              .add(")");
      jsonTypes.ifPresent(
          types ->
              sql.add(
                  " AND " + attribute.jsonType() + " IN ('" + String.join("', '", types) + "')"));
      return sql.add(")");
    }
  }
}
