package io.pomona.behaviour;

import io.pomona.store.Tx;

/**
 * Hands out the {@link Scheduler} of one transaction and team. The simulation implements it; the
 * engine asks it for each write that behaviours see.
 */
@FunctionalInterface
public interface Scheduling {

  Scheduler in(Tx tx, String teamId);

  /** For an engine without a simulation: any attempt to schedule is a wiring mistake. */
  static Scheduling unavailable() {
    return (tx, teamId) ->
        new Scheduler() {
          @Override
          public io.pomona.store.Transition start(Process process, String resourceId, Step step) {
            throw new IllegalStateException(
                "process " + process.name() + " needs a simulation, and none is wired");
          }

          @Override
          public io.pomona.store.Transition startAt(Process process, String resourceId, Step step,
              java.time.Instant due) {
            return start(process, resourceId, step);
          }

          @Override
          public int cancel(Process process, String resourceId, String reason) {
            return 0;
          }
        };
  }
}
