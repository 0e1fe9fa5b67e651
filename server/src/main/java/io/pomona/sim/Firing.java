package io.pomona.sim;

import io.pomona.behaviour.Behaviours;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.Step;
import io.pomona.engine.Resources;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.Store;
import io.pomona.store.StoreException;
import io.pomona.store.StoredResource;
import io.pomona.store.Transition;
import io.pomona.store.Tx;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires one transition in one write transaction: claims the pending row, checks that the resource
 * is still in the transition's from-state (else cancels it: the resource moved on), and writes the
 * new state through the engine's internal write path, which runs the type's behaviours, follows
 * its processes (recording the state event, starting the next step) and records the events.
 */
final class Firing {
  /** The outcome recorded for a transition that fired on its own, on time. */
  static final String AUTOMATIC = "AUTO";

  private static final Logger log = LoggerFactory.getLogger(Firing.class);

  private final Store store;
  private final Resources resources;
  private final Behaviours behaviours;

  Firing(Store store, Resources resources, Behaviours behaviours) {
    this.store = store;
    this.resources = resources;
    this.behaviours = behaviours;
  }

  /**
   * Fires a timed transition that came due. Returns it as it ended (fired or cancelled), or empty
   * if it was no longer pending (another thread or node fired it first). A behaviour that refuses
   * the new state, or a bug, cancels the transition with the reason, rather than leaving it to be
   * retried for ever; a failing database is left to the caller to retry.
   */
  Optional<Transition> fireDue(Transition due) {
    try {
      return store.transaction(tx -> apply(tx, due.id(), Optional.empty()));
    } catch (ApiException refused) {
      String detail = refused.errors().get(0).detail().orElse(refused.errors().get(0).code());
      log.warn("transition {} ({} {} {}) was refused and is cancelled: {}", due.id(), due.process(),
          due.resourceType(), due.resourceId(), detail);
      return store.transaction(tx -> cancel(tx, due.id(), "refused: " + detail));
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException bug) {
      log.error("transition {} ({} {} {}) failed and is cancelled", due.id(), due.process(), due.resourceType(),
          due.resourceId(), bug);
      return store.transaction(tx -> cancel(tx, due.id(), "failed: " + bug));
    }
  }

  /**
   * Fires a pending transition (timed or awaiting a decision) the way the operator decided: 404 if
   * there is none with this id, 409 if it is no longer pending or its step cannot end that way.
   * Returns it as it ended: fired, or cancelled because the resource moved on.
   */
  Transition decide(long id, Decision decision) {
    return store.transaction(tx -> apply(tx, id, Optional.of(decision)))
        .orElseThrow(() -> Errors.stateConflict("Transition " + id + " has already ended."));
  }

  private Optional<Transition> apply(Tx tx, long id, Optional<Decision> decision) {
    Transition transition = tx.findTransition(id)
        .orElseThrow(() -> Errors.notFound("transitions", String.valueOf(id)));
    if (transition.state() != Transition.State.PENDING) {
      return Optional.empty();
    }
    Optional<Process> declared = behaviours.process(transition.process());
    if (declared.isEmpty()) {
      return cancel(tx, id, "there is no process named '" + transition.process() + "' any more");
    }
    Process process = declared.get();
    String target = decision.isPresent() ? decidedTarget(process, transition, decision.get())
        : transition.to().orElseThrow(() -> new IllegalStateException("timed transition " + id + " has no target"));
    Optional<StoredResource> resource = tx.get(transition.teamId(), transition.resourceType(), transition.resourceId());
    if (resource.isEmpty()) {
      return cancel(tx, id, "the resource no longer exists");
    }
    Optional<String> state = process.stateIn(resource.get().attributes());
    if (!state.equals(Optional.of(transition.from()))) {
      return cancel(tx, id, "the resource is no longer " + transition.from() + " but "
          + state.orElse("without " + process.stateAttribute()));
    }
    String outcome = decision.map(d -> d.outcome().name()).orElse(AUTOMATIC);
    Optional<String> reason = decision.flatMap(Decision::reason);
    if (!tx.finishTransition(id, Transition.State.FIRED, Optional.of(target), Optional.of(outcome), reason)) {
      return Optional.empty();
    }
    Map<String, Object> cause = new LinkedHashMap<>();
    cause.put("transition", id);
    cause.put("outcome", outcome);
    reason.ifPresent(text -> cause.put("reason", text));
    decision.map(Decision::parts).filter(parts -> !parts.isEmpty()).ifPresent(parts -> cause.put("parts", parts));
    resources.access(tx, transition.teamId(), Origin.SIMULATION, cause)
        .update(transition.resourceType(), transition.resourceId(), Map.of(process.stateAttribute(), target));
    return tx.findTransition(id);
  }

  private static String decidedTarget(Process process, Transition transition, Decision decision) {
    Step step = process.stepFrom(transition.from())
        .orElseThrow(() -> Errors.stateConflict("Process '" + process.name() + "' has no step from "
            + transition.from() + "."));
    return step.target(decision.outcome())
        .orElseThrow(() -> Errors.stateConflict("The step " + transition.from() + " of process '" + process.name()
            + "' cannot end with " + decision.outcome() + "; it can end with "
            + Arrays.stream(io.pomona.behaviour.Outcome.values()).filter(o -> step.target(o).isPresent()).toList()
            + "."));
  }

  private static Optional<Transition> cancel(Tx tx, long id, String reason) {
    if (!tx.finishTransition(id, Transition.State.CANCELLED, Optional.empty(), Optional.empty(), Optional.of(reason))) {
      return Optional.empty();
    }
    return tx.findTransition(id);
  }
}
