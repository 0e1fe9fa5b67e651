package io.pomona.auth;

import java.util.List;
import java.util.Optional;

/**
 * A request or scope path, percent-decoded, without a trailing slash, split into its version
 * prefix ({@code v1}) and the resource path after it ({@code /apps/123}).
 */
record ApiPath(Optional<String> version, String resourcePath) {

  static ApiPath parse(String rawPath) {
    String path = PercentDecoding.decode(rawPath, false);
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.startsWith("/v")) {
      int end = path.indexOf('/', 2);
      String digits = end < 0 ? path.substring(2) : path.substring(2, end);
      if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return new ApiPath(Optional.of("v" + digits), end < 0 ? "" : path.substring(end));
      }
    }
    return new ApiPath(Optional.empty(), path);
  }

  /** The segments after the version: {@code [apps, 123, builds]}. */
  List<String> segments() {
    String trimmed = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }

  /**
   * Whether a scope entry's path names the requested path. An entry without a version matches the
   * request under any version: clients observed Apple refusing {@code /v1} entries and accepting
   * unversioned ones (api-facts.md §1), so both forms are honoured.
   */
  boolean admits(ApiPath requested) {
    return (version.isEmpty() || version.equals(requested.version))
        && resourcePath.equals(requested.resourcePath);
  }
}
