package io.pomona.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response the pipeline produces: status, headers, and the body with its content type (no
 * body for 204/202).
 */
public record ApiResponse(int status, Map<String, String> headers, String contentType, byte[] body) {
  public static final String JSON = "application/json";

  public static ApiResponse json(int status, byte[] body) {
    return new ApiResponse(status, new LinkedHashMap<>(), JSON, body);
  }

  public static ApiResponse empty(int status) {
    return new ApiResponse(status, new LinkedHashMap<>(), null, new byte[0]);
  }

  public ApiResponse withHeader(String name, String value) {
    if (headers.isEmpty()) {
      // The usual case (the rate-limit header on a plain answer): no map to copy.
      return new ApiResponse(status, Map.of(name, value), contentType, body);
    }
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, copy, contentType, body);
  }
}
