package io.pomona.store;

/**
 * How many rows of a team's state an operation touched.
 *
 * @param resources resources (of every type)
 * @param edges relationship edges
 * @param events entries of the event log
 * @param transitions transitions of simulated processes, pending or ended
 */
public record TeamStateCount(long resources, long edges, long events, long transitions) {}
