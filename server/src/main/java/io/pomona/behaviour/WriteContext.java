package io.pomona.behaviour;

import io.pomona.store.StoredResource;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One write, as the hooks of a {@link Behaviour} see it. The engine builds one per write of a
 * resource and hands the same context to every hook of every behaviour of the type, in order.
 *
 * <p>The attributes are the ones about to be written (create and update, merged with the stored
 * ones) and may be changed with {@link #set} until the write happens; from {@code afterWrite} on
 * they are what was stored. On delete they are the resource's last attributes.
 */
public final class WriteContext {
  private final WriteKind kind;
  private final Origin origin;
  private final Map<String, Object> cause;
  private final String teamId;
  private final String type;
  private final String id;
  private final Map<String, Object> attributes;
  private final Optional<StoredResource> previous;
  private final Map<String, List<String>> relationships;
  private final ResourceAccess resources;
  private final Clock clock;
  private final Instant now;
  private final EventRecorder events;
  private final Scheduler scheduler;
  private boolean written;

  /**
   * @param cause details of why the write happens, copied into the events it causes (the
   *     simulation puts the transition, outcome and reason here)
   * @param attributes the attributes to write; this context changes this very map
   * @param relationships the relationships the write sets, as related ids by relationship name
   * @param now the time of the transaction
   */
  public WriteContext(
      WriteKind kind,
      Origin origin,
      Map<String, Object> cause,
      String teamId,
      String type,
      String id,
      Map<String, Object> attributes,
      Optional<StoredResource> previous,
      Map<String, List<String>> relationships,
      ResourceAccess resources,
      Clock clock,
      Instant now,
      EventRecorder events,
      Scheduler scheduler) {
    this.kind = Objects.requireNonNull(kind);
    this.origin = Objects.requireNonNull(origin);
    this.cause = Collections.unmodifiableMap(new LinkedHashMap<>(cause));
    this.teamId = Objects.requireNonNull(teamId);
    this.type = Objects.requireNonNull(type);
    this.id = Objects.requireNonNull(id);
    this.attributes = Objects.requireNonNull(attributes);
    this.previous = Objects.requireNonNull(previous);
    this.relationships = Map.copyOf(relationships);
    this.resources = Objects.requireNonNull(resources);
    this.clock = Objects.requireNonNull(clock);
    this.now = Objects.requireNonNull(now);
    this.events = Objects.requireNonNull(events);
    this.scheduler = Objects.requireNonNull(scheduler);
  }

  public WriteKind kind() {
    return kind;
  }

  public Origin origin() {
    return origin;
  }

  /** Why the write happens, when the caller said (e.g. the transition that fired). */
  public Map<String, Object> cause() {
    return cause;
  }

  public String teamId() {
    return teamId;
  }

  public String type() {
    return type;
  }

  public String id() {
    return id;
  }

  /** The attributes (read-only view; change them with {@link #set}). */
  public Map<String, Object> attributes() {
    return Collections.unmodifiableMap(attributes);
  }

  public Optional<Object> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** An attribute that holds a string (an enum value, a date), if it does. */
  public Optional<String> stringAttribute(String name) {
    return attributes.get(name) instanceof String value ? Optional.of(value) : Optional.empty();
  }

  /**
   * Sets an attribute before the write ({@code validate} and {@code beforeWrite}); {@code null}
   * removes it on create and stores JSON null on update.
   *
   * @throws IllegalStateException from {@code afterWrite} on, or on delete
   */
  public void set(String name, Object value) {
    if (written || kind == WriteKind.DELETE) {
      throw new IllegalStateException(
          "attributes of " + type + " " + id + " can no longer change in this write");
    }
    attributes.put(name, value);
  }

  /** The resource as stored before this write; empty on create. */
  public Optional<StoredResource> previous() {
    return previous;
  }

  /** The relationships this write sets, as related ids by relationship name. */
  public Map<String, List<String>> relationships() {
    return relationships;
  }

  /** The team's resources in this transaction. */
  public ResourceAccess resources() {
    return resources;
  }

  /** The simulated clock (for what must run on it, such as computing a later date). */
  public Clock clock() {
    return clock;
  }

  /** The time of this write's transaction on the simulated clock: every row written shares it. */
  public Instant now() {
    return now;
  }

  public EventRecorder events() {
    return events;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  /** Called by the engine once the row is written: attributes are final from then on. */
  public void markWritten() {
    written = true;
  }
}
