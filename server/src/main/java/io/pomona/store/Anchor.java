package io.pomona.store;

import java.util.Objects;

/**
 * Restricts a {@link ResourceQuery} to the resources related to one resource: the data of a
 * related-collection GET such as {@code GET /v1/apps/{id}/builds}.
 *
 * @param relation the relationship's edge
 * @param anchorId the id of the resource at the other end
 * @param anchorIsFrom true if the anchor is the edges' from side (the apps of {@code apps.builds}:
 *     list an app's builds, in edge position order unless the query sorts); false if the listed
 *     resources are the from side (list the apps whose {@code apps.builds} contain a build)
 */
public record Anchor(Relation relation, String anchorId, boolean anchorIsFrom) {
  public Anchor {
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(anchorId, "anchorId");
  }

  /** The type of the resources this anchor lists. */
  public String listedType() {
    return anchorIsFrom ? relation.toType() : relation.fromType();
  }
}
