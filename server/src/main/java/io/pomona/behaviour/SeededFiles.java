package io.pomona.behaviour;

/**
 * How an operator write (demo data, imports of a team) hands a media asset its file: the bytes,
 * as a {@code byte[]} under {@link #BYTES_ATTRIBUTE} of the create, instead of a client's
 * reservation, parts and commit. The asset's behaviour stores them as an uploaded file and
 * processes them at once, with the same checks; the attribute itself is never stored.
 */
public final class SeededFiles {
  /** Not an Apple attribute name (Apple's are camelCase words without this prefix). */
  public static final String BYTES_ATTRIBUTE = "pomonaSeededBytes";

  private SeededFiles() {}
}
