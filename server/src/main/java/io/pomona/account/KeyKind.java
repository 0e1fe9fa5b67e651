package io.pomona.account;

/** Team keys are made by an Admin and carry roles; individual keys carry their user's roles. */
public enum KeyKind {
  TEAM,
  INDIVIDUAL
}
