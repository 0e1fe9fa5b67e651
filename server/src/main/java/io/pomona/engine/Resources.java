package io.pomona.engine;

import io.pomona.jsonapi.Identifier;
import io.pomona.store.Store;
import io.pomona.store.StoredResource;
import io.pomona.store.Tx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
    return store.transaction(tx -> create(tx, teamId, type, id, attributes, relationships));
  }

  /**
   * Adds links from an existing resource through one of its relationships, keeping its other
   * links: for relationships whose other side cannot name the resource, such as an app's
   * {@code customerReviews} or {@code subscriptionGroups} (OpenAPI 4.4.1 gives them no inverse).
   */
  public void link(String teamId, String type, String id, String relationship, List<String> targetIds) {
    store.write(tx -> link(tx, teamId, type, id, relationship, targetIds));
  }

  /**
   * Runs {@code work} in one transaction: everything it creates and links is written together or,
   * if it throws, not at all. Much faster than a transaction per resource when writing hundreds
   * (demo data, imports).
   */
  public <T> T inOneTransaction(Function<Batch, T> work) {
    return store.transaction(tx -> work.apply(new Batch(tx)));
  }

  /** {@link #create} and {@link #link} inside the transaction of {@link #inOneTransaction}. */
  public final class Batch {
    private final Tx tx;

    private Batch(Tx tx) {
      this.tx = tx;
    }

    public StoredResource create(String teamId, String type, Optional<String> id, Map<String, Object> attributes,
        Map<String, List<String>> relationships) {
      return Resources.this.create(tx, teamId, type, id, attributes, relationships);
    }

    public void link(String teamId, String type, String id, String relationship, List<String> targetIds) {
      Resources.this.link(tx, teamId, type, id, relationship, targetIds);
    }
  }

  private StoredResource create(Tx tx, String teamId, String type, Optional<String> id, Map<String, Object> attributes,
      Map<String, List<String>> relationships) {
    model.type(type);
    String team = model.isGlobal(type) ? StoredResource.GLOBAL_TEAM : teamId;
    StoredResource created = tx.insert(team, type, id.orElseGet(() -> ids.newId(type)), attributes);
    relationships.forEach((name, targets) -> {
      String target = model.relationship(type, name)
          .orElseThrow(() -> new IllegalArgumentException("unknown relationship " + type + "." + name)).target();
      writer.link(tx, teamId, type, created.id(), name,
          targets.stream().map(targetId -> new Identifier(target, targetId)).toList(), "/" + name, Writer.Mode.REPLACE);
    });
    return created;
  }

  private void link(Tx tx, String teamId, String type, String id, String relationship, List<String> targetIds) {
    String target = model.relationship(type, relationship)
        .orElseThrow(() -> new IllegalArgumentException("unknown relationship " + type + "." + relationship)).target();
    tx.get(model.teamFor(type, teamId), type, id).orElseThrow(() -> io.pomona.error.Errors.notFound(type, id));
    writer.link(tx, teamId, type, id, relationship,
        targetIds.stream().map(targetId -> new Identifier(target, targetId)).toList(), "/" + relationship,
        Writer.Mode.ADD);
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
}
