package io.pomona.store;

import java.util.Objects;

/**
 * One edge with everything needed to write it again elsewhere: its relation (with the end types)
 * as well as its ends and position. Whole-team export and import use it; everyday reads use the
 * lighter {@link Edge}.
 *
 * @param relation the relation, with its canonical key and end types
 * @param fromId the resource the link starts from
 * @param toId the linked resource
 * @param position the link's place among {@code fromId}'s targets (see {@link Edge#position()})
 */
public record StoredEdge(Relation relation, String fromId, String toId, long position) {
  public StoredEdge {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(fromId, "fromId");
    Objects.requireNonNull(toId, "toId");
  }
}
