package io.pomona.engine;

import io.pomona.catalog.ReferenceData;
import io.pomona.catalog.ReferenceResource;
import io.pomona.jsonapi.Identifier;
import io.pomona.store.Store;
import io.pomona.store.StoredResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores the reference data every team reads (territories, app categories, Xcode Cloud versions,
 * ...) under the global team at start-up. Only resources that are missing are written, so a
 * restart costs one lookup per type; changing a shipped fixture row needs a migration.
 */
public final class ReferenceSeeder {
  private final Model model;
  private final Store store;
  private final Writer writer;

  ReferenceSeeder(Model model, Store store, Writer writer) {
    this.model = model;
    this.store = store;
    this.writer = writer;
  }

  /** Returns how many resources were added. */
  public int seed(ReferenceData data) {
    return store.transaction(tx -> {
      List<ReferenceResource> added = new ArrayList<>();
      for (String type : data.types()) {
        List<ReferenceResource> resources = data.of(type);
        Set<String> present = new HashSet<>();
        tx.getAll(StoredResource.GLOBAL_TEAM, type, true, resources.stream().map(ReferenceResource::id).toList())
            .forEach(r -> present.add(r.id()));
        for (ReferenceResource resource : resources) {
          if (!present.contains(resource.id())) {
            tx.insert(StoredResource.GLOBAL_TEAM, type, resource.id(), resource.attributes());
            added.add(resource);
          }
        }
      }
      for (ReferenceResource resource : added) {
        resource.relationships().forEach((name, ids) -> {
          EdgeRef edge = model.edge(resource.type(), name);
          if (edge.typeIsFrom()) {
            String target = model.relationship(resource.type(), name).orElseThrow().target();
            writer.link(tx, StoredResource.GLOBAL_TEAM, resource.type(), resource.id(), name,
                ids.stream().map(id -> new Identifier(target, id)).toList(), "/" + name, Writer.Mode.REPLACE);
          }
        });
      }
      return added.size();
    });
  }
}
