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
   * Schedules a dated step ({@link Step#due}) to fall due at {@code due} (at once if that
   * has passed) instead of after the policy's delay; under a manual policy it awaits a decision
   * all the same. Also for a process without steps of its own whose behaviour starts
   * transitions at a date the resource names (a version's {@code earliestReleaseDate}).
   */
  Transition startAt(Process process, String resourceId, Step step, java.time.Instant due);

  /**
   * Cancels the pending transitions of {@code process} for resource {@code resourceId}, recording
   * {@code reason}; returns how many there were.
   */
  int cancel(Process process, String resourceId, String reason);
}
