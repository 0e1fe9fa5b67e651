package io.pomona.store.postgres;

import io.pomona.store.Anchor;
import io.pomona.store.IndexSpec;
import io.pomona.store.Keyset;
import io.pomona.store.ResourcePage;
import io.pomona.store.ResourceQuery;
import io.pomona.store.SortKey;
import io.pomona.store.jdbc.Jdbc;
import io.pomona.store.jdbc.Json;
import io.pomona.store.jdbc.ResourceQueries;
import io.pomona.store.jdbc.ResourceSql;
import io.pomona.store.jdbc.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link ResourceQuery}: one {@code count(*)} and one statement for the page (two when it
 * continues across the boundary between null and non-null values of the first sort key).
 *
 * <p>Order and keyset. The order is the sort keys' jsonb {@link JsonAttribute#value() values},
 * {@code ASC NULLS FIRST} or {@code DESC NULLS LAST} (so NULL sorts below every value either way,
 * as in SQLite), then the tiebreak ({@code seq}, or the anchor edge's {@code position}) in the
 * direction of the last key. Between JSON types jsonb orders strings before numbers before
 * booleans; within one type, numbers by value, booleans false first, and strings by the database's
 * collation (bytewise in a database created with the C locale, as SQLite orders them).
 *
 * <p>"After (v1..vn, t)" is the lexicographic comparison written out, plus a plain range on the
 * first key ({@code k1 >= v1} or {@code k1 <= v1}) that lets PostgreSQL start the scan of the
 * attribute index of (type, k1) at the keyset instead of at its first entry. A range never
 * includes NULL, so when the rows still to come include NULLs of k1 (descending with v1
 * non-null, or ascending with v1 null) they are read by a second statement, {@code k1 IS NULL},
 * an equality seek in the same index.
 *
 * <p>Cost. Unlike SQLite, PostgreSQL plans with statistics (including those of the expression
 * indexes), so it chooses between walking the order's index while filtering and collecting the
 * matches through the conditions' indexes or edges, and no index hints are needed.
 */
final class QuerySql implements ResourceQueries {
  private final Jdbc jdbc;
  private final Json json;
  private final ResourceSql resources;
  private final IndexSql indexes;

  QuerySql(Jdbc jdbc, Json json) {
    this(jdbc, json, new ResourceSql(jdbc, json));
  }

  QuerySql(Jdbc jdbc, Json json, ResourceSql resources) {
    this.jdbc = jdbc;
    this.json = json;
    this.resources = resources;
    this.indexes = new IndexSql(jdbc);
  }

  @Override
  public ResourcePage query(ResourceQuery query) {
    long total = count(query);
    Ordering ordering = Ordering.of(query);
    int keyCount = ordering.keys().size();
    List<Row> rows = new ArrayList<>();
    int wanted = query.limit() + 1; // one more than a page tells whether another follows
    for (Segment segment : segments(query, ordering)) {
      Sql sql = statement(query, ordering, segment, wanted - rows.size());
      rows.addAll(jdbc.list(sql.text(), row -> row(row, keyCount), sql.parameters()));
      if (rows.size() >= wanted) {
        break;
      }
    }
    boolean more = rows.size() > query.limit();
    List<Row> items = more ? rows.subList(0, query.limit()) : rows;
    Optional<Keyset> next =
        more ? Optional.of(items.get(items.size() - 1).position()) : Optional.empty();
    return new ResourcePage(items.stream().map(Row::resource).toList(), total, next);
  }

  /** The statements a page may run, each with the largest limit: for query plan tests. */
  @Override
  public void ensureIndexes(Collection<IndexSpec> specs) {
    indexes.ensure(specs);
  }

  List<Sql> pageStatements(ResourceQuery query) {
    Ordering ordering = Ordering.of(query);
    return segments(query, ordering).stream()
        .map(segment -> statement(query, ordering, segment, query.limit() + 1))
        .toList();
  }

  /** How many resources match, whatever the page. O(matches). */
  long count(ResourceQuery query) {
    Sql sql = new Sql().add("SELECT count(*)").add(from(query));
    return jdbc.number(sql.text(), sql.parameters());
  }

  private Sql statement(ResourceQuery query, Ordering ordering, Segment segment, int limit) {
    return new Sql()
        .add("SELECT " + ResourceSql.COLUMNS + ", " + ordering.tiebreak() + " AS tiebreak")
        .add(ordering.keyColumns())
        .add(from(query))
        .add(segment.predicate())
        .add(" ORDER BY " + ordering.orderBy(segment.orderedFrom()))
        .add(" LIMIT ?", limit);
  }

  /** FROM and WHERE: the team's rows of the type, the anchor and the conditions. */
  private Sql from(ResourceQuery query) {
    ConditionSql conditions = new ConditionSql(query, json);
    Sql sql = new Sql();
    if (query.orderedByEdgePosition()) {
      Anchor anchor = query.anchor().orElseThrow();
      sql.add(
              " FROM edges a JOIN resources r ON r.team_id = ? AND r.type = ",
              query.resourceTeam())
          .literal(query.type())
          .add(" AND r.id = a.to_id")
          .add(
              " WHERE a.team_id = ? AND a.rel = ? AND a.from_id = ?",
              query.teamId(),
              anchor.relation().key(),
              anchor.anchorId());
    } else {
      sql.add(" FROM resources r WHERE r.team_id = ? AND r.type = ", query.resourceTeam())
          .literal(query.type());
      query
          .anchor()
          .ifPresent(
              anchor ->
                  sql.add(" AND ")
                      .add(
                          conditions.related(
                              anchor.relation(),
                              !anchor.anchorIsFrom(),
                              List.of(anchor.anchorId()))));
    }
    return sql.add(conditions.all(query.conditions()));
  }

  /** The statements that together read the rows after {@code query.after()}, in order. */
  private List<Segment> segments(ResourceQuery query, Ordering ordering) {
    if (query.after().isEmpty()) {
      return List.of(new Segment(new Sql(), 0));
    }
    Keyset after = query.after().get();
    List<Optional<String>> values =
        after.values().stream().map(value -> Optional.ofNullable(value).map(json::scalar)).toList();
    if (ordering.keys().isEmpty()) {
      return List.of(Segment.of(ordering.after(values, 0, after.tiebreak())));
    }
    Key first = ordering.keys().get(0);
    Optional<String> firstValue = values.get(0);
    if (firstValue.isEmpty()) {
      Sql moreNulls =
          new Sql()
              .add(first.value() + " IS NULL AND ")
              .add(ordering.after(values, 1, after.tiebreak()));
      Segment restOfNulls = new Segment(and(moreNulls), 1);
      Segment nonNulls = Segment.of(new Sql().add(first.value() + " IS NOT NULL"));
      return first.descending() ? List.of(restOfNulls) : List.of(restOfNulls, nonNulls);
    }
    Sql range =
        new Sql()
            .add(first.value() + (first.descending() ? " <= " : " >= ") + JSONB, firstValue.get())
            .add(" AND ")
            .add(ordering.after(values, 0, after.tiebreak()));
    Segment restOfValues = Segment.of(range);
    if (!first.descending()) {
      return List.of(restOfValues);
    }
    Segment allNulls = new Segment(and(new Sql().add(first.value() + " IS NULL")), 1);
    return List.of(restOfValues, allNulls);
  }

  private static final String JSONB = "CAST(? AS jsonb)";

  private static Sql and(Sql predicate) {
    return new Sql().add(" AND ").add(predicate);
  }

  private Row row(ResultSet row, int keyCount) throws SQLException {
    List<Object> keyValues = new ArrayList<>();
    for (int i = 0; i < keyCount; i++) {
      keyValues.add(json.readScalar(row.getString("k" + i)));
    }
    return new Row(resources.resource(row), new Keyset(keyValues, row.getLong("tiebreak")));
  }

  /** A fetched resource with its place in the order. */
  private record Row(io.pomona.store.StoredResource resource, Keyset position) {}

  /**
   * One statement of a page.
   *
   * @param predicate AND-ed to the query's conditions
   * @param orderedFrom the first sort key this statement must order by (1 when the first key is
   *     NULL throughout)
   */
  private record Segment(Sql predicate, int orderedFrom) {
    static Segment of(Sql predicate) {
      return new Segment(and(predicate), 0);
    }
  }

  /** A sort key as SQL. */
  private record Key(String value, boolean descending) {
    /** The ORDER BY term: NULL below every value in either direction. */
    String orderTerm() {
      return value + (descending ? " DESC NULLS LAST" : " ASC NULLS FIRST");
    }
  }

  /** The query's order as SQL expressions. */
  private record Ordering(List<Key> keys, String tiebreak, boolean tiebreakDescending) {
    static Ordering of(ResourceQuery query) {
      if (query.orderedByEdgePosition()) {
        return new Ordering(List.of(), "a.position", false);
      }
      List<Key> keys = new ArrayList<>();
      for (SortKey key : query.sort()) {
        keys.add(
            new Key(new JsonAttribute(ConditionSql.ROW, key.attribute()).value(), key.descending()));
      }
      boolean descending = !keys.isEmpty() && keys.get(keys.size() - 1).descending();
      return new Ordering(keys, "r.seq", descending);
    }

    /** ", k0 AS k0, ..." read back as the keyset of the page's last row (jsonb as text). */
    String keyColumns() {
      StringBuilder columns = new StringBuilder();
      for (int i = 0; i < keys.size(); i++) {
        columns.append(", ").append(keys.get(i).value()).append(" AS k").append(i);
      }
      return columns.toString();
    }

    String orderBy(int fromKey) {
      List<String> terms = new ArrayList<>();
      for (Key key : keys.subList(fromKey, keys.size())) {
        terms.add(key.orderTerm());
      }
      terms.add(tiebreak + (tiebreakDescending ? " DESC" : ""));
      return String.join(", ", terms);
    }

    /**
     * Rows strictly after {@code (values[from..], tiebreak)} in the order of keys {@code from..}
     * and the tiebreak, NULL being below every value.
     */
    Sql after(List<Optional<String>> values, int from, long tiebreakValue) {
      if (from == keys.size()) {
        return new Sql().add(tiebreak + (tiebreakDescending ? " < ?" : " > ?"), tiebreakValue);
      }
      Key key = keys.get(from);
      Optional<String> value = values.get(from);
      Sql rest = after(values, from + 1, tiebreakValue);
      if (value.isEmpty()) {
        Sql equalAndRest = new Sql().add("(" + key.value() + " IS NULL AND ").add(rest).add(")");
        // Descending, nothing comes after NULL but more NULLs.
        return key.descending()
            ? equalAndRest
            : new Sql().add("(" + key.value() + " IS NOT NULL OR ").add(equalAndRest).add(")");
      }
      String beyond =
          key.descending()
              ? "(" + key.value() + " < " + JSONB + " OR " + key.value() + " IS NULL)"
              : key.value() + " > " + JSONB;
      return new Sql()
          .add(
              "(" + beyond + " OR (" + key.value() + " = " + JSONB + " AND ",
              value.get(),
              value.get())
          .add(rest)
          .add("))");
    }
  }
}
