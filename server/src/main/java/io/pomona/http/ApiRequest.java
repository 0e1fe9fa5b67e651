package io.pomona.http;

import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the pipeline sees it, free of any web framework.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path, e.g. {@code /v1/apps/123}
 * @param rawQuery the query string as sent (without {@code ?}), or empty
 * @param headers request headers by lower-case name (first value)
 * @param body the body bytes (empty when none), already bounded by the size limit
 */
public record ApiRequest(
    String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

  public Optional<String> header(String lowerCaseName) {
    return Optional.ofNullable(headers.get(lowerCaseName));
  }

  /** The request URL's path and query, as a client would quote it. */
  public String pathAndQuery() {
    return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
  }
}
