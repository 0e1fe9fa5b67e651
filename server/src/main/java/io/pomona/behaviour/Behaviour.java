package io.pomona.behaviour;

import io.pomona.account.ApiKey;
import java.util.List;
import java.util.Set;

/**
 * Domain behaviour attached to resource types: rules, defaults and derived attributes, and the
 * simulated processes that move their states. A type without a behaviour still works generically.
 *
 * <p>Hooks run for every write of the named types, whoever makes it: a client request, the
 * internal API (operator, demo data, tests) or the simulation firing a transition ({@link
 * WriteContext#origin()} tells which). All hooks run inside the write's transaction; whatever
 * they throw rolls the whole write back, and an {@link io.pomona.error.ApiException} reaches the
 * client with its code. Nothing runs after commit: everything a behaviour does (writes, events,
 * scheduled transitions) lives in the store, so doing it in the transaction makes it atomic.
 *
 * <p>Implementations are small, stateless apart from their configuration, and never touch HTTP,
 * JSON or SQL.
 */
public interface Behaviour {

  /** The resource types (Apple's names, e.g. {@code builds}) whose writes this behaviour sees. */
  Set<String> resourceTypes();

  /**
   * The simulated processes this behaviour declares. The engine follows each on every write of its
   * resource type ({@link Process#follow}): it schedules the step whose from-state the resource
   * enters and records the process's state events.
   */
  default List<Process> processes() {
    return List.of();
  }

  /**
   * Types whose resources this behaviour derives in bulk from a rule (an app's price points: Apple's
   * price grid, thousands per app), not changes anyone made: their creates record no generic {@code
   * RESOURCE_CREATED} event, so that the event log and the webhooks reading it are not flooded.
   */
  default Set<String> derivedTypes() {
    return Set.of();
  }

  /**
   * Relationships of this behaviour's domain whose related resources a rule computes ({@link
   * ComputedRelationship}) instead of stored edges.
   */
  default List<ComputedRelationship> computedRelationships() {
    return List.of();
  }

  /**
   * The data behind the {@code getMetrics} operations this behaviour's domain owns: the engine
   * answers each {@code GET /v1/{type}/{id}/metrics/{metric}} from the source declared for it.
   */
  default List<MetricSource> metricSources() {
    return List.of();
  }

  /**
   * Checks that {@code key} may reach this behaviour's types at all, before any operation on them
   * (reads included) or on a relationship leading to them; throw an {@link
   * io.pomona.error.ApiException} (403) to refuse. For rules that depend on the kind of key, not on
   * the data (individual keys cannot use provisioning, api-facts.md §1).
   */
  default void authorize(ApiKey key) {}

  /** Checks the write; throw an {@link io.pomona.error.ApiException} to refuse it. */
  default void validate(WriteContext ctx) {}

  /** Sets defaults and derived attributes ({@link WriteContext#set}) before the row is written. */
  default void beforeWrite(WriteContext ctx) {}

  /**
   * After the row and its relationships are written, in the same transaction: touch related
   * resources, record events, schedule transitions. Attributes can no longer change here (write
   * the resource again through {@link WriteContext#resources()} if needed).
   */
  default void afterWrite(WriteContext ctx) {}
}
