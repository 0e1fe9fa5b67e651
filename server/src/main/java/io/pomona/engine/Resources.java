package io.pomona.engine;

import io.pomona.jsonapi.Identifier;
import io.pomona.store.Store;
import io.pomona.store.StoredResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The internal API for what clients cannot do through the API itself: create apps, builds,
 * users, customer reviews and the other types Apple creates (api-facts.md §14), and set their
 * state. Used by the Apple side, the operator surface and tests; the engine then serves these
 * resources like any other.
 */
public final class Resources {
  private final Model model;
  private final Store store;
  private final Writer writer;
  private final Ids ids;

  Resources(Model model, Store store, Writer writer, Ids ids) {
    this.model = model;
    this.store = store;
    this.writer = writer;
    this.ids = ids;
  }

  /**
   * Creates a resource of any type for a team (or, for reference types, globally), with
   * relationships given as related ids by relationship name.
   */
  public StoredResource create(String teamId, String type, Optional<String> id, Map<String, Object> attributes,
      Map<String, List<String>> relationships) {
    model.type(type);
    String team = model.isGlobal(type) ? StoredResource.GLOBAL_TEAM : teamId;
    return store.transaction(tx -> {
      StoredResource created = tx.insert(team, type, id.orElseGet(() -> ids.newId(type)), attributes);
      relationships.forEach((name, targets) -> {
        String target = model.relationship(type, name)
            .orElseThrow(() -> new IllegalArgumentException("unknown relationship " + type + "." + name)).target();
        writer.link(tx, teamId, type, created.id(), name,
            targets.stream().map(targetId -> new Identifier(target, targetId)).toList(), "/" + name, Writer.Mode.REPLACE);
      });
      return created;
    });
  }

  /** Replaces some attributes of a resource, keeping the others. */
  public StoredResource update(String teamId, String type, String id, Map<String, Object> changes) {
    String team = model.isGlobal(type) ? StoredResource.GLOBAL_TEAM : teamId;
    return store.transaction(tx -> {
      StoredResource current = tx.get(team, type, id)
          .orElseThrow(() -> io.pomona.error.Errors.notFound(type, id));
      Map<String, Object> attributes = new java.util.LinkedHashMap<>(current.attributes());
      attributes.putAll(changes);
      return tx.update(team, type, id, attributes);
    });
  }

  /**
   * Makes {@code targetIds} the only targets of one relationship of a resource (one id for a
   * to-one), for links only Apple makes, such as a bundle id's app. Targets must exist for the
   * team, else 409.
   */
  public void link(String teamId, String type, String id, String relationship, List<String> targetIds) {
    String target = model.relationship(type, relationship)
        .orElseThrow(() -> new IllegalArgumentException("unknown relationship " + type + "." + relationship)).target();
    store.write(tx -> writer.link(tx, teamId, type, id, relationship,
        targetIds.stream().map(targetId -> new Identifier(target, targetId)).toList(), "/" + relationship,
        Writer.Mode.REPLACE));
  }
}
