package io.pomona.store.jdbc;

import io.pomona.store.Event;
import io.pomona.store.NewEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL for the event log: appended in order, read by team or across teams after a seq. */
public final class EventSql {
  private static final String COLUMNS =
      "seq, team_id, at, event_type, resource_type, resource_id, old_state, new_state, payload";

  private final Jdbc jdbc;
  private final Json json;

  public EventSql(Jdbc jdbc, Json json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public Event append(NewEvent event, Instant now) {
    long seq =
        jdbc.one(
                "INSERT INTO events (team_id, at, event_type, resource_type, resource_id,"
                    + " old_state, new_state, payload) VALUES (?, ?, ?, ?, ?, ?, ?, " + jdbc.dialect().jsonParameter() + ")"
                    + " RETURNING seq",
                row -> row.getLong(1),
                event.teamId(),
                now,
                event.eventType(),
                event.resourceType(),
                event.resourceId(),
                event.oldState().orElse(null),
                event.newState().orElse(null),
                json.writeObject(event.payload()))
            .orElseThrow();
    return new Event(
        seq,
        event.teamId(),
        now,
        event.eventType(),
        event.resourceType(),
        event.resourceId(),
        event.oldState(),
        event.newState(),
        event.payload());
  }

  public List<Event> ofTeam(String teamId, Optional<Long> afterSeq, int limit) {
    Limits.requirePositive(limit);
    return jdbc.list(
        "SELECT " + COLUMNS + " FROM events WHERE team_id = ? AND seq > ? ORDER BY seq LIMIT ?",
        this::event,
        teamId,
        afterSeq.orElse(0L),
        limit);
  }

  public List<Event> after(long seq, int limit) {
    Limits.requirePositive(limit);
    return jdbc.list(
        "SELECT " + COLUMNS + " FROM events WHERE seq > ? ORDER BY seq LIMIT ?",
        this::event,
        seq,
        limit);
  }

  public List<Event> latest(Optional<String> teamId, int limit) {
    Limits.requirePositive(limit);
    if (teamId.isPresent()) {
      return jdbc.list(
          "SELECT " + COLUMNS + " FROM events WHERE team_id = ? ORDER BY seq DESC LIMIT ?",
          this::event,
          teamId.get(),
          limit);
    }
    return jdbc.list(
        "SELECT " + COLUMNS + " FROM events ORDER BY seq DESC LIMIT ?", this::event, limit);
  }

  private Event event(ResultSet row) throws SQLException {
    return new Event(
        row.getLong("seq"),
        row.getString("team_id"),
        jdbc.instant(row, "at"),
        row.getString("event_type"),
        row.getString("resource_type"),
        row.getString("resource_id"),
        Optional.ofNullable(row.getString("old_state")),
        Optional.ofNullable(row.getString("new_state")),
        json.readObject(row.getString("payload")));
  }
}
