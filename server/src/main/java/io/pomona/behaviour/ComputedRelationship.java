package io.pomona.behaviour;

import java.util.List;
import java.util.Objects;

/**
 * A relationship whose related resources follow from a rule instead of stored edges: the
 * equalizations of a price point are the same tier's points in every other territory, some 365,000
 * pairs per app that nobody ever changes. The engine serves the relationship's endpoints (the
 * related list and its linkage, with filters, paging, {@code include} and {@code fields} as for a
 * stored one) and {@code include} of it by asking {@link #derivation} for the related ids; the
 * related resources themselves are ordinary stored rows of the target type.
 *
 * <p>Only reads: a computed relationship has no edges to write, and its inverse (if the catalog
 * names one) is not derived.
 *
 * @param resourceType the type owning the relationship (Apple's name, e.g. {@code appPricePoints})
 * @param relationship the relationship's name (e.g. {@code equalizations})
 * @param derivation the related ids of one resource
 */
public record ComputedRelationship(String resourceType, String relationship, Derivation derivation) {

  public ComputedRelationship {
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(relationship, "relationship");
    Objects.requireNonNull(derivation, "derivation");
  }

  /** Computes the related ids of one resource. */
  @FunctionalInterface
  public interface Derivation {
    /**
     * @param resources the caller's team, read-only use: a derivation must not write
     * @param id the owning resource's id (it exists in the caller's team)
     * @return the related ids, in the order the relationship lists them; ids without a stored
     *     resource are skipped by the engine
     */
    List<String> relatedIds(ResourceAccess resources, String id);
  }
}
