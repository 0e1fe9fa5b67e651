package io.pomona.store.sqlite;

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
import java.util.List;
import java.util.Optional;

/**
 * The SQL for a whole team's state at once (resources, edges, events, transitions): read it out
 * page by page, write it back exactly (seqs, ids, times, versions, edge positions), and clear it.
 * Operator work, not request work: reads scan the team's rows. Team events are read with {@link
 * EventSql}.
 */
final class TeamStateSql {
  private static final String RESOURCE_COLUMNS =
      "team_id, type, id, attributes, created_at, updated_at, version, seq";
  private static final String EDGE_COLUMNS = "rel, from_type, from_id, to_type, to_id, position";
  private static final String TRANSITION_COLUMNS =
      "id, team_id, process, resource_type, resource_id, from_state, to_state, due_at, state,"
          + " outcome, reason, created_at, finished_at";

  private final Jdbc jdbc;
  private final Json json;

  TeamStateSql(Jdbc jdbc, Json json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Page<StoredResource> resources(String teamId, Optional<Long> afterSeq, int limit) {
    ResourceSql.requirePositive(limit);
    List<StoredResource> rows =
        jdbc.list(
            "SELECT " + RESOURCE_COLUMNS + " FROM resources"
                + " WHERE team_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            this::resource,
            teamId,
            afterSeq.orElse(0L),
            limit + 1);
    long total =
        jdbc.number(
            "SELECT coalesce(sum(count), 0) FROM resource_counts WHERE team_id = ?", teamId);
    return page(rows, limit, total);
  }

  Page<StoredEdge> edges(String teamId, Optional<StoredEdge> after, int limit) {
    ResourceSql.requirePositive(limit);
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

  boolean restoreResources(List<StoredResource> resources) {
    if (resources.isEmpty()) {
      return true;
    }
    boolean keepSeqs = seqsAreFree(resources);
    List<Object[]> rows = new ArrayList<>();
    for (StoredResource resource : resources) {
      if (jdbc.number(
              "SELECT count(*) FROM resources WHERE team_id = ? AND type = ? AND id = ?",
              resource.teamId(),
              resource.type(),
              resource.id())
          > 0) {
        throw Errors.alreadyExists(resource.type(), resource.id());
      }
      rows.add(
          new Object[] {
            keepSeqs ? resource.seq() : null,
            resource.teamId(),
            resource.type(),
            resource.id(),
            json.writeObject(resource.attributes()),
            Millis.of(resource.createdAt()),
            Millis.of(resource.updatedAt()),
            resource.version()
          });
    }
    // A NULL seq makes SQLite pick the next one (AUTOINCREMENT), so fresh seqs follow the given
    // order; an explicit larger seq moves AUTOINCREMENT's high-water mark past it.
    jdbc.batch(
        "INSERT INTO resources (seq, team_id, type, id, attributes, created_at, updated_at,"
            + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return keepSeqs;
  }

  void restoreEdges(String teamId, List<StoredEdge> edges) {
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
            "UPDATE counters SET value = max(value, ?) WHERE name = 'edge_position'", largest);
    if (moved != 1) {
      throw new StoreException("the edge_position counter is missing", null);
    }
  }

  List<Transition> transitions(String teamId, Optional<Long> afterId, int limit) {
    ResourceSql.requirePositive(limit);
    return jdbc.list(
        "SELECT " + TRANSITION_COLUMNS + " FROM transitions WHERE team_id = ? AND id > ? ORDER BY id LIMIT ?",
        TeamStateSql::transition,
        teamId,
        afterId.orElse(0L),
        limit);
  }

  boolean restoreEvents(List<Event> events) {
    if (events.isEmpty()) {
      return true;
    }
    boolean keep = keysAreFree("events", "seq", events.stream().map(Event::seq).toList());
    List<Object[]> rows = new ArrayList<>();
    for (Event event : events) {
      rows.add(
          new Object[] {
            keep ? event.seq() : null,
            event.teamId(),
            Millis.of(event.at()),
            event.eventType(),
            event.resourceType(),
            event.resourceId(),
            event.oldState().orElse(null),
            event.newState().orElse(null),
            json.writeObject(event.payload())
          });
    }
    jdbc.batch(
        "INSERT INTO events (seq, team_id, at, event_type, resource_type, resource_id, old_state,"
            + " new_state, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return keep;
  }

  boolean restoreTransitions(List<Transition> transitions) {
    if (transitions.isEmpty()) {
      return true;
    }
    boolean keep = keysAreFree("transitions", "id", transitions.stream().map(Transition::id).toList());
    List<Object[]> rows = new ArrayList<>();
    for (Transition transition : transitions) {
      rows.add(
          new Object[] {
            keep ? transition.id() : null,
            transition.teamId(),
            transition.process(),
            transition.resourceType(),
            transition.resourceId(),
            transition.from(),
            transition.to().orElse(null),
            transition.dueAt().map(Millis::of).orElse(null),
            transition.state().name(),
            transition.outcome().orElse(null),
            transition.reason().orElse(null),
            Millis.of(transition.createdAt()),
            transition.finishedAt().map(Millis::of).orElse(null)
          });
    }
    jdbc.batch(
        "INSERT INTO transitions (id, team_id, process, resource_type, resource_id, from_state,"
            + " to_state, due_at, state, outcome, reason, created_at, finished_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
    return keep;
  }

  TeamStateCount clear(String teamId) {
    if (teamId.equals(StoredResource.GLOBAL_TEAM)) {
      throw new IllegalArgumentException("the global reference data is not a team's state");
    }
    long edges = jdbc.update("DELETE FROM edges WHERE team_id = ?", teamId);
    long resources = jdbc.update("DELETE FROM resources WHERE team_id = ?", teamId);
    long events = jdbc.update("DELETE FROM events WHERE team_id = ?", teamId);
    long transitions = jdbc.update("DELETE FROM transitions WHERE team_id = ?", teamId);
    return new TeamStateCount(resources, edges, events, transitions);
  }

  private boolean seqsAreFree(List<StoredResource> resources) {
    return keysAreFree("resources", "seq", resources.stream().map(StoredResource::seq).toList());
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
    for (List<Long> chunk : Chunks.of(distinct)) {
      Sql sql = new Sql().add("SELECT count(*) FROM " + table + " WHERE " + column + " IN (").placeholders(chunk)
          .add(")");
      if (jdbc.number(sql.text(), sql.parameters()) > 0) {
        return false;
      }
    }
    return true;
  }

  private static Transition transition(ResultSet row) throws SQLException {
    return new Transition(
        row.getLong("id"),
        row.getString("team_id"),
        row.getString("process"),
        row.getString("resource_type"),
        row.getString("resource_id"),
        row.getString("from_state"),
        Optional.ofNullable(row.getString("to_state")),
        Millis.readOptional(row, "due_at"),
        Transition.State.valueOf(row.getString("state")),
        Optional.ofNullable(row.getString("outcome")),
        Optional.ofNullable(row.getString("reason")),
        Millis.read(row, "created_at"),
        Millis.readOptional(row, "finished_at"));
  }

  private StoredResource resource(ResultSet row) throws SQLException {
    return new StoredResource(
        row.getString("team_id"),
        row.getString("type"),
        row.getString("id"),
        json.readObject(row.getString("attributes")),
        Millis.read(row, "created_at"),
        Millis.read(row, "updated_at"),
        row.getLong("version"),
        row.getLong("seq"));
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
