package io.pomona.domain.testflight;

import io.pomona.behaviour.ResourceAccess;
import io.pomona.store.StoredResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An app has one pre-release version per version string and platform; builds share it. */
final class PreReleaseVersions {
  private PreReleaseVersions() {}

  /** The id of the app's pre-release version {@code version} on {@code platform}, created when missing. */
  static String findOrCreate(ResourceAccess resources, String appId, String version, String platform) {
    for (StoredResource candidate : resources.find("preReleaseVersions",
        Map.of("version", version, "platform", platform), 1000)) {
      boolean sameApp = resources.related("preReleaseVersions", candidate.id(), "app", 1).stream()
          .anyMatch(app -> app.id().equals(appId));
      if (sameApp) {
        return candidate.id();
      }
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("version", version);
    attributes.put("platform", platform);
    return resources.create("preReleaseVersions", Optional.empty(), attributes, Map.of("app", List.of(appId))).id();
  }
}
