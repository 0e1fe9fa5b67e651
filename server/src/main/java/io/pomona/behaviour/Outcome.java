package io.pomona.behaviour;

/** How a step of a process ends: as Apple would decide it. */
public enum Outcome {
  /** The step's usual target: processing succeeded, review approved. */
  APPROVE,
  /** The step's rejection target, when it has one (a review rejected, a build found invalid). */
  REJECT,
  /** The step's failure target, when it has one (processing failed). */
  FAIL
}
