package io.pomona.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.Operation;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.Scheduling;
import io.pomona.catalog.Relationship;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.jsonapi.BodyValidator;
import io.pomona.jsonapi.Identifier;
import io.pomona.jsonapi.IncludedResource;
import io.pomona.jsonapi.WriteRequest;
import io.pomona.store.Edge;
import io.pomona.store.Page;
import io.pomona.store.StoredResource;
import io.pomona.store.Tx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Generic writes: create, update and relationship changes, inside the caller's transaction.
 * Relationship targets must exist in the caller's team (or the global reference data) —
 * another team's id behaves as if it did not exist. A to-one side is kept to-one: linking a
 * build to a second app unlinks it from the first.
 */
final class Writer {
  /** How a relationship write treats the existing links. */
  enum Mode { ADD, REMOVE, REPLACE }

  private final Model model;
  private final BodyValidator validator;
  private final Ids ids;
  private final Lifecycle lifecycle;
  private final Scheduling scheduling;

  Writer(Model model, BodyValidator validator, Ids ids, Lifecycle lifecycle, Scheduling scheduling) {
    this.model = model;
    this.validator = validator;
    this.ids = ids;
    this.lifecycle = lifecycle;
    this.scheduling = scheduling;
  }

  /** The team's resources in this transaction, for writes made by {@code origin}. */
  TxResources session(Tx tx, String team, Origin origin, Map<String, Object> cause) {
    return new TxResources(tx, team, origin, cause, model, this, lifecycle, ids, scheduling);
  }

  WriteRequest validateResource(Operation operation, Optional<String> pathId, JsonNode body) {
    return validator.validateResource(operation, pathId, body);
  }

  List<Identifier> validateLinkage(Operation operation, JsonNode body) {
    return validator.validateLinkage(operation, body);
  }

  StoredResource create(Tx tx, String team, String type, WriteRequest request) {
    TxResources session = session(tx, team, Origin.CLIENT, Map.of());
    Map<String, String> temporaryIds = insertIncluded(session, tx, team, request.included());
    String id = ids.newId(type);
    return lifecycle.create(session, type, id, withoutNulls(request.attributes()),
        relatedIds(request.relationships(), temporaryIds),
        () -> linkAll(tx, team, type, id, request.relationships(), temporaryIds, "/data/relationships"));
  }

  StoredResource update(Tx tx, String team, String type, String id, WriteRequest request) {
    TxResources session = session(tx, team, Origin.CLIENT, Map.of());
    // Updates take inline creates too (SubscriptionUpdateRequest's introductory offers and prices).
    Map<String, String> temporaryIds = insertIncluded(session, tx, team, request.included());
    return lifecycle.update(session, type, id, request.attributes(),
        relatedIds(request.relationships(), temporaryIds),
        () -> linkAll(tx, team, type, id, request.relationships(), temporaryIds, "/data/relationships"));
  }

  /** A client's relationship-endpoint write: {@link #link} as an update of the resource. */
  void linkFromClient(Tx tx, String team, String type, String id, String name, List<Identifier> targets,
      String pointer, Mode mode) {
    lifecycle.update(session(tx, team, Origin.CLIENT, Map.of()), type, id, Map.of(),
        Map.of(name, targets.stream().map(Identifier::id).distinct().toList()),
        () -> link(tx, team, type, id, name, targets, pointer, mode));
  }

  /** A client's delete. */
  void delete(Tx tx, String team, String type, String id) {
    lifecycle.delete(session(tx, team, Origin.CLIENT, Map.of()), type, id);
  }

  /** Related ids by relationship name, temporary (inline-created) ids resolved. */
  private static Map<String, List<String>> relatedIds(Map<String, Optional<List<Identifier>>> relationships,
      Map<String, String> temporaryIds) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    relationships.forEach((name, identifiers) -> result.put(name, identifiers.orElse(List.of()).stream()
        .map(i -> temporaryIds.getOrDefault(i.type() + "/" + i.id(), i.id())).toList()));
    return result;
  }

  /**
   * Inserts the resources a write sends in {@code included} (each under a new id, linked as it
   * says) and returns the new id of each temporary one, by {@code type/temporaryId}. A resource
   * is created after the included ones it names (a custom product page version after its inline
   * localizations), so that its links find them; where two name each other, the link to the one
   * not created yet is made once every included resource exists.
   */
  private Map<String, String> insertIncluded(TxResources session, Tx tx, String team,
      List<IncludedResource> included) {
    Map<String, String> temporaryIds = new HashMap<>();
    for (IncludedResource resource : included) {
      temporaryIds.put(key(resource.type(), resource.id()), ids.newId(resource.type()));
    }
    Set<String> created = new java.util.HashSet<>();
    List<Runnable> deferred = new ArrayList<>();
    for (IncludedResource resource : referencedFirst(included)) {
      String id = temporaryIds.get(key(resource.type(), resource.id()));
      Map<String, Optional<List<Identifier>>> now = new LinkedHashMap<>();
      resource.relationships().forEach((name, identifiers) -> {
        List<Identifier> ready = new ArrayList<>();
        for (Identifier target : identifiers.orElse(List.of())) {
          String targetKey = key(target.type(), target.id());
          if (temporaryIds.containsKey(targetKey) && !created.contains(targetKey)) {
            deferred.add(() -> link(tx, team, resource.type(), id, name,
                List.of(new Identifier(target.type(), temporaryIds.get(targetKey))), "/included/" + name + "/data",
                Mode.ADD));
          } else {
            ready.add(target);
          }
        }
        now.put(name, identifiers.map(given -> ready));
      });
      try {
        lifecycle.create(session, resource.type(), id, withoutNulls(resource.attributes()),
            relatedIds(resource.relationships(), temporaryIds),
            () -> linkAll(tx, team, resource.type(), id, now, temporaryIds, "/included"));
      } catch (ApiException refused) {
        throw inIncluded(refused, "/included/" + included.indexOf(resource));
      }
      created.add(key(resource.type(), resource.id()));
    }
    deferred.forEach(Runnable::run);
    return temporaryIds;
  }

  /**
   * A behaviour's refusal of an included resource, its pointers moved from {@code /data} (the
   * resource as the behaviour sees it) to where the client sent it.
   */
  private static ApiException inIncluded(ApiException refused, String at) {
    return new ApiException(refused.errors().stream().map(error -> error.source()
        .flatMap(ApiError.Source::pointer).filter(pointer -> pointer.startsWith("/data/"))
        .map(pointer -> error.withSource(ApiError.Source.pointer(at + pointer.substring("/data".length()))))
        .orElse(error)).toList());
  }

  /** The included resources, each after the included ones it names (as given where they name each other). */
  private static List<IncludedResource> referencedFirst(List<IncludedResource> included) {
    Map<String, IncludedResource> byKey = new LinkedHashMap<>();
    included.forEach(resource -> byKey.put(key(resource.type(), resource.id()), resource));
    List<IncludedResource> ordered = new ArrayList<>();
    Set<String> visited = new java.util.HashSet<>();
    for (String start : byKey.keySet()) {
      visit(start, byKey, visited, ordered);
    }
    return ordered;
  }

  private static void visit(String key, Map<String, IncludedResource> byKey, Set<String> visited,
      List<IncludedResource> ordered) {
    if (!visited.add(key)) {
      return; // done, or on the current path: a cycle keeps the given order
    }
    IncludedResource resource = byKey.get(key);
    resource.relationships().values().forEach(identifiers -> identifiers.orElse(List.of()).stream()
        .map(target -> key(target.type(), target.id())).filter(byKey::containsKey)
        .forEach(target -> visit(target, byKey, visited, ordered)));
    ordered.add(resource);
  }

  private static String key(String type, String id) {
    return type + "/" + id;
  }

  private void linkAll(Tx tx, String team, String type, String id,
      Map<String, Optional<List<Identifier>>> relationships, Map<String, String> temporaryIds, String pointer) {
    relationships.forEach((name, identifiers) -> {
      List<Identifier> resolved = identifiers.orElse(List.of()).stream()
          .map(i -> new Identifier(i.type(), temporaryIds.getOrDefault(i.type() + "/" + i.id(), i.id())))
          .toList();
      link(tx, team, type, id, name, resolved, pointer + "/" + name + "/data", Mode.REPLACE);
    });
  }

  /**
   * Changes the links of relationship {@code name} of resource ({@code type}, {@code id}).
   * Every target must exist for the team, else 409 naming {@code pointer}.
   */
  void link(Tx tx, String team, String type, String id, String name, List<Identifier> targets,
      String pointer, Mode mode) {
    Relationship relationship = model.relationship(type, name)
        .orElseThrow(() -> new IllegalStateException("unknown relationship " + type + "." + name));
    requireExisting(tx, team, relationship.target(), targets, pointer, relationship.toMany());
    List<String> targetIds = targets.stream().map(Identifier::id).distinct().toList();
    EdgeRef edge = model.edge(type, name);
    String edgeTeam = model.teamFor(type, team);
    if (edge.typeIsFrom()) {
      switch (mode) {
        case ADD -> tx.addEdges(edgeTeam, edge.relation(), id, targetIds);
        case REMOVE -> tx.removeEdges(edgeTeam, edge.relation(), id, targetIds);
        case REPLACE -> tx.replaceEdges(edgeTeam, edge.relation(), id, targetIds);
      }
    } else {
      Set<String> current = new LinkedHashSet<>(allSources(tx, edgeTeam, edge, id));
      Set<String> wanted = switch (mode) {
        case ADD -> union(current, targetIds);
        case REMOVE -> minus(current, targetIds);
        case REPLACE -> new LinkedHashSet<>(targetIds);
      };
      for (String source : current) {
        if (!wanted.contains(source)) {
          tx.removeEdges(edgeTeam, edge.relation(), source, List.of(id));
        }
      }
      for (String source : wanted) {
        if (!current.contains(source)) {
          tx.addEdges(edgeTeam, edge.relation(), source, List.of(id));
        }
      }
    }
    if (mode != Mode.REMOVE) {
      keepInverseToOne(tx, edgeTeam, type, id, relationship, edge, targetIds);
    }
  }

  /** When the other side is to-one, a target linked here is unlinked from any other resource. */
  private void keepInverseToOne(Tx tx, String team, String type, String id, Relationship relationship, EdgeRef edge,
      List<String> targetIds) {
    Optional<Relationship> inverse = relationship.inverse() == null
        ? Optional.empty() : model.relationship(relationship.target(), relationship.inverse());
    if (inverse.isEmpty() || inverse.get().toMany()) {
      return;
    }
    for (String target : targetIds) {
      if (edge.typeIsFrom()) {
        for (String other : allSources(tx, team, edge, target)) {
          if (!other.equals(id)) {
            tx.removeEdges(team, edge.relation(), other, List.of(target));
          }
        }
      } else {
        tx.replaceEdges(team, edge.relation(), target, List.of(id));
      }
    }
  }

  /** The ids related to a resource through one relationship, first {@code limit} of them. */
  List<String> relatedIds(Tx tx, String team, String type, String id, String name, int limit) {
    EdgeRef edge = model.edge(type, name);
    String edgeTeam = model.teamFor(type, team);
    Page<Edge> page = edge.typeIsFrom()
        ? tx.targets(edgeTeam, edge.relation(), id, Optional.empty(), limit)
        : tx.sources(edgeTeam, edge.relation(), id, Optional.empty(), limit);
    return page.items().stream().map(e -> edge.typeIsFrom() ? e.toId() : e.fromId()).toList();
  }

  private static List<String> allSources(Tx tx, String team, EdgeRef edge, String toId) {
    List<String> sources = new ArrayList<>();
    Optional<String> after = Optional.empty();
    while (true) {
      Page<Edge> page = tx.sources(team, edge.relation(), toId, after, 500);
      page.items().forEach(e -> sources.add(e.fromId()));
      if (!page.hasMore()) {
        return sources;
      }
      after = page.last().map(Edge::fromId);
    }
  }

  private void requireExisting(Tx tx, String team, String targetType, List<Identifier> targets, String pointer,
      boolean toMany) {
    if (targets.isEmpty()) {
      return;
    }
    Set<String> found = new java.util.HashSet<>();
    tx.getAll(model.teamFor(targetType, team), targetType, model.isGlobal(targetType),
            targets.stream().map(Identifier::id).toList())
        .forEach(r -> found.add(r.id()));
    List<ApiError> problems = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Identifier target = targets.get(i);
      if (!found.contains(target.id())) {
        problems.add(Errors.relationshipTargetNotFound(toMany ? pointer + "/" + i : pointer, targetType, target.id()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> attributes) {
    Map<String, Object> copy = new LinkedHashMap<>();
    attributes.forEach((key, value) -> {
      if (value != null) {
        copy.put(key, value);
      }
    });
    return copy;
  }

  private static Set<String> union(Set<String> current, List<String> more) {
    Set<String> result = new LinkedHashSet<>(current);
    result.addAll(more);
    return result;
  }

  private static Set<String> minus(Set<String> current, List<String> less) {
    Set<String> result = new LinkedHashSet<>(current);
    less.forEach(result::remove);
    return result;
  }
}
