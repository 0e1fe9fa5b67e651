package io.pomona.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A scheduled (or decided) step of a simulated process, as stored: the store keeps them so that
 * they survive a restart, and a {@link State#PENDING} → {@link State#FIRED} update that changes
 * exactly one row ({@link Tx#finishTransition}) is the claim that makes each fire once.
 *
 * @param id a store-wide number, never reused
 * @param teamId the team of the resource
 * @param process the process's name, e.g. {@code build-processing}
 * @param resourceType the type of the resource whose state moves
 * @param resourceId its id
 * @param from the state the resource must still be in when the transition fires
 * @param to the state it moves to; empty while it awaits an operator's decision
 * @param dueAt when it fires, on the simulated clock; empty while it awaits an operator's decision
 * @param state pending, fired or cancelled
 * @param outcome how it ended or was decided ({@code AUTO}, {@code APPROVE}, {@code REJECT}, {@code
 *     FAIL}, ...), empty while pending
 * @param reason the operator's reason, or why it was cancelled
 * @param createdAt when it was scheduled
 * @param finishedAt when it fired or was cancelled
 */
public record Transition(
    long id,
    String teamId,
    String process,
    String resourceType,
    String resourceId,
    String from,
    Optional<String> to,
    Optional<Instant> dueAt,
    State state,
    Optional<String> outcome,
    Optional<String> reason,
    Instant createdAt,
    Optional<Instant> finishedAt) {

  /** Where a transition is in its life. */
  public enum State {
    PENDING,
    FIRED,
    CANCELLED
  }

  public Transition {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /** True for a pending transition that fires only when an operator decides. */
  public boolean awaitsDecision() {
    return state == State.PENDING && dueAt.isEmpty();
  }
}
