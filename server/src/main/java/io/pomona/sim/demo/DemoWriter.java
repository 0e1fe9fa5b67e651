package io.pomona.sim.demo;

import io.pomona.behaviour.ResourceAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes the demo's resources for one team through the engine's internal API, inside the
 * caller's transaction, and counts them by type. Writes run the types' behaviours and record
 * events as any operator write does. Attributes are never null: an attribute the demo has no
 * honest value for is left out, as Apple leaves it out.
 *
 * <p>What a client makes through the API (certificates from a CSR, provisioning profiles) is
 * written {@linkplain NewResource#asClient() as a client's request}: the types' behaviours then
 * apply Apple's checks and build what Apple builds (the issued certificate, the signed profile),
 * exactly as for a request over HTTP, instead of the demo recording look-alike attributes.
 */
final class DemoWriter {
  private final ResourceAccess operator;
  private final ResourceAccess client;
  private final Map<String, Integer> created = new TreeMap<>();

  /**
   * @param operator writes recorded as given (origin OPERATOR)
   * @param client the same team and transaction, with origin CLIENT
   */
  DemoWriter(ResourceAccess operator, ResourceAccess client) {
    this.operator = operator;
    this.client = client;
  }

  /** Starts a resource of {@code type} with the given id; {@link NewResource#save()} writes it. */
  NewResource resource(String type, String id) {
    return new NewResource(type, id);
  }

  /**
   * Links an existing resource to its targets through a relationship that only its side can name
   * (an app's {@code customerReviews}: OpenAPI 4.4.1 gives reviews no way to name their app).
   * The targets replace earlier ones, so each seeder links a relationship once, with all targets.
   */
  void link(String type, String id, String relationship, List<String> targetIds) {
    if (!targetIds.isEmpty()) {
      operator.link(type, id, relationship, targetIds);
    }
  }

  /** Changes attributes the way a client's PATCH does (its behaviours react as to one). */
  void updateAsClient(String type, String id, Map<String, Object> changes) {
    client.update(type, id, changes);
  }

  /** A resource as stored now, with what behaviours filled in. */
  Map<String, Object> attributes(String type, String id) {
    return operator.get(type, id).orElseThrow(() -> new IllegalStateException("the demo wrote no " + type + " " + id))
        .attributes();
  }

  /** Reads what earlier writes (or the behaviours they ran) made: an app's price points. */
  List<io.pomona.store.StoredResource> related(String type, String id, String relationship, int limit) {
    return operator.related(type, id, relationship, limit);
  }

  /** How many resources of each type were written, by type name. */
  Map<String, Integer> created() {
    return Map.copyOf(created);
  }

  /** One resource being described: attributes and relationships, then {@link #save()}. */
  final class NewResource {
    private final String type;
    private final String id;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final Map<String, List<String>> relationships = new LinkedHashMap<>();
    private ResourceAccess access = operator;

    private NewResource(String type, String id) {
      this.type = type;
      this.id = id;
    }

    NewResource attr(String name, Object value) {
      attributes.put(name, Objects.requireNonNull(value, name));
      return this;
    }

    /** A date attribute, written the way Apple writes dates. */
    NewResource date(String name, Instant value) {
      return attr(name, DemoTime.iso(value));
    }

    NewResource attr(String name, Optional<?> value) {
      value.ifPresent(v -> attributes.put(name, v));
      return this;
    }

    NewResource link(String relationship, String targetId) {
      relationships.put(relationship, List.of(targetId));
      return this;
    }

    NewResource link(String relationship, Optional<String> targetId) {
      targetId.ifPresent(target -> link(relationship, target));
      return this;
    }

    NewResource link(String relationship, List<String> targetIds) {
      if (!targetIds.isEmpty()) {
        relationships.put(relationship, new ArrayList<>(targetIds));
      }
      return this;
    }

    /** Writes it as a client's create request: Apple's checks apply and the server fills in the rest. */
    NewResource asClient() {
      access = client;
      return this;
    }

    /**
     * Writes over a resource the app's behaviours already made (an app's beta app review detail):
     * its attributes are updated and its relationships linked, as given; it is created if missing.
     */
    String saveOver() {
      if (operator.get(type, id).isEmpty()) {
        return save();
      }
      operator.update(type, id, attributes);
      relationships.forEach((name, targets) -> operator.link(type, id, name, targets));
      created.merge(type, 1, Integer::sum);
      return id;
    }

    /** Writes the resource; returns its id. */
    String save() {
      access.create(type, Optional.of(id), attributes, relationships);
      created.merge(type, 1, Integer::sum);
      return id;
    }
  }
}
