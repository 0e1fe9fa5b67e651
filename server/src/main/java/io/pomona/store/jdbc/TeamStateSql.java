package io.pomona.store.jdbc;

import io.pomona.error.Errors;
import io.pomona.store.Event;
import io.pomona.store.Page;
import io.pomona.store.Relation;
import io.pomona.store.StoreException;
import io.pomona.store.StoredEdge;
import io.pomona.store.StoredResource;
import io.pomona.store.TeamStateCount;
import io.pomona.store.Transition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL for a whole team's state at once (resources, edges, events, transitions): read it out
 * page by page, write it back exactly (seqs, ids, times, versions, edge positions), and clear it.
 * Operator work, not request work. Team events are read with {@link EventSql}, transitions and
 * resources with the row readers of their own SQL classes, so that every read of a row is alike.
 *
 * <p>A kept seq or id is written as the dialect writes a number into a generated column ({@link
 * Dialect#overridingIdentity}), and the number source is then moved past the largest one ({@link
 * Dialect#moveIdentityPast}), so that later inserts still number after them. Write transactions are
 * serialized, so no other writer takes a number in between.
 */
public final class TeamStateSql {
  private static final String EDGE_COLUMNS = "rel, from_type, from_id, to_type, to_id, position";

  private final Jdbc jdbc;
  private final Json json;
  private final Dialect dialect;
  private final ResourceSql resourceRows;
  private final TransitionSql transitionRows;

  public TeamStateSql(Jdbc jdbc, Json json) {
    this.jdbc = jdbc;
    this.json = json;
    this.dialect = jdbc.dialect();
    this.resourceRows = new ResourceSql(jdbc, json);
    this.transitionRows = new TransitionSql(jdbc);
  }

  public Page<StoredResource> resources(String teamId, Optional<Long> afterSeq, int limit) {
    Limits.requirePositive(limit);
    List<StoredResource> rows =
        jdbc.list(
            "SELECT " + ResourceSql.COLUMNS + " FROM resources r"
                + " WHERE r.team_id = ? AND r.seq > ? ORDER BY r.seq LIMIT ?",
            resourceRows::resource,
            teamId,
            afterSeq.orElse(0L),
            limit + 1);
    long total =
        jdbc.number(
            "SELECT coalesce(sum(count), 0) FROM resource_counts WHERE team_id = ?", teamId);
    return page(rows, limit, total);
  }

  /** In key order: the primary key (team_id, rel, from_id, to_id) serves both order and seek. */
  public Page<StoredEdge> edges(String teamId, Optional<StoredEdge> after, int limit) {
    Limits.requirePositive(limit);
    String select = "SELECT " + EDGE_COLUMNS + " FROM edges WHERE team_id = ?";
    String order = " ORDER BY rel, from_id, to_id LIMIT ?";
    List<StoredEdge> rows =
        after.isEmpty()
            ? jdbc.list(select + order, TeamStateSql::edge, teamId, limit + 1)
            : jdbc.list(
                select + " AND (rel, from_id, to_id) > (?, ?, ?)" + order,
                TeamStateSql::edge,
                teamId,
                after.get().relation().key(),
                after.get().fromId(),
                after.get().toId(),
                limit + 1);
    long total = jdbc.number("SELECT count(*) FROM edges WHERE team_id = ?", teamId);
    return page(rows, limit, total);
  }

  public boolean restoreResources(List<StoredResource> resources) {
    if (resources.isEmpty()) {
      return true;
    }
    requireNoneStored(resources);
    boolean keepSeqs = keysAreFree("resources", "seq", resources.stream().map(StoredResource::seq).toList());
    List<Object[]> rows = new ArrayList<>();
    for (StoredResource resource : resources) {
      List<Object> row = new ArrayList<>();
      if (keepSeqs) {
        row.add(resource.seq());
      }
      row.addAll(List.of(resource.teamId(), resource.type(), resource.id(), json.writeObject(resource.attributes()),
          resource.createdAt(), resource.updatedAt(), resource.version()));
      rows.add(row.toArray());
    }
    // Rows go in the order given, so fresh seqs follow that order.
    jdbc.batch(
        keepSeqs
            ? "INSERT INTO resources (seq, team_id, type, id, attributes, created_at, updated_at, version)"
                + dialect.overridingIdentity()
                + " VALUES (?, ?, ?, ?, " + dialect.jsonParameter() + ", ?, ?, ?)"
            : "INSERT INTO resources (team_id, type, id, attributes, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, " + dialect.jsonParameter() + ", ?, ?, ?)",
        rows);
    if (keepSeqs) {
      dialect.moveIdentityPast(jdbc, "resources", "seq", resources.stream().mapToLong(StoredResource::seq).max().orElseThrow());
    }
    return keepSeqs;
  }

  public void restoreEdges(String teamId, List<StoredEdge> edges) {
    if (edges.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    long largest = 0;
    for (StoredEdge edge : edges) {
      Relation relation = edge.relation();
      rows.add(
          new Object[] {
            teamId,
            relation.key(),
            relation.fromType(),
            edge.fromId(),
            relation.toType(),
            edge.toId(),
            edge.position()
          });
      largest = Math.max(largest, edge.position());
    }
    jdbc.batch(
        "INSERT INTO edges (team_id, rel, from_type, from_id, to_type, to_id, position)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        rows);
    int moved =
        jdbc.update(
            "UPDATE counters SET value = CASE WHEN value < ? THEN ? ELSE value END"
                + " WHERE name = 'edge_position'",
            largest,
            largest);
    if (moved != 1) {
      throw new StoreException("the edge_position counter is missing", null);
    }
  }

  public List<Transition> transitions(String teamId, Optional<Long> afterId, int limit) {
    Limits.requirePositive(limit);
    return jdbc.list(
        "SELECT " + TransitionSql.COLUMNS + " FROM transitions WHERE team_id = ? AND id > ? ORDER BY id LIMIT ?",
        transitionRows::transition,
        teamId,
        afterId.orElse(0L),
        limit);
  }

  public boolean restoreEvents(List<Event> events) {
    if (events.isEmpty()) {
      return true;
    }
    boolean keep = keysAreFree("events", "seq", events.stream().map(Event::seq).toList());
    List<Object[]> rows = new ArrayList<>();
    for (Event event : events) {
      List<Object> row = new ArrayList<>();
      if (keep) {
        row.add(event.seq());
      }
      row.addAll(Arrays.asList(
          event.teamId(),
          event.at(),
          event.eventType(),
          event.resourceType(),
          event.resourceId(),
          event.oldState().orElse(null),
          event.newState().orElse(null),
          json.writeObject(event.payload())));
      rows.add(row.toArray());
    }
    String columns = "team_id, at, event_type, resource_type, resource_id, old_state, new_state, payload";
    String values = "?, ?, ?, ?, ?, ?, ?, " + dialect.jsonParameter();
    jdbc.batch(
        keep
            ? "INSERT INTO events (seq, " + columns + ")" + dialect.overridingIdentity() + " VALUES (?, " + values + ")"
            : "INSERT INTO events (" + columns + ") VALUES (" + values + ")",
        rows);
    if (keep) {
      dialect.moveIdentityPast(jdbc, "events", "seq", events.stream().mapToLong(Event::seq).max().orElseThrow());
    }
    return keep;
  }

  public boolean restoreTransitions(List<Transition> transitions) {
    if (transitions.isEmpty()) {
      return true;
    }
    boolean keep = keysAreFree("transitions", "id", transitions.stream().map(Transition::id).toList());
    List<Object[]> rows = new ArrayList<>();
    for (Transition transition : transitions) {
      List<Object> row = new ArrayList<>();
      if (keep) {
        row.add(transition.id());
      }
      row.addAll(Arrays.asList(
          transition.teamId(),
          transition.process(),
          transition.resourceType(),
          transition.resourceId(),
          transition.from(),
          transition.to().orElse(null),
          transition.dueAt().orElse(null),
          transition.state().name(),
          transition.outcome().orElse(null),
          transition.reason().orElse(null),
          transition.createdAt(),
          transition.finishedAt().orElse(null)));
      rows.add(row.toArray());
    }
    String columns = "team_id, process, resource_type, resource_id, from_state, to_state, due_at, state,"
        + " outcome, reason, created_at, finished_at";
    String optionalTime = dialect.optionalTimeParameter();
    String values = "?, ?, ?, ?, ?, ?, " + optionalTime + ", ?, ?, ?, ?, " + optionalTime;
    jdbc.batch(
        keep
            ? "INSERT INTO transitions (id, " + columns + ")" + dialect.overridingIdentity() + " VALUES (?, " + values + ")"
            : "INSERT INTO transitions (" + columns + ") VALUES (" + values + ")",
        rows);
    if (keep) {
      dialect.moveIdentityPast(jdbc, "transitions", "id", transitions.stream().mapToLong(Transition::id).max().orElseThrow());
    }
    return keep;
  }

  public TeamStateCount clear(String teamId) {
    if (teamId.equals(StoredResource.GLOBAL_TEAM)) {
      throw new IllegalArgumentException("the global reference data is not a team's state");
    }
    long edges = jdbc.update("DELETE FROM edges WHERE team_id = ?", teamId);
    long resources = jdbc.update("DELETE FROM resources WHERE team_id = ?", teamId);
    long events = jdbc.update("DELETE FROM events WHERE team_id = ?", teamId);
    long transitions = jdbc.update("DELETE FROM transitions WHERE team_id = ?", teamId);
    return new TeamStateCount(resources, edges, events, transitions);
  }

  /**
   * 409 for the first given resource whose (team, type, id) is stored already: one lookup per
   * (team, type) (or as many as the dialect needs for the list of ids).
   */
  private void requireNoneStored(List<StoredResource> resources) {
    Map<List<String>, Set<String>> idsByTeamAndType = new LinkedHashMap<>();
    for (StoredResource resource : resources) {
      idsByTeamAndType
          .computeIfAbsent(List.of(resource.teamId(), resource.type()), key -> new LinkedHashSet<>())
          .add(resource.id());
    }
    Set<List<String>> taken = new HashSet<>();
    idsByTeamAndType.forEach(
        (teamAndType, ids) -> {
          for (Sql anyId : dialect.anyOf("id", List.copyOf(ids))) {
            Sql sql =
                new Sql()
                    .add("SELECT team_id, type, id FROM resources WHERE team_id = ? AND type = ? AND ",
                        teamAndType.get(0), teamAndType.get(1))
                    .add(anyId);
            taken.addAll(
                jdbc.list(
                    sql.text(),
                    row -> List.of(row.getString(1), row.getString(2), row.getString(3)),
                    sql.parameters()));
          }
        });
    for (StoredResource resource : resources) {
      if (taken.contains(List.of(resource.teamId(), resource.type(), resource.id()))) {
        throw Errors.alreadyExists(resource.type(), resource.id());
      }
    }
  }


  /**
   * Whether the given keys are distinct, positive and held by no row of {@code table}. Table and
   * column names are fixed by the callers above, never input.
   */
  private boolean keysAreFree(String table, String column, List<Long> keys) {
    List<Long> distinct = keys.stream().distinct().toList();
    if (distinct.size() != keys.size() || distinct.stream().anyMatch(key -> key < 1)) {
      return false;
    }
    for (Sql anyKey : dialect.anyOf(column, distinct)) {
      Sql sql = new Sql().add("SELECT count(*) FROM " + table + " WHERE ").add(anyKey);
      if (jdbc.number(sql.text(), sql.parameters()) > 0) {
        return false;
      }
    }
    return true;
  }

  private static StoredEdge edge(ResultSet row) throws SQLException {
    return new StoredEdge(
        new Relation(row.getString("rel"), row.getString("from_type"), row.getString("to_type")),
        row.getString("from_id"),
        row.getString("to_id"),
        row.getLong("position"));
  }

  private static <T> Page<T> page(List<T> rows, int limit, long total) {
    boolean hasMore = rows.size() > limit;
    return new Page<>(hasMore ? rows.subList(0, limit) : rows, total, hasMore);
  }
}
