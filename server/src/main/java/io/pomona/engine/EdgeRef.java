package io.pomona.engine;

import io.pomona.store.Relation;

/**
 * A relationship of a type as the store keeps it: the canonical relation (one key for both
 * directions) and whether resources of this type sit at the edges' {@code from} end.
 */
public record EdgeRef(Relation relation, boolean typeIsFrom) {}
