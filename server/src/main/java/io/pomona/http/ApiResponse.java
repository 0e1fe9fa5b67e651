package io.pomona.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response the pipeline produces: status, headers, and the body with its content type (no
 * body for 204/202). The body is the first {@code length} bytes of {@code buffer}; {@code
 * release}, when not null, runs once it has been sent (see {@link io.pomona.engine.Reply}).
 */
public record ApiResponse(int status, Map<String, String> headers, String contentType, byte[] buffer, int length,
    Runnable release) {
  public static final String JSON = "application/json";

  public ApiResponse(int status, Map<String, String> headers, String contentType, byte[] body) {
    this(status, headers, contentType, body, body.length, null);
  }

  public static ApiResponse json(int status, byte[] body) {
    return new ApiResponse(status, new LinkedHashMap<>(), JSON, body);
  }

  public static ApiResponse empty(int status) {
    return new ApiResponse(status, new LinkedHashMap<>(), null, new byte[0]);
  }

  /** The body at its exact size (a copy when the buffer is longer). */
  public byte[] body() {
    return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
  }

  public ApiResponse withHeader(String name, String value) {
    if (headers.isEmpty()) {
      // The usual case (the rate-limit header on a plain answer): no map to copy.
      return new ApiResponse(status, Map.of(name, value), contentType, buffer, length, release);
    }
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, copy, contentType, buffer, length, release);
  }
}
