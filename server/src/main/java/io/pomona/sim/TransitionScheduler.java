package io.pomona.sim;

import io.pomona.behaviour.Policy;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.Scheduler;
import io.pomona.behaviour.Scheduling;
import io.pomona.behaviour.Step;
import io.pomona.store.NewTransition;
import io.pomona.store.Transition;
import io.pomona.store.Tx;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a started step into a stored transition per the process's current policy: due {@code
 * delay} after now on the simulated clock (automatic), or awaiting an operator's decision
 * (manual). The engine hands the scheduler of each write's transaction to behaviours.
 */
public final class TransitionScheduler implements Scheduling {
  private final Policies policies;

  public TransitionScheduler(Policies policies) {
    this.policies = policies;
  }

  @Override
  public Scheduler in(Tx tx, String teamId) {
    return new Scheduler() {
      @Override
      public Transition start(Process process, String resourceId, Step step) {
        Policy policy = policies.of(process.name());
        return tx.insertTransition(new NewTransition(teamId, process.name(), process.resourceType(), resourceId,
            step.from(), policy.isManual() ? Optional.empty() : Optional.of(step.to()),
            policy.isManual() ? Optional.empty() : Optional.of(tx.now().plus(policy.delay()))));
      }

      @Override
      public Transition startAt(Process process, String resourceId, Step step, java.time.Instant due) {
        Policy policy = policies.of(process.name());
        java.time.Instant at = due.isBefore(tx.now()) ? tx.now() : due;
        return tx.insertTransition(new NewTransition(teamId, process.name(), process.resourceType(), resourceId,
            step.from(), policy.isManual() ? Optional.empty() : Optional.of(step.to()),
            policy.isManual() ? Optional.empty() : Optional.of(at)));
      }

      @Override
      public int cancel(Process process, String resourceId, String reason) {
        int cancelled = 0;
        for (Transition pending : tx.pendingTransitionsOf(teamId, process.resourceType(), resourceId)) {
          if (pending.process().equals(process.name()) && tx.finishTransition(pending.id(),
              Transition.State.CANCELLED, Optional.empty(), Optional.empty(), Optional.of(reason))) {
            cancelled++;
          }
        }
        return cancelled;
      }
    };
  }
}
