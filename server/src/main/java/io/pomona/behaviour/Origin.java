package io.pomona.behaviour;

/** Who made a write: behaviours may treat Apple's own moves differently from a client's. */
public enum Origin {
  /** A request to the App Store Connect API. */
  CLIENT,
  /** The internal API: the operator surface, demo data, import, tests. */
  OPERATOR,
  /** The simulated Apple side firing a transition. */
  SIMULATION
}
