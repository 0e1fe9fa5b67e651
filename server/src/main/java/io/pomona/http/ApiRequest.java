package io.pomona.http;

import java.util.Optional;

/**
 * An HTTP request as the pipeline sees it, free of any web framework.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path, e.g. {@code /v1/apps/123}
 * @param rawQuery the query string as sent (without {@code ?}), or empty
 * @param headers the request's headers, looked up by name when asked (the pipeline reads two or
 *     three of them, so none is copied up front)
 * @param body the body bytes (empty when none), already bounded by the size limit
 */
public record ApiRequest(String method, String path, String rawQuery, Headers headers, byte[] body) {

  /** The first value of a header, by name in any case; empty when the request has none. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.first(name));
  }

  /** The request URL's path and query, as a client would quote it. */
  public String pathAndQuery() {
    return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
  }

  /** Request headers by name, compared without regard to case (RFC 9110 §5.1). */
  @FunctionalInterface
  public interface Headers {
    /** The first value of the named header, or null. */
    String first(String name);
  }
}
