package io.pomona.engine;

import io.pomona.catalog.Relationship;
import io.pomona.query.Query;
import io.pomona.store.Edge;
import io.pomona.store.StoredResource;
import io.pomona.store.Tx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code include}: the linkage data of each included relationship of each primary
 * resource (batched per relationship, never per resource) and the related resources themselves,
 * each once.
 */
final class Includes {
  /**
   * Related items shown per included to-many relationship when the request gives no
   * {@code limit[rel]} (api-facts.md §4, observed: 10).
   */
  static final int DEFAULT_INCLUDED_LIMIT = 10;

  private final Model model;
  private final ComputedRelationships computed;

  Includes(Model model, ComputedRelationships computed) {
    this.model = model;
    this.computed = computed;
  }

  /**
   * @param includedSchemas the operation's choice of schema for included types that have
   *     several ({@link io.pomona.catalog.Operation#includedSchemas})
   */
  DocumentWriter.Rendering render(Tx tx, String team, String type, List<StoredResource> primaries, Query query,
      Map<String, String> includedSchemas) {
    if (query.include().isEmpty()) {
      // Most requests include nothing: skip the bookkeeping below (it shows in a GET-one profile).
      return new DocumentWriter.Rendering(query.fields(), Map.of(), List.of(), includedSchemas);
    }
    Map<DocumentWriter.Rendering.Key, Map<String, Linkage>> linkages = new HashMap<>();
    Map<DocumentWriter.Rendering.Key, StoredResource> included = new LinkedHashMap<>();
    Set<DocumentWriter.Rendering.Key> primaryKeys = new HashSet<>();
    List<String> ids = new ArrayList<>(primaries.size());
    for (StoredResource primary : primaries) {
      DocumentWriter.Rendering.Key key = DocumentWriter.Rendering.key(primary.type(), primary.id());
      primaryKeys.add(key);
      linkages.put(key, new HashMap<>());
      ids.add(primary.id());
    }
    for (String name : query.include()) {
      Relationship relationship = model.relationship(type, name)
          .orElseThrow(() -> new IllegalStateException("the catalog allows include=" + name + " on " + type));
      int limit = relationship.toMany() ? query.relatedLimits().getOrDefault(name, DEFAULT_INCLUDED_LIMIT) : 1;
      Map<String, Linkage> linked = computed.of(type, name).isPresent()
          ? computedLinkage(tx, team, type, name, relationship, primaries, limit)
          : storedLinkage(tx, team, type, name, relationship, ids, limit);
      Linkage none = new Linkage(relationship.target(), List.of(), 0, limit);
      Set<String> relatedIds = new LinkedHashSet<>();
      for (StoredResource primary : primaries) {
        Linkage linkage = linked.getOrDefault(primary.id(), none);
        relatedIds.addAll(linkage.ids());
        linkages.get(DocumentWriter.Rendering.key(primary.type(), primary.id())).put(name, linkage);
      }
      for (StoredResource related : fetch(tx, team, relationship.target(), relatedIds)) {
        DocumentWriter.Rendering.Key key = DocumentWriter.Rendering.key(related.type(), related.id());
        if (!primaryKeys.contains(key)) {
          included.putIfAbsent(key, related);
        }
      }
    }
    return new DocumentWriter.Rendering(
        query.fields(), linkages, List.copyOf(included.values()), includedSchemas);
  }

  /** Each primary's linkage through stored edges: batched per relationship, never per resource. */
  private Map<String, Linkage> storedLinkage(Tx tx, String team, String type, String name, Relationship relationship,
      List<String> ids, int limit) {
    EdgeRef edge = model.edge(type, name);
    String edgeTeam = model.teamFor(type, team);
    Map<String, List<Edge>> edges = edge.typeIsFrom()
        ? tx.targetsOfEach(edgeTeam, edge.relation(), ids, limit)
        : tx.sourcesOfEach(edgeTeam, edge.relation(), ids, limit);
    Map<String, Long> totals = relationship.toMany()
        ? (edge.typeIsFrom()
            ? tx.countTargetsOfEach(edgeTeam, edge.relation(), ids)
            : tx.countSourcesOfEach(edgeTeam, edge.relation(), ids))
        : Map.of();
    Map<String, Linkage> linkages = new HashMap<>();
    edges.forEach((primary, list) -> {
      List<String> linked = new ArrayList<>(list.size());
      for (Edge e : list) {
        linked.add(edge.typeIsFrom() ? e.toId() : e.fromId());
      }
      linkages.put(primary, new Linkage(relationship.target(), linked,
          totals.getOrDefault(primary, (long) linked.size()), limit));
    });
    return linkages;
  }

  /**
   * Each primary's linkage through a computed relationship: its rule's ids that exist, the first
   * {@code limit} of them shown and all counted, as for stored edges.
   */
  private Map<String, Linkage> computedLinkage(Tx tx, String team, String type, String name,
      Relationship relationship, List<StoredResource> primaries, int limit) {
    var rule = computed.of(type, name).orElseThrow();
    Map<String, Linkage> linkages = new HashMap<>();
    for (StoredResource primary : primaries) {
      List<String> candidates = computed.relatedIds(tx, team, rule, primary.id());
      Set<String> existing = new java.util.HashSet<>();
      fetch(tx, team, relationship.target(), candidates).forEach(r -> existing.add(r.id()));
      List<String> linked = candidates.stream().filter(existing::contains).toList();
      linkages.put(primary.id(), new Linkage(relationship.target(), linked.subList(0, Math.min(limit, linked.size())),
          linked.size(), limit));
    }
    return linkages;
  }

  private List<StoredResource> fetch(Tx tx, String team, String type, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return tx.getAll(model.teamFor(type, team), type, model.isGlobal(type), ids);
  }
}
