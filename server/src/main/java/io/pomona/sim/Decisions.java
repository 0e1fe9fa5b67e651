package io.pomona.sim;

import io.pomona.store.Store;
import io.pomona.store.Transition;
import java.util.List;
import java.util.Optional;

/**
 * The operator acting as Apple: the transitions waiting for a decision (a process under a manual
 * policy), and deciding them. A timed transition may be decided too, before it comes due (fail a
 * build that is processing automatically).
 */
public final class Decisions {
  private final Store store;
  private final Firing firing;

  Decisions(Store store, Firing firing) {
    this.store = store;
    this.firing = firing;
  }

  /** Pending decisions, oldest first: of one team, or of every team when {@code teamId} is empty. */
  public List<Transition> pending(Optional<String> teamId) {
    return store.read(tx -> tx.pendingDecisions(teamId));
  }

  /**
   * Fires transition {@code transitionId} as decided, now. 404 if there is no such transition; 409
   * if it already ended or its step cannot end that way (e.g. FAIL where only APPROVE exists).
   * Returns the transition as it ended: {@code FIRED}, or {@code CANCELLED} (with the reason) if
   * its resource had meanwhile left the from-state.
   */
  public Transition decide(long transitionId, Decision decision) {
    return firing.decide(transitionId, decision);
  }
}
