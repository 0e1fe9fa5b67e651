package io.pomona.http;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A file served to anyone by {@code GET} at a fixed path outside Apple's namespace (under {@code
 * /_pomona/}), without a token: public material an operator hands to users, such as the CA
 * certificates that let them build a trust chain for Pomona-issued certificates and profiles.
 */
public record PublicDownload(String path, String contentType, Supplier<byte[]> content) {
  public static final String PREFIX = "/_pomona/";

  public PublicDownload {
    Objects.requireNonNull(content, "content");
    if (!path.startsWith(PREFIX)) {
      throw new IllegalArgumentException("public downloads live under " + PREFIX + ": " + path);
    }
  }

  ApiResponse response() {
    return new ApiResponse(200, java.util.Map.of(), contentType, content.get());
  }
}
