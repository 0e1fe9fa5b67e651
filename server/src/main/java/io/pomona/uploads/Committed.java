package io.pomona.uploads;

import java.util.Locale;

/**
 * A committed upload: the file's size and checksums, computed from the bytes received. {@code
 * compositeMd5} is the MD5 of the parts' MD5 digests in order (Inf: the multipart form that S3
 * uses, which the {@code composite} member of Apple's {@code Checksums} most plausibly means).
 */
public record Committed(long size, String md5, String sha256, String compositeMd5) {

  /** The hex digest of an algorithm as Apple names it ({@code MD5}, {@code SHA_256}), if computed. */
  public java.util.Optional<String> digest(String algorithm) {
    return switch (algorithm) {
      case "MD5" -> java.util.Optional.of(md5);
      case "SHA_256" -> java.util.Optional.of(sha256);
      default -> java.util.Optional.empty();
    };
  }

  /** Whether a hex hash a client sent names this file (case does not matter). */
  public boolean matches(String algorithm, String hash) {
    return digest(algorithm).map(d -> d.equals(hash.strip().toLowerCase(Locale.ROOT))).orElse(false);
  }
}
