package io.pomona.engine;

import java.util.Arrays;
import java.util.Map;

/**
 * An operation's answer: status, content type (null without body), body and extra headers.
 *
 * <p>The body is the first {@code length} bytes of {@code buffer}: a large document is handed
 * over in the buffer it was written into rather than copied to its exact size (a copy of a
 * 268 KB list per request, JFR). {@code release}, when not null, is run once the body has been
 * sent (or the sending failed): the buffer may then be reused, so nothing may keep it.
 */
public record Reply(int status, String contentType, byte[] buffer, int length, Map<String, String> headers,
    Runnable release) {
  static final String JSON = "application/json";

  public Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    this(status, contentType, body, body.length, headers, null);
  }

  /** The body at its exact size (a copy when the buffer is longer). */
  public byte[] body() {
    return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
  }

  static Reply json(int status, byte[] body) {
    return new Reply(status, JSON, body, Map.of());
  }

  static Reply json(int status, JsonBytes.Finished document) {
    return new Reply(status, JSON, document.buffer(), document.length(), Map.of(), document::recycle);
  }

  static Reply noContent() {
    return new Reply(204, null, new byte[0], Map.of());
  }
}
