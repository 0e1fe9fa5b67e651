package io.pomona.engine;

import io.pomona.catalog.Relationship;
import io.pomona.query.Query;
import io.pomona.store.Edge;
import io.pomona.store.StoredResource;
import io.pomona.store.Tx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

  Includes(Model model) {
    this.model = model;
  }

  /**
   * @param includedSchemas the operation's choice of schema for included types that have
   *     several ({@link io.pomona.catalog.Operation#includedSchemas})
   */
  DocumentWriter.Rendering render(Tx tx, String team, String type, List<StoredResource> primaries, Query query,
      Map<String, String> includedSchemas) {
    Map<String, Map<String, Linkage>> linkages = new HashMap<>();
    Map<String, StoredResource> included = new LinkedHashMap<>();
    Set<String> primaryKeys = new LinkedHashSet<>();
    primaries.forEach(p -> primaryKeys.add(DocumentWriter.Rendering.key(p.type(), p.id())));
    List<String> ids = primaries.stream().map(StoredResource::id).toList();
    for (String name : query.include()) {
      Relationship relationship = model.relationship(type, name)
          .orElseThrow(() -> new IllegalStateException("the catalog allows include=" + name + " on " + type));
      int limit = relationship.toMany() ? query.relatedLimits().getOrDefault(name, DEFAULT_INCLUDED_LIMIT) : 1;
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
      Set<String> relatedIds = new LinkedHashSet<>();
      for (StoredResource primary : primaries) {
        List<String> linked = new ArrayList<>();
        for (Edge e : edges.getOrDefault(primary.id(), List.of())) {
          linked.add(edge.typeIsFrom() ? e.toId() : e.fromId());
        }
        relatedIds.addAll(linked);
        linkages.computeIfAbsent(DocumentWriter.Rendering.key(primary.type(), primary.id()), k -> new HashMap<>())
            .put(name, new Linkage(relationship.target(), linked, totals.getOrDefault(primary.id(), (long) linked.size()), limit));
      }
      for (StoredResource related : fetch(tx, team, relationship.target(), relatedIds)) {
        String key = DocumentWriter.Rendering.key(related.type(), related.id());
        if (!primaryKeys.contains(key)) {
          included.putIfAbsent(key, related);
        }
      }
    }
    return new DocumentWriter.Rendering(
        query.fields(), linkages, List.copyOf(included.values()), includedSchemas);
  }

  private List<StoredResource> fetch(Tx tx, String team, String type, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return tx.getAll(model.teamFor(type, team), type, model.isGlobal(type), ids);
  }
}
