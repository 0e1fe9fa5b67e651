package io.pomona.behaviour;

import io.pomona.store.Transition;

/**
 * Schedules and cancels the transitions of simulated processes, inside the current transaction
 * and for the current team. What a started step becomes depends on the process's policy at that
 * moment: a timed transition (automatic) or a pending operator decision (manual). Implemented by
 * the simulation ({@code io.pomona.sim}); behaviours get one from {@link WriteContext#scheduler()}.
 */
public interface Scheduler {

  /** Schedules {@code step} of {@code process} for resource {@code resourceId}. */
  Transition start(Process process, String resourceId, Step step);

  /**
   * Schedules the move {@code step} of {@code process} for resource {@code resourceId} at a time
   * the resource itself names (a version's {@code earliestReleaseDate}), whatever the process's
   * policy: the date is the developer's choice, not Apple's latency. The step need not be one of the
   * process's automatic steps, but its move must be allowed. Due at once if {@code due} is past.
   */
  Transition startAt(Process process, String resourceId, Step step, java.time.Instant due);

  /**
   * Cancels the pending transitions of {@code process} for resource {@code resourceId}, recording
   * {@code reason}; returns how many there were.
   */
  int cancel(Process process, String resourceId, String reason);
}
