package io.pomona.behaviour;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The behaviours of a running Pomona, in the order given (hooks run in that order), indexed by
 * resource type, and the processes they declare, indexed by name. Built once from an explicit list
 * in {@code io.pomona.app}.
 */
public final class Behaviours {
  private final List<Behaviour> all;
  private final Map<String, List<Behaviour>> byType = new HashMap<>();
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Map<String, List<Process>> processesByType = new HashMap<>();
  private final Set<String> derived = new java.util.HashSet<>();
  private final Map<String, MetricSource> metricSources = new HashMap<>();
  private final Map<String, ComputedRelationship> computed = new HashMap<>();

  public Behaviours(List<Behaviour> behaviours) {
    this.all = List.copyOf(behaviours);
    for (Behaviour behaviour : all) {
      for (String type : behaviour.resourceTypes()) {
        byType.computeIfAbsent(type, t -> new ArrayList<>()).add(behaviour);
      }
      derived.addAll(behaviour.derivedTypes());
      for (Process process : behaviour.processes()) {
        if (processes.putIfAbsent(process.name(), process) != null) {
          throw new IllegalArgumentException("two processes are named " + process.name());
        }
        processesByType.computeIfAbsent(process.resourceType(), t -> new ArrayList<>()).add(process);
      }
      for (ComputedRelationship relationship : behaviour.computedRelationships()) {
        String key = relationshipKey(relationship.resourceType(), relationship.relationship());
        if (computed.putIfAbsent(key, relationship) != null) {
          throw new IllegalArgumentException("two behaviours compute " + key);
        }
      }
      for (MetricSource source : behaviour.metricSources()) {
        if (metricSources.putIfAbsent(metricKey(source.resourceType(), source.metric()), source) != null) {
          throw new IllegalArgumentException("two metric sources serve " + source.resourceType() + "/metrics/"
              + source.metric());
        }
      }
    }
  }

  /** No behaviours: the engine is purely generic. */
  public static Behaviours none() {
    return new Behaviours(List.of());
  }

  public List<Behaviour> all() {
    return all;
  }

  /** The behaviours of one type, in registration order. */
  public List<Behaviour> of(String type) {
    return byType.getOrDefault(type, List.of());
  }

  /** Whether a behaviour derives the type's resources in bulk ({@link Behaviour#derivedTypes}). */
  public boolean isDerived(String type) {
    return derived.contains(type);
  }

  /** Every type some behaviour or process names (for checking them against the catalog). */
  public Set<String> types() {
    Set<String> types = new LinkedHashSet<>(byType.keySet());
    types.addAll(processesByType.keySet());
    metricSources.values().forEach(source -> types.add(source.resourceType()));
    computed.values().forEach(relationship -> types.add(relationship.resourceType()));
    return types;
  }

  /** Every declared process, in declaration order. */
  public List<Process> processes() {
    return List.copyOf(processes.values());
  }

  public Optional<Process> process(String name) {
    return Optional.ofNullable(processes.get(name));
  }

  /** The source of {@code GET /v1/{type}/{id}/metrics/{metric}}, if a behaviour declares one. */
  public Optional<MetricSource> metricSource(String type, String metric) {
    return Optional.ofNullable(metricSources.get(metricKey(type, metric)));
  }

  /** The rule computing a relationship's related ids, if a behaviour declares one. */
  public Optional<ComputedRelationship> computed(String type, String relationship) {
    return computed.isEmpty() ? Optional.empty() : Optional.ofNullable(computed.get(relationshipKey(type, relationship)));
  }

  /** Every computed relationship (for checking them against the catalog). */
  public List<ComputedRelationship> computedRelationships() {
    return List.copyOf(computed.values());
  }

  private static String relationshipKey(String type, String relationship) {
    return type + "." + relationship;
  }

  private static String metricKey(String type, String metric) {
    return type + "/" + metric;
  }

  /** The processes that move states of one type. */
  public List<Process> processesOf(String type) {
    return processesByType.getOrDefault(type, List.of());
  }

  /**
   * The attribute whose value the generic {@code RESOURCE_*} events record as the old and new
   * state: the state attribute of the type's first process.
   */
  public Optional<String> stateAttribute(String type) {
    return processesOf(type).stream().findFirst().map(Process::stateAttribute);
  }
}
