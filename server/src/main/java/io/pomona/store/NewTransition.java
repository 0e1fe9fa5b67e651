package io.pomona.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A transition to schedule with {@link Tx#insertTransition}: pending, created {@link Tx#now()}.
 *
 * @param to the target state; empty (with {@code dueAt} empty) for one that awaits a decision
 * @param dueAt when it fires; empty for one that awaits a decision
 */
public record NewTransition(
    String teamId,
    String process,
    String resourceType,
    String resourceId,
    String from,
    Optional<String> to,
    Optional<Instant> dueAt) {

  public NewTransition {
    Objects.requireNonNull(teamId, "teamId");
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(dueAt, "dueAt");
    if (dueAt.isPresent() && to.isEmpty()) {
      throw new IllegalArgumentException("a timed transition needs its target state");
    }
  }
}
