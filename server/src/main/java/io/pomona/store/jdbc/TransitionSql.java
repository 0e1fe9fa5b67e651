package io.pomona.store.jdbc;

import io.pomona.store.NewTransition;
import io.pomona.store.Transition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SQL for scheduled transitions. "What is due" is a seek on the partial index of pending rows
 * by due time, so the worker's frequent polls cost the same however many transitions have fired.
 */
public final class TransitionSql {
  public static final String COLUMNS =
      "id, team_id, process, resource_type, resource_id, from_state, to_state, due_at, state,"
          + " outcome, reason, created_at, finished_at";
  private static final String PENDING = Transition.State.PENDING.name();

  private final Jdbc jdbc;

  public TransitionSql(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public Transition insert(NewTransition transition, Instant now) {
    long id =
        jdbc.one(
                "INSERT INTO transitions (team_id, process, resource_type, resource_id,"
                    + " from_state, to_state, due_at, state, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                row -> row.getLong(1),
                transition.teamId(),
                transition.process(),
                transition.resourceType(),
                transition.resourceId(),
                transition.from(),
                transition.to().orElse(null),
                transition.dueAt().orElse(null),
                PENDING,
                now)
            .orElseThrow();
    return find(id).orElseThrow();
  }

  public Optional<Transition> find(long id) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM transitions WHERE id = ?", this::transition, id);
  }

  public List<Transition> due(Instant at, int limit) {
    Limits.requirePositive(limit);
    return jdbc.list(
        "SELECT "
            + COLUMNS
            + " FROM transitions WHERE state = ? AND due_at IS NOT NULL AND due_at <= ?"
            + " ORDER BY due_at, id LIMIT ?",
        this::transition,
        PENDING,
        at,
        limit);
  }

  public Optional<Instant> nextDueAt() {
    return jdbc.one(
            "SELECT min(due_at) AS due FROM transitions WHERE state = ? AND due_at IS NOT NULL",
            row -> jdbc.optionalInstant(row, "due"),
            PENDING)
        .flatMap(due -> due);
  }

  public List<Transition> pendingDecisions(Optional<String> teamId) {
    if (teamId.isPresent()) {
      return jdbc.list(
          "SELECT "
              + COLUMNS
              + " FROM transitions WHERE state = ? AND due_at IS NULL AND team_id = ? ORDER BY id",
          this::transition,
          PENDING,
          teamId.get());
    }
    return jdbc.list(
        "SELECT " + COLUMNS + " FROM transitions WHERE state = ? AND due_at IS NULL ORDER BY id",
        this::transition,
        PENDING);
  }

  public List<Transition> pendingOfProcess(String process) {
    return jdbc.list(
        "SELECT " + COLUMNS + " FROM transitions WHERE state = ? AND process = ? ORDER BY id",
        this::transition,
        PENDING,
        process);
  }

  public List<Transition> pendingOfResource(String teamId, String resourceType, String resourceId) {
    return jdbc.list(
        "SELECT "
            + COLUMNS
            + " FROM transitions WHERE team_id = ? AND resource_type = ? AND resource_id = ?"
            + " AND state = ? ORDER BY id",
        this::transition,
        teamId,
        resourceType,
        resourceId,
        PENDING);
  }

  public List<Transition> latest(Optional<String> teamId, int limit) {
    Limits.requirePositive(limit);
    if (teamId.isPresent()) {
      return jdbc.list(
          "SELECT " + COLUMNS + " FROM transitions WHERE team_id = ? ORDER BY id DESC LIMIT ?",
          this::transition,
          teamId.get(),
          limit);
    }
    return jdbc.list(
        "SELECT " + COLUMNS + " FROM transitions ORDER BY id DESC LIMIT ?",
        this::transition,
        limit);
  }

  public boolean finish(
      long id,
      Transition.State state,
      Optional<String> to,
      Optional<String> outcome,
      Optional<String> reason,
      Instant now) {
    if (state == Transition.State.PENDING) {
      throw new IllegalArgumentException("a transition ends FIRED or CANCELLED, not PENDING");
    }
    return jdbc.update(
            "UPDATE transitions SET state = ?, to_state = coalesce(?, to_state), outcome = ?,"
                + " reason = ?, finished_at = ? WHERE id = ? AND state = ?",
            state.name(),
            to.orElse(null),
            outcome.orElse(null),
            reason.orElse(null),
            now,
            id,
            PENDING)
        == 1;
  }

  public boolean reschedule(long id, Optional<String> to, Optional<Instant> dueAt) {
    return jdbc.update(
            "UPDATE transitions SET to_state = ?, due_at = ? WHERE id = ? AND state = ?",
            to.orElse(null),
            dueAt.orElse(null),
            id,
            PENDING)
        == 1;
  }

  /** A row of {@link #COLUMNS}. */
  public Transition transition(ResultSet row) throws SQLException {
    return new Transition(
        row.getLong("id"),
        row.getString("team_id"),
        row.getString("process"),
        row.getString("resource_type"),
        row.getString("resource_id"),
        row.getString("from_state"),
        Optional.ofNullable(row.getString("to_state")),
        jdbc.optionalInstant(row, "due_at"),
        Transition.State.valueOf(row.getString("state")),
        Optional.ofNullable(row.getString("outcome")),
        Optional.ofNullable(row.getString("reason")),
        jdbc.instant(row, "created_at"),
        jdbc.optionalInstant(row, "finished_at"));
  }
}
