package io.pomona.domain.appstore;

import io.pomona.behaviour.WriteContext;
import io.pomona.error.ApiError;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.util.Optional;

/**
 * Which build a version may take (issue 7; App Store Connect Help "choose a build"): one that
 * finished processing as {@code VALID}, has not expired, belongs to the version's app and was built
 * for its platform (the build's pre-release version names the platform). Anything else is a 409
 * {@code ENTITY_ERROR.RELATIONSHIP.INVALID} at {@code /data/relationships/build} — also for the
 * relationship endpoint, whose body has the linkage at {@code /data}: the hook cannot tell the two
 * requests apart, and the relationship's name is what a client needs to see.
 */
final class BuildFit {
  static final String POINTER = "/data/relationships/build";

  private BuildFit() {}

  static Optional<ApiError> problem(WriteContext ctx, String buildId, Optional<String> appId, Optional<String> platform) {
    Optional<StoredResource> found = ctx.resources().get("builds", buildId);
    if (found.isEmpty()) {
      return Optional.empty(); // the engine answers for a build that does not exist
    }
    StoredResource build = found.get();
    Optional<String> state = Related.text(build, "processingState");
    if (!state.equals(Optional.of("VALID"))) {
      return invalid("The build '" + buildId + "' is " + state.orElse("not processed")
          + "; only a VALID build can be chosen for a version.");
    }
    if (Boolean.TRUE.equals(build.attributes().get("expired"))) {
      return invalid("The build '" + buildId + "' has expired and cannot be chosen for a version.");
    }
    Optional<String> buildApp = Related.one(ctx.resources(), "builds", buildId, "app").map(StoredResource::id);
    if (appId.isPresent() && !buildApp.equals(appId)) {
      return invalid("The build '" + buildId + "' belongs to another app.");
    }
    Optional<String> buildPlatform = Related.one(ctx.resources(), "builds", buildId, "preReleaseVersion")
        .flatMap(pre -> Related.text(pre, "platform"));
    if (platform.isPresent() && buildPlatform.isPresent() && !platform.equals(buildPlatform)) {
      return invalid("The build '" + buildId + "' was built for " + buildPlatform.get() + ", not for "
          + platform.get() + ".");
    }
    return Optional.empty();
  }

  private static Optional<ApiError> invalid(String detail) {
    return Optional.of(Errors.relationshipInvalid(POINTER, detail));
  }
}
