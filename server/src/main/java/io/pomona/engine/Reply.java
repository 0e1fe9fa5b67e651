package io.pomona.engine;

import java.util.Map;

/** An operation's answer: status, content type (null without body), body and extra headers. */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json";

  static Reply json(int status, byte[] body) {
    return new Reply(status, JSON, body, Map.of());
  }

  static Reply noContent() {
    return new Reply(204, null, new byte[0], Map.of());
  }
}
