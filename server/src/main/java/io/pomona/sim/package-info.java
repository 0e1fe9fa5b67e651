/**
 * The Apple side's control plane (style.md §2.1, moto's {@code moto-api}): the simulated clock,
 * the progression policies of simulated processes, the scheduler that fires their transitions,
 * and the operator's decisions. {@link io.pomona.sim.Simulation} is the one facade the operator
 * surface (admin API, CLI) calls.
 *
 * <p>The clock ({@link io.pomona.sim.SimClock}) is real time plus an offset, or frozen; its state
 * and run-time policies are kept in the store, so a restart keeps an advanced clock. Transitions
 * are rows in the store, due on the simulated clock; a background worker fires those that come
 * due, and a clock change fires everything due before it returns. Each fires exactly once: the
 * firing claims the pending row in the same write transaction that moves the resource's state.
 *
 * <p>Authentication does not use this clock: clients mint tokens with real time, so token
 * lifetimes and rate limits must stay on real time whatever the operator does to the simulated
 * one.
 *
 * <p>Depends on {@code io.pomona.engine} (the internal write path), {@code io.pomona.behaviour}
 * (processes, policies, the scheduler SPI), {@code io.pomona.store} and {@code io.pomona.error}.
 */
package io.pomona.sim;
