package io.pomona.engine;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Behaviours;
import io.pomona.behaviour.EventRecorder;
import io.pomona.behaviour.EventTypes;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.Errors;
import io.pomona.store.NewEvent;
import io.pomona.store.StoredResource;
import io.pomona.store.Tx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every write of a resource, whoever makes it, goes through here: the behaviours of its type
 * ({@code validate}, {@code beforeWrite}, the write itself and its links, {@code afterWrite}), the
 * processes of its type ({@link Process#follow}), and the generic {@code RESOURCE_*} event, all in
 * the caller's transaction. The engine knows behaviours only through {@link Behaviours}: no type
 * name appears here.
 */
final class Lifecycle {
  private final Behaviours behaviours;
  private final Clock clock;

  Lifecycle(Behaviours behaviours, Clock clock) {
    this.behaviours = behaviours;
    this.clock = clock;
  }

  /**
   * Inserts a resource, then runs {@code link} (which writes its relationships, given its id).
   *
   * @param relationships the relationships {@code link} sets, as related ids by name, for hooks
   */
  StoredResource create(TxResources session, String type, String id, Map<String, Object> attributes,
      Map<String, List<String>> relationships, Runnable link) {
    Map<String, Object> values = new LinkedHashMap<>(attributes);
    Optional<WriteContext> ctx = context(session, WriteKind.CREATE, type, id, values, Optional.empty(), relationships);
    return session.nested(() -> {
      ctx.ifPresent(c -> before(type, c));
      StoredResource created = session.tx().insert(session.teamOf(type), type, id, values);
      link.run();
      if (!behaviours.isDerived(type)) {
        record(session, EventTypes.RESOURCE_CREATED, created, Optional.empty(), Optional.of(created),
            List.copyOf(values.keySet()), relationships);
      }
      ctx.ifPresent(c -> after(type, c));
      return ctx.isPresent() ? reread(session, created) : created;
    });
  }

  /**
   * Merges {@code changes} into a resource's attributes and writes them if anything changed, then
   * runs {@code link}; 404 if it does not exist. A write that only sets relationships (the
   * relationship endpoints) passes no changes.
   */
  StoredResource update(TxResources session, String type, String id, Map<String, Object> changes,
      Map<String, List<String>> relationships, Runnable link) {
    Tx tx = session.tx();
    String team = session.teamOf(type);
    StoredResource current = tx.get(team, type, id).orElseThrow(() -> Errors.notFound(type, id));
    Map<String, Object> values = new LinkedHashMap<>(current.attributes());
    values.putAll(changes);
    Optional<WriteContext> ctx = context(session, WriteKind.UPDATE, type, id, values, Optional.of(current), relationships);
    return session.nested(() -> {
      ctx.ifPresent(c -> before(type, c));
      List<String> changed = changedNames(current.attributes(), values, changes);
      StoredResource updated = changed.isEmpty() && changes.isEmpty() ? current : tx.update(team, type, id, values);
      link.run();
      if (!changed.isEmpty() || !relationships.isEmpty()) {
        record(session, EventTypes.RESOURCE_UPDATED, updated, Optional.of(current), Optional.of(updated), changed,
            relationships);
      }
      ctx.ifPresent(c -> after(type, c));
      return ctx.isPresent() ? reread(session, updated) : updated;
    });
  }

  /** Deletes a resource and its edges; 404 if it does not exist. */
  void delete(TxResources session, String type, String id) {
    Tx tx = session.tx();
    String team = session.teamOf(type);
    StoredResource current = tx.get(team, type, id).orElseThrow(() -> Errors.notFound(type, id));
    Optional<WriteContext> ctx = context(session, WriteKind.DELETE, type, id,
        new LinkedHashMap<>(current.attributes()), Optional.of(current), Map.of());
    session.nested(() -> {
      ctx.ifPresent(c -> before(type, c));
      tx.delete(team, type, id);
      record(session, EventTypes.RESOURCE_DELETED, current, Optional.of(current), Optional.empty(), List.of(), Map.of());
      ctx.ifPresent(c -> after(type, c));
      return null;
    });
  }

  /** A context only for types that have behaviours or processes: other writes skip the hooks. */
  private Optional<WriteContext> context(TxResources session, WriteKind kind, String type, String id,
      Map<String, Object> values, Optional<StoredResource> previous, Map<String, List<String>> relationships) {
    if (behaviours.of(type).isEmpty() && behaviours.processesOf(type).isEmpty()) {
      return Optional.empty();
    }
    Tx tx = session.tx();
    return Optional.of(new WriteContext(kind, session.origin(), session.cause(), session.teamId(), type, id, values,
        previous, relationships, session, clock, tx.now(),
        new EventRecorder(tx, session.teamOf(type), type, id), session.scheduler()));
  }

  /** The resource as stored now: an {@code afterWrite} hook may have written it again. */
  private static StoredResource reread(TxResources session, StoredResource written) {
    return session.tx().get(written.teamId(), written.type(), written.id()).orElse(written);
  }

  private void before(String type, WriteContext ctx) {
    for (Behaviour behaviour : behaviours.of(type)) {
      behaviour.validate(ctx);
    }
    for (Behaviour behaviour : behaviours.of(type)) {
      behaviour.beforeWrite(ctx);
    }
  }

  private void after(String type, WriteContext ctx) {
    ctx.markWritten();
    for (Behaviour behaviour : behaviours.of(type)) {
      behaviour.afterWrite(ctx);
    }
    for (Process process : behaviours.processesOf(type)) {
      process.follow(ctx);
    }
  }

  private void record(TxResources session, String eventType, StoredResource resource,
      Optional<StoredResource> before, Optional<StoredResource> after, List<String> attributes,
      Map<String, List<String>> relationships) {
    Optional<Process> stateful = behaviours.processesOf(resource.type()).stream().findFirst();
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("origin", session.origin().name());
    if (!attributes.isEmpty()) {
      payload.put("attributes", attributes);
    }
    if (!relationships.isEmpty()) {
      payload.put("relationships", List.copyOf(relationships.keySet()));
    }
    payload.putAll(session.cause());
    session.tx().appendEvent(new NewEvent(resource.teamId(), eventType, resource.type(), resource.id(),
        stateful.flatMap(process -> stateOf(before, process)), stateful.flatMap(process -> stateOf(after, process)),
        payload));
  }

  /** The state of the type's first process, as the generic events record it. */
  private static Optional<String> stateOf(Optional<StoredResource> resource, Process process) {
    return resource.flatMap(r -> process.stateIn(r.attributes()));
  }

  /** The attributes whose value differs, plus every one the request named. */
  private static List<String> changedNames(Map<String, Object> before, Map<String, Object> after,
      Map<String, Object> requested) {
    List<String> names = new ArrayList<>();
    after.forEach((name, value) -> {
      if (requested.containsKey(name) || !before.containsKey(name) || !Objects.equals(before.get(name), value)) {
        names.add(name);
      }
    });
    return names;
  }
}
