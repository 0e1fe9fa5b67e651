package io.pomona.domain.appstore;

import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.store.StoredResource;
import java.util.List;
import java.util.Optional;

/** Reading relationships from behaviours: what a write sets, else what is stored. */
final class Related {
  /** Enough for every version of an app, every item of a submission, every set of a localization. */
  static final int MANY = 500;

  private Related() {}

  /** The id a to-one relationship holds after this write (set by it, or stored before). */
  static Optional<String> toOneId(WriteContext ctx, String relationship) {
    if (ctx.relationships().containsKey(relationship)) {
      return ctx.relationships().get(relationship).stream().findFirst();
    }
    if (ctx.kind() == WriteKind.CREATE) {
      return Optional.empty();
    }
    return one(ctx.resources(), ctx.type(), ctx.id(), relationship).map(StoredResource::id);
  }

  static Optional<StoredResource> one(ResourceAccess resources, String type, String id, String relationship) {
    return resources.related(type, id, relationship, 1).stream().findFirst();
  }

  static List<StoredResource> all(ResourceAccess resources, String type, String id, String relationship) {
    return resources.related(type, id, relationship, MANY);
  }

  /**
   * The id of a resource a behaviour derives from another (an automatic price of a schedule in a
   * territory): a name-based UUID, so the same derivation always gives the same id — demo data
   * stays deterministic, and nothing random runs in a behaviour.
   */
  static Optional<String> derivedId(String ownerId, String what) {
    return Optional.of(java.util.UUID.nameUUIDFromBytes((ownerId + "/" + what)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
  }

  static Optional<String> text(StoredResource resource, String attribute) {
    return resource.attributes().get(attribute) instanceof String value ? Optional.of(value) : Optional.empty();
  }
}
