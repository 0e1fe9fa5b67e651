package io.pomona.behaviour;

/** Which kind of write a {@link WriteContext} describes. */
public enum WriteKind {
  CREATE,
  /** Attributes, relationships or both changed. */
  UPDATE,
  DELETE
}
