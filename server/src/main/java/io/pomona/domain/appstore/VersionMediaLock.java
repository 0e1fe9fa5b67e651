package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.WriteContext;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A version's media change only while the version is editable (App Store Connect Help: a version
 * waiting for review refuses every change, media included; api-facts.md §6.2): a client's create,
 * update or delete of a screenshot or preview set, a screenshot, a preview or a routing coverage
 * that belongs to a version in another state is a 409 naming the version. Media of custom product
 * pages and experiments follow their own resources' states, not a version's.
 */
public final class VersionMediaLock implements Behaviour {
  /** One step from a resource to the one it belongs to: the to-one relationship and its type. */
  private record Hop(String relationship, String type) {}

  private static final Hop LOCALIZATION = new Hop("appStoreVersionLocalization", "appStoreVersionLocalizations");
  private static final Hop VERSION = new Hop("appStoreVersion", AppStoreVersionRules.TYPE);

  /** The way from each media type up to its version. */
  private static final Map<String, List<Hop>> TO_VERSION = Map.of(
      "appScreenshotSets", List.of(LOCALIZATION, VERSION),
      "appPreviewSets", List.of(LOCALIZATION, VERSION),
      "appScreenshots", List.of(new Hop("appScreenshotSet", "appScreenshotSets"), LOCALIZATION, VERSION),
      "appPreviews", List.of(new Hop("appPreviewSet", "appPreviewSets"), LOCALIZATION, VERSION),
      "routingAppCoverages", List.of(VERSION));

  @Override
  public Set<String> resourceTypes() {
    return TO_VERSION.keySet();
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT) {
      return;
    }
    List<Hop> hops = TO_VERSION.get(ctx.type());
    Optional<String> id = Related.toOneId(ctx, hops.get(0).relationship());
    String type = hops.get(0).type();
    for (Hop hop : hops.subList(1, hops.size())) {
      String from = type;
      id = id.flatMap(current -> Related.one(ctx.resources(), from, current, hop.relationship()))
          .map(resource -> resource.id());
      type = hop.type();
    }
    Optional<String> versionId = id;
    Optional<String> state = versionId.flatMap(version -> ctx.resources().get(AppStoreVersionRules.TYPE, version))
        .flatMap(version -> Related.text(version, "appVersionState"));
    if (versionId.isEmpty() || VersionStates.editable(state)) {
      return;
    }
    String pointer = switch (ctx.kind()) {
      case CREATE -> "/data/relationships/" + hops.get(0).relationship();
      case UPDATE -> "/data";
      case DELETE -> "/data/id";
    };
    throw new ApiException(Errors.entityStateInvalid(pointer, AppStoreVersionRules.TYPE, versionId.get())
        .withDetail("The appStoreVersions '" + versionId.get() + "' is " + state.orElse("?") + "; its media can"
            + " change only while it is editable."));
  }
}
