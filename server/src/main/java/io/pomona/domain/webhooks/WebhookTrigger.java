package io.pomona.domain.webhooks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When Apple sends one webhook event type, as data: the resource type it is about, what change of
 * it counts (a state attribute changing, or the resource being created), how Apple names the
 * attributes of the payload, and how to get from the resource to its app (webhooks belong to an
 * app).
 *
 * @param eventType Apple's {@code WebhookEventType}, e.g. {@code APP_STORE_VERSION_APP_VERSION_STATE_UPDATED}
 * @param resourceType the payload's {@code instance}, e.g. {@code appStoreVersions}
 * @param state for a state event, the attribute whose change it reports; empty for a created event
 * @param withTimestamp whether the payload carries a {@code timestamp} attribute
 * @param flatInstance whether Apple puts {@code type}, {@code id} and {@code links} directly on
 *     {@code instance} (its background-asset examples) instead of under {@code instance.data}
 * @param pathsToApp ways from the resource to its app, tried in order
 */
record WebhookTrigger(
    String eventType,
    String resourceType,
    Optional<StateChange> state,
    boolean withTimestamp,
    boolean flatInstance,
    List<List<Hop>> pathsToApp) {

  WebhookTrigger {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(state, "state");
    pathsToApp = pathsToApp.stream().map(List::copyOf).toList();
  }

  /**
   * The attribute a state event watches and the names Apple gives its old and new value.
   *
   * @param path the attribute, then the members of nested objects ({@code state}, {@code state}
   *     for {@code buildUploads.state.state})
   */
  record StateChange(List<String> path, String oldName, String newName) {
    StateChange {
      path = List.copyOf(path);
      if (path.isEmpty()) {
        throw new IllegalArgumentException("a state change names an attribute");
      }
    }
  }

  /** One step from a resource to a related one. */
  sealed interface Hop {}

  /** Follow the resource's own relationship, e.g. {@code app} of {@code appStoreVersions}. */
  record Forward(String relationship) implements Hop {}

  /**
   * Find the resources of {@code type} whose {@code relationship} holds this one (a relationship
   * only the other side declares, e.g. {@code apps.buildUploads}).
   */
  record Backward(String type, String relationship) implements Hop {}
}
