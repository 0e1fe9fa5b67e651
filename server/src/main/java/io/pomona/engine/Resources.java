package io.pomona.engine;

import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.store.Store;
import io.pomona.store.StoredResource;
import io.pomona.store.Tx;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The internal API for what clients cannot do through the API itself: create apps, builds,
 * users, customer reviews and the other types Apple creates (api-facts.md §14), and set their
 * state. Used by the Apple side, the operator surface and tests; the engine then serves these
 * resources like any other. Writes run the behaviours of their types and record events, as
 * client writes do, with {@link Origin#OPERATOR} (or the origin given to {@link #access}).
 */
public final class Resources {
  private final Store store;
  private final Writer writer;

  Resources(Store store, Writer writer) {
    this.store = store;
    this.writer = writer;
  }

  /**
   * Creates a resource of any type for a team (or, for reference types, globally), with
   * relationships given as related ids by relationship name.
   */
  public StoredResource create(String teamId, String type, Optional<String> id, Map<String, Object> attributes,
      Map<String, List<String>> relationships) {
    return store.transaction(tx -> access(tx, teamId, Origin.OPERATOR, Map.of())
        .create(type, id, attributes, relationships));
  }

  /** Replaces some attributes of a resource, keeping the others. */
  public StoredResource update(String teamId, String type, String id, Map<String, Object> changes) {
    return store.transaction(tx -> access(tx, teamId, Origin.OPERATOR, Map.of()).update(type, id, changes));
  }

  /** Deletes a resource and its relationships. */
  public void delete(String teamId, String type, String id) {
    store.write(tx -> access(tx, teamId, Origin.OPERATOR, Map.of()).delete(type, id));
  }

  /**
   * A team's resources inside a transaction the caller runs, for several writes that must commit
   * together (the simulation firing a transition, an import).
   *
   * @param cause details copied into the events these writes record (e.g. the transition's id)
   */
  public ResourceAccess access(Tx tx, String teamId, Origin origin, Map<String, Object> cause) {
    return writer.session(tx, teamId, origin, cause);
  }
}
