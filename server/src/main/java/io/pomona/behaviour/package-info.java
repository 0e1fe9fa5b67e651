/**
 * The SPI that domain code uses to make the generic engine Apple-like (style.md §2.3).
 *
 * <p>A {@link io.pomona.behaviour.Behaviour} names its resource types and hooks into every write of
 * them: {@code validate} and {@code beforeWrite} before the row is written (attributes still
 * mutable), {@code afterWrite} after it and its relationships are written, in the same transaction.
 * The hooks receive a {@link io.pomona.behaviour.WriteContext}: the team, the resource, its previous
 * state, a {@link io.pomona.behaviour.ResourceAccess} over the current transaction, the simulated
 * clock, an {@link io.pomona.behaviour.EventRecorder} and a {@link io.pomona.behaviour.Scheduler}.
 *
 * <p>Simulated processes are data: a {@link io.pomona.behaviour.Process} (a state attribute, the
 * allowed moves, and the {@link io.pomona.behaviour.Step}s Apple takes) with a {@link
 * io.pomona.behaviour.Policy} (automatic after a delay, or manual: an operator decides). A behaviour
 * declares its processes; the engine follows them on every write ({@link
 * io.pomona.behaviour.Process#follow}), the simulation ({@code io.pomona.sim}) fires them.
 *
 * <p>The behaviours of a running Pomona are an explicit list ({@link
 * io.pomona.behaviour.Behaviours}) built in {@code io.pomona.app}; there is no classpath scanning.
 *
 * <p>Depends on {@code io.pomona.store}, {@code io.pomona.catalog}, {@code io.pomona.error} and
 * {@code io.pomona.account}; never on the engine, HTTP, JSON or SQL.
 */
package io.pomona.behaviour;
