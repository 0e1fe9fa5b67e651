package io.pomona.store.sqlite;

import io.pomona.store.Anchor;
import io.pomona.store.IndexSpec;
import io.pomona.store.Keyset;
import io.pomona.store.ResourcePage;
import io.pomona.store.ResourceQuery;
import io.pomona.store.SortKey;
import io.pomona.store.StoredResource;
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
import java.util.function.LongSupplier;

/**
 * Runs a {@link ResourceQuery}: one statement for the page (two when it continues across the
 * boundary between null and non-null values of the first sort key) and one {@code count(*)}.
 *
 * <p>Order and keyset. The order is the sort keys' {@link JsonAttribute#value() values}, then the
 * tiebreak ({@code seq}, or the anchor edge's {@code position}) in the direction of the last key;
 * SQLite puts NULL below every value, so NULL comes first ascending and last descending. "After
 * (v1..vn, t)" is the lexicographic comparison written out, plus a plain range on the first key
 * ({@code k1 >= v1} or {@code k1 <= v1}) that lets SQLite seek in the partial index of (type, k1)
 * instead of walking it from the start. A range never includes NULL, so when the rows still to come
 * include NULLs of k1 (descending with v1 non-null, or ascending with v1 null) they are read by a
 * second statement, {@code k1 IS NULL}, which is an equality seek in the same index.
 *
 * <p>Totals of read transactions are remembered while the data is unchanged ({@link Totals}).
 *
 * <p>Cost, with the indexes of {@link IndexSql} on the filtered and sorted attributes. The count
 * comes first and reads every match, from an index alone for the common filters (O(matches); the
 * engine may cache it per cursor). Knowing it, the page takes one of two {@link Plan}s: many
 * matches for the type's size, walk the order's index from the keyset position and filter (about
 * page size × type / matches rows, a seek plus the page when nothing is filtered or the filter is
 * on the sorted attribute); few, read them by the conditions' index or edges and sort them. Either way
 * no page walks the whole type, except for conditions no index serves (contains, edge existence)
 * on their own.
 */
final class QuerySql implements ResourceQueries {
  /** Where the tiebreak follows {@link ResourceSql#COLUMNS}; the sort keys come after it. */
  private static final int TIEBREAK_COLUMN = 9;

  private final Jdbc jdbc;
  private final ResourceSql resources;
  private final IndexSql indexes;
  private final IndexChoice indexChoice;
  private final Optional<Totals.InTransaction> totals;

  QuerySql(Jdbc jdbc, Json json) {
    this(jdbc, json, Optional.empty());
  }

  /** With {@code totals}, counts of unchanged data are remembered (read transactions only). */
  QuerySql(Jdbc jdbc, Json json, Optional<Totals.InTransaction> totals) {
    this.jdbc = jdbc;
    this.resources = new ResourceSql(jdbc, json);
    this.indexes = new IndexSql(jdbc);
    this.indexChoice = new IndexChoice(indexes);
    this.totals = totals;
  }

  @Override
  public ResourcePage query(ResourceQuery query) {
    if (Plan.dependsOnTotal(query)) {
      long total = count(query);
      Slice slice = page(query, Plan.choose(query, total, () -> resources.count(query.resourceTeam(), query.type())));
      return new ResourcePage(slice.items(), total, slice.next());
    }
    Slice slice = page(query, Plan.FOLLOW_ORDER);
    // A first page that is also the last holds every match (same transaction, same snapshot): its
    // size is the total, and the count statement is not needed. Most lists of a team are short.
    boolean wholeList = query.after().isEmpty() && slice.next().isEmpty();
    long total = wholeList ? slice.items().size() : count(query);
    return new ResourcePage(slice.items(), total, slice.next());
  }

  @Override
  public void ensureIndexes(Collection<IndexSpec> specs) {
    indexes.ensure(specs);
  }

  /**
   * How SQLite should read a page. It plans without statistics, and with a LIMIT it prefers an
   * index that yields rows already in order, filtering as it goes; when the filter matches few rows
   * of a large type, that walk reads most of the type to fill a page. The total, counted first,
   * says which case holds.
   */
  enum Plan {
    /** Walk the order's index (or seq), filtering: rows read ≈ page size × type size / matches. */
    FOLLOW_ORDER,
    /**
     * Find the matches through the conditions' indexes and edges, then sort them: rows read ≈
     * matches. The order's terms are written {@code +expr}, a no-op on the value that hides them
     * from the planner's index matching.
     */
    SORT_MATCHES;

    /**
     * Up to this many matches, sorting them all takes about a millisecond; beyond, a walk of the
     * order reads at most page size × type / this rows.
     */
    static final long SORT_MATCHES_UP_TO = 2_000;

    /**
     * Sorting reads every match; the walk reads about page size × type / matches rows. So a
     * query sorts when matches² < page size × type, and never beyond {@link #SORT_MATCHES_UP_TO}:
     * 700 VALID builds among 1,000 are read from the order's index in ~70 rows, where sorting them
     * cost 3 ms a page. An anchored query's walk is over the anchor's edges, which are not counted
     * here: the bound alone decides.
     *
     * @param typeSize the number of resources of the query's type in its team (read only if needed)
     */
    static Plan choose(ResourceQuery query, long total, LongSupplier typeSize) {
      if (!dependsOnTotal(query) || total > SORT_MATCHES_UP_TO) {
        return FOLLOW_ORDER;
      }
      if (query.anchor().isPresent()) {
        return SORT_MATCHES;
      }
      return total * total < (long) query.limit() * typeSize.getAsLong() ? SORT_MATCHES : FOLLOW_ORDER;
    }

    /** Only a narrowed query (conditions, or an anchor not read in edge order) may sort its matches. */
    static boolean dependsOnTotal(ResourceQuery query) {
      return !query.conditions().isEmpty()
          || (query.anchor().isPresent() && !query.orderedByEdgePosition());
    }
  }

  /** One page of items without the total. */
  Slice page(ResourceQuery query, Plan plan) {
    Ordering ordering = Ordering.of(query, plan);
    Optional<String> index = index(query, plan);
    int keyCount = ordering.keys().size();
    List<Row> rows = new ArrayList<>();
    int wanted = query.limit() + 1; // one more than a page tells whether another follows
    for (Segment segment : segments(query, ordering)) {
      Sql sql = statement(query, ordering, segment, index, wanted - rows.size());
      rows.addAll(jdbc.list(sql.text(), row -> row(row, query, keyCount), sql.parameters()));
      if (rows.size() >= wanted) {
        break;
      }
    }
    boolean more = rows.size() > query.limit();
    List<Row> items = more ? rows.subList(0, query.limit()) : rows;
    Optional<Keyset> next =
        more ? Optional.of(items.get(items.size() - 1).position()) : Optional.empty();
    return new Slice(items.stream().map(Row::resource).toList(), next);
  }

  /** The statements {@link #page} may run, each with the largest limit: for query plan tests. */
  List<Sql> pageStatements(ResourceQuery query, Plan plan) {
    Ordering ordering = Ordering.of(query, plan);
    Optional<String> index = index(query, plan);
    return segments(query, ordering).stream()
        .map(segment -> statement(query, ordering, segment, index, query.limit() + 1))
        .toList();
  }

  /** How many resources match, whatever the page. O(matches). */
  long count(ResourceQuery query) {
    Sql sql = new Sql().add("SELECT count(*)").add(from(query, indexChoice.forMatches(query)));
    if (totals.isPresent()) {
      return totals.get().total(sql.text(), sql.parameters(), () -> jdbc.number(sql.text(), sql.parameters()));
    }
    return jdbc.number(sql.text(), sql.parameters());
  }

  private Optional<String> index(ResourceQuery query, Plan plan) {
    return plan == Plan.FOLLOW_ORDER ? indexChoice.forOrder(query) : indexChoice.forMatches(query);
  }

  private Sql statement(
      ResourceQuery query, Ordering ordering, Segment segment, Optional<String> index, int limit) {
    return new Sql()
        .add("SELECT " + ResourceSql.COLUMNS + ", " + ordering.tiebreak() + " AS tiebreak")
        .add(ordering.keyColumns())
        .add(from(query, index))
        .add(segment.predicate())
        .add(" ORDER BY " + ordering.orderBy(segment.orderedFrom()))
        .add(" LIMIT ?", limit);
  }

  /** FROM and WHERE: the team's rows of the type, the anchor and the conditions. */
  private Sql from(ResourceQuery query, Optional<String> indexedBy) {
    ConditionSql conditions = new ConditionSql(query);
    Sql sql = new Sql();
    if (query.orderedByEdgePosition()) {
      Anchor anchor = query.anchor().orElseThrow();
      // CROSS JOIN keeps the anchor's edges as the outer loop: they come in position order.
      sql.add(
              " FROM edges a CROSS JOIN resources r ON r.team_id = ? AND r.type = ",
              query.resourceTeam())
          .literal(query.type())
          .add(" AND r.id = a.to_id")
          .add(
              " WHERE a.team_id = ? AND a.rel = ? AND a.from_id = ?",
              query.teamId(),
              anchor.relation().key(),
              anchor.anchorId());
    } else {
      sql.add(" FROM resources r");
      indexedBy.ifPresent(index -> sql.add(" INDEXED BY " + index));
      sql.add(" WHERE r.team_id = ? AND r.type = ", query.resourceTeam()).literal(query.type());
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
  private static List<Segment> segments(ResourceQuery query, Ordering ordering) {
    if (query.after().isEmpty()) {
      return List.of(new Segment(new Sql(), 0));
    }
    Keyset after = query.after().get();
    List<Object> values = after.values().stream().map(SqlValues::bindable).toList();
    if (ordering.keys().isEmpty()) {
      return List.of(Segment.of(ordering.after(values, 0, after.tiebreak())));
    }
    Key first = ordering.keys().get(0);
    Object firstValue = values.get(0);
    if (firstValue == null) {
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
            .add(first.value() + (first.descending() ? " <= ?" : " >= ?"), firstValue)
            .add(" AND ")
            .add(ordering.after(values, 0, after.tiebreak()));
    Segment restOfValues = Segment.of(range);
    if (!first.descending()) {
      return List.of(restOfValues);
    }
    Segment allNulls = new Segment(and(new Sql().add(first.value() + " IS NULL")), 1);
    return List.of(restOfValues, allNulls);
  }

  private static Sql and(Sql predicate) {
    return new Sql().add(" AND ").add(predicate);
  }

  /**
   * A row of {@link #statement}: {@link ResourceSql#COLUMNS}, the tiebreak, then the sort keys,
   * read by position (see {@link io.pomona.store.jdbc.EdgeSql#edge}). Team and type are the ones
   * {@link #from} selects on: taken from the query rather than decoded again for every row.
   */
  private Row row(ResultSet row, ResourceQuery query, int keyCount) throws SQLException {
    StoredResource resource = resources.resource(row, query.resourceTeam(), query.type());
    List<Object> keyValues = new ArrayList<>(keyCount);
    for (int i = 0; i < keyCount; i++) {
      keyValues.add(SqlValues.readable(row.getObject(TIEBREAK_COLUMN + 1 + i)));
    }
    return new Row(resource, new Keyset(keyValues, row.getLong(TIEBREAK_COLUMN)));
  }

  /** A page without its total. */
  record Slice(List<StoredResource> items, Optional<Keyset> next) {}

  /** A fetched resource with its place in the order. */
  private record Row(StoredResource resource, Keyset position) {}

  /**
   * One statement of a page.
   *
   * @param predicate AND-ed to the query's conditions
   * @param orderedFrom the first sort key this statement must order by (1 when the first key is
   *     NULL throughout, so that the index order serves the rest)
   */
  private record Segment(Sql predicate, int orderedFrom) {
    static Segment of(Sql predicate) {
      return new Segment(and(predicate), 0);
    }
  }

  /** A sort key as SQL. */
  private record Key(String attribute, String value, boolean descending) {}

  /** The query's order as SQL expressions. */
  private record Ordering(List<Key> keys, String tiebreak, boolean tiebreakDescending) {
    static Ordering of(ResourceQuery query, Plan plan) {
      if (query.orderedByEdgePosition()) {
        return new Ordering(List.of(), "a.position", false);
      }
      String hidden = plan == Plan.SORT_MATCHES ? "+" : "";
      List<Key> keys = new ArrayList<>();
      for (SortKey key : query.sort()) {
        keys.add(
            new Key(
                key.attribute(),
                hidden + new JsonAttribute(ConditionSql.ROW, key.attribute()).value(),
                key.descending()));
      }
      boolean descending = !keys.isEmpty() && keys.get(keys.size() - 1).descending();
      return new Ordering(keys, hidden + "r.seq", descending);
    }

    /** ", k0 AS k0, k1 AS k1..." read back as the keyset of the page's last row. */
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
        terms.add(key.value() + (key.descending() ? " DESC" : ""));
      }
      terms.add(tiebreak + (tiebreakDescending ? " DESC" : ""));
      return String.join(", ", terms);
    }

    /**
     * Rows strictly after {@code (values[from..], tiebreak)} in the order of keys {@code from..}
     * and the tiebreak, NULL being below every value.
     */
    Sql after(List<Object> values, int from, long tiebreakValue) {
      if (from == keys.size()) {
        return new Sql().add(tiebreak + (tiebreakDescending ? " < ?" : " > ?"), tiebreakValue);
      }
      Key key = keys.get(from);
      Object value = values.get(from);
      Sql rest = after(values, from + 1, tiebreakValue);
      if (value == null) {
        Sql equalAndRest = new Sql().add("(" + key.value() + " IS NULL AND ").add(rest).add(")");
        // Descending, nothing comes after NULL but more NULLs.
        return key.descending()
            ? equalAndRest
            : new Sql().add("(" + key.value() + " IS NOT NULL OR ").add(equalAndRest).add(")");
      }
      String beyond =
          key.descending()
              ? "(" + key.value() + " < ? OR " + key.value() + " IS NULL)"
              : key.value() + " > ?";
      return new Sql()
          .add("(" + beyond + " OR (" + key.value() + " = ? AND ", value, value)
          .add(rest)
          .add("))");
    }
  }
}
