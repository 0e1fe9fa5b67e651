package io.pomona.behaviour;

import io.pomona.store.Event;
import io.pomona.store.NewEvent;
import io.pomona.store.Tx;
import java.util.Map;
import java.util.Optional;

/**
 * Appends events to the team's event log in the current transaction: they are stored (and seen by
 * webhooks) only if the write commits.
 */
public final class EventRecorder {
  private final Tx tx;
  private final String teamId;
  private final String resourceType;
  private final String resourceId;

  public EventRecorder(Tx tx, String teamId, String resourceType, String resourceId) {
    this.tx = tx;
    this.teamId = teamId;
    this.resourceType = resourceType;
    this.resourceId = resourceId;
  }

  /** Records an event about the resource being written. */
  public Event record(
      String eventType,
      Optional<String> oldState,
      Optional<String> newState,
      Map<String, Object> payload) {
    return recordFor(resourceType, resourceId, eventType, oldState, newState, payload);
  }

  /** Records an event about another resource of the same team. */
  public Event recordFor(
      String type,
      String id,
      String eventType,
      Optional<String> oldState,
      Optional<String> newState,
      Map<String, Object> payload) {
    return tx.appendEvent(new NewEvent(teamId, eventType, type, id, oldState, newState, payload));
  }
}
