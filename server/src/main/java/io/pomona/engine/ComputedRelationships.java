package io.pomona.engine;

import io.pomona.behaviour.Behaviours;
import io.pomona.behaviour.ComputedRelationship;
import io.pomona.behaviour.Origin;
import io.pomona.store.Tx;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the engine asks for the related ids of a relationship that behaviours compute ({@link
 * ComputedRelationship}) instead of storing edges: one place, used by the related endpoints and by
 * {@code include}.
 */
final class ComputedRelationships {
  private final Behaviours behaviours;
  private final Writer writer;

  ComputedRelationships(Behaviours behaviours, Writer writer) {
    this.behaviours = behaviours;
    this.writer = writer;
  }

  Optional<ComputedRelationship> of(String type, String relationship) {
    return behaviours.computed(type, relationship);
  }

  /** The related ids of one resource, read in {@code tx} as the caller's team. */
  List<String> relatedIds(Tx tx, String team, ComputedRelationship relationship, String id) {
    return List.copyOf(relationship.derivation().relatedIds(writer.session(tx, team, Origin.CLIENT, Map.of()), id));
  }
}
