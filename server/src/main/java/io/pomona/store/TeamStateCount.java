package io.pomona.store;

/**
 * How many rows of a team's state an operation touched.
 *
 * @param resources resources (of every type)
 * @param edges relationship edges
 */
public record TeamStateCount(long resources, long edges) {}
