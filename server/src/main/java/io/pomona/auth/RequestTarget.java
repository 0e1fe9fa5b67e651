package io.pomona.auth;

import java.util.List;
import java.util.Objects;

/** The request as scope matching sees it: method, path and the selecting query parameters. */
record RequestTarget(String method, ApiPath path, List<QueryParameter> query) {

  /**
   * @param rawQuery the query string without {@code ?}; {@code null} or empty when there is none
   */
  static RequestTarget of(String method, String path, String rawQuery) {
    return new RequestTarget(
        Objects.requireNonNullElse(method, ""),
        ApiPath.parse(Objects.requireNonNullElse(path, "")),
        QueryParameter.forScope(Objects.requireNonNullElse(rawQuery, "")));
  }
}
