package io.pomona.store;

/**
 * A relationship as the store keys its edges: one canonical key for both directions, and the types
 * at either end (the store needs them to drop a deleted resource's edges without mixing up two
 * types whose ids happen to be equal).
 *
 * @param key the caller's canonical key, e.g. {@code apps.builds}; the same key must always come
 *     with the same types
 * @param fromType the type of the resources edges start from, e.g. {@code apps}
 * @param toType the type of the resources edges point to, e.g. {@code builds}
 */
public record Relation(String key, String fromType, String toType) {}
