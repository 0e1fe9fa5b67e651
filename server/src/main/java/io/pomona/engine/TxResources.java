package io.pomona.engine;

import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.Scheduler;
import io.pomona.behaviour.Scheduling;
import io.pomona.jsonapi.Identifier;
import io.pomona.store.Condition;
import io.pomona.store.Edge;
import io.pomona.store.ResourceQuery;
import io.pomona.store.StoredResource;
import io.pomona.store.Tx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One team's resources inside one transaction, written through {@link Lifecycle} so that nested
 * writes (a behaviour touching another resource) run their own behaviours and record their own
 * events. Also the session of a write: who makes it ({@link Origin}), why, and how deep behaviours
 * have nested, so that two behaviours writing each other's resources fail loudly instead of
 * looping.
 */
final class TxResources implements ResourceAccess {
  private static final int DEEPEST_NESTING = 16;

  private final Tx tx;
  private final String teamId;
  private final Origin origin;
  private final Map<String, Object> cause;
  private final Model model;
  private final Writer writer;
  private final Lifecycle lifecycle;
  private final Ids ids;
  private final Scheduling scheduling;
  private Scheduler scheduler;
  private int depth;

  TxResources(Tx tx, String teamId, Origin origin, Map<String, Object> cause, Model model, Writer writer,
      Lifecycle lifecycle, Ids ids, Scheduling scheduling) {
    this.tx = tx;
    this.teamId = teamId;
    this.origin = origin;
    this.cause = Collections.unmodifiableMap(new LinkedHashMap<>(cause));
    this.model = model;
    this.writer = writer;
    this.lifecycle = lifecycle;
    this.ids = ids;
    this.scheduling = scheduling;
  }

  Tx tx() {
    return tx;
  }

  Origin origin() {
    return origin;
  }

  Map<String, Object> cause() {
    return cause;
  }

  /** The team whose rows hold resources of {@code type}: the global team for reference data. */
  String teamOf(String type) {
    return model.teamFor(type, teamId);
  }

  Scheduler scheduler() {
    if (scheduler == null) {
      scheduler = scheduling.in(tx, teamId);
    }
    return scheduler;
  }

  <T> T nested(Supplier<T> work) {
    if (++depth > DEEPEST_NESTING) {
      depth--;
      throw new IllegalStateException("behaviours nested writes more than " + DEEPEST_NESTING
          + " deep: two behaviours probably keep writing each other's resources");
    }
    try {
      return work.get();
    } finally {
      depth--;
    }
  }

  @Override
  public String teamId() {
    return teamId;
  }

  @Override
  public Optional<StoredResource> get(String type, String id) {
    model.type(type);
    return tx.get(teamOf(type), type, id);
  }

  @Override
  public List<StoredResource> find(String type, Map<String, Object> equalTo, int limit) {
    model.type(type);
    List<Condition> conditions = new ArrayList<>();
    equalTo.forEach((name, value) -> conditions.add(new Condition.AttributeIn(name, List.of(value))));
    return tx.query(new ResourceQuery(teamId, type, model.isGlobal(type), Optional.empty(), conditions, List.of(),
        Optional.empty(), limit)).items();
  }

  @Override
  public List<StoredResource> related(String type, String id, String relationship, int limit) {
    String target = relationshipTarget(type, relationship);
    List<String> relatedIds = writer.relatedIds(tx, teamId, type, id, relationship, limit);
    Map<String, StoredResource> found = new LinkedHashMap<>();
    tx.getAll(teamId, target, model.isGlobal(target), relatedIds).forEach(r -> found.put(r.id(), r));
    return relatedIds.stream().map(found::get).filter(r -> r != null).toList();
  }

  @Override
  public List<StoredResource> referrers(String type, String relationship, String targetId, int limit) {
    relationshipTarget(type, relationship);
    EdgeRef edge = model.edge(type, relationship);
    String edgeTeam = model.teamFor(type, teamId);
    List<String> ids = edge.typeIsFrom()
        ? tx.sources(edgeTeam, edge.relation(), targetId, Optional.empty(), limit).items().stream().map(Edge::fromId)
            .toList()
        : tx.targets(edgeTeam, edge.relation(), targetId, Optional.empty(), limit).items().stream().map(Edge::toId)
            .toList();
    Map<String, StoredResource> found = new LinkedHashMap<>();
    tx.getAll(teamId, type, model.isGlobal(type), ids).forEach(r -> found.put(r.id(), r));
    return ids.stream().map(found::get).filter(r -> r != null).toList();
  }

  @Override
  public StoredResource create(String type, Optional<String> id, Map<String, Object> attributes,
      Map<String, List<String>> relationships) {
    model.type(type);
    relationships.keySet().forEach(name -> relationshipTarget(type, name));
    String newId = id.orElseGet(() -> ids.newId(type));
    return lifecycle.create(this, type, newId, attributes, relationships,
        () -> relationships.forEach((name, targets) -> writeLinks(type, newId, name, targets)));
  }

  @Override
  public StoredResource update(String type, String id, Map<String, Object> changes) {
    model.type(type);
    return lifecycle.update(this, type, id, changes, Map.of(), () -> { });
  }

  @Override
  public void link(String type, String id, String relationship, List<String> targetIds) {
    relationshipTarget(type, relationship);
    lifecycle.update(this, type, id, Map.of(), Map.of(relationship, List.copyOf(targetIds)),
        () -> writeLinks(type, id, relationship, targetIds));
  }

  @Override
  public void addLinks(String type, String id, String relationship, List<String> targetIds) {
    String target = relationshipTarget(type, relationship);
    lifecycle.update(this, type, id, Map.of(), Map.of(relationship, List.copyOf(targetIds)),
        () -> writer.link(tx, teamId, type, id, relationship,
            targetIds.stream().map(targetId -> new Identifier(target, targetId)).toList(), "/" + relationship,
            Writer.Mode.ADD));
  }

  @Override
  public void delete(String type, String id) {
    model.type(type);
    lifecycle.delete(this, type, id);
  }

  private void writeLinks(String type, String id, String relationship, List<String> targetIds) {
    String target = relationshipTarget(type, relationship);
    writer.link(tx, teamId, type, id, relationship,
        targetIds.stream().map(targetId -> new Identifier(target, targetId)).toList(), "/" + relationship,
        Writer.Mode.REPLACE);
  }

  private String relationshipTarget(String type, String relationship) {
    return model.relationship(type, relationship)
        .orElseThrow(() -> new IllegalArgumentException("unknown relationship " + type + "." + relationship))
        .target();
  }
}
