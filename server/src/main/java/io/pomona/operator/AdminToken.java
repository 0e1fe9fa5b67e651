package io.pomona.operator;

import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret that guards the admin API. Generated once (32 random bytes, base64url) into {@value
 * #FILE_NAME} in the data directory, readable by its owner only, so that the CLI on the same
 * machine finds it; or given explicitly ({@code --admin-token}, {@code POMONA_ADMIN_TOKEN}).
 */
public final class AdminToken {
  public static final String FILE_NAME = "admin-token";

  /** Short tokens are guessable; a generated one has 43 characters. */
  static final int SHORTEST = 16;

  private static final int RANDOM_BYTES = 32;

  private final byte[] secret;
  private final Optional<Path> file;

  private AdminToken(String secret, Optional<Path> file) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.file = file;
  }

  /**
   * A token chosen by configuration.
   *
   * @throws IllegalArgumentException if it is shorter than {@value #SHORTEST} characters or holds
   *     whitespace
   */
  public static AdminToken given(String token) {
    if (token.length() < SHORTEST || token.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "an admin token needs at least " + SHORTEST + " characters and no whitespace");
    }
    return new AdminToken(token, Optional.empty());
  }

  /** The token in the data directory's {@value #FILE_NAME}, generated there on first use. */
  public static AdminToken inDataDirectory(Path dataDirectory, SecureRandom random) {
    Path path = dataDirectory.resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDirectory);
      Optional<String> existing = read(path);
      if (existing.isPresent()) {
        return new AdminToken(existing.get(), Optional.of(path));
      }
      String token = generate(random);
      try {
        writeOwnerOnly(path, token);
      } catch (FileAlreadyExistsException raced) {
        // Another process wrote it between our read and our create: use theirs.
        return new AdminToken(read(path).orElseThrow(() -> new IllegalStateException(
            "the admin token file " + path + " appeared empty", raced)), Optional.of(path));
      }
      return new AdminToken(token, Optional.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the admin token " + path, e);
    }
  }

  /** The token a CLI finds in a data directory, if a server has generated one there. */
  public static Optional<String> readFrom(Path dataDirectory) {
    try {
      return read(dataDirectory.resolve(FILE_NAME));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the admin token in " + dataDirectory, e);
    }
  }

  /** Whether a presented token is this one, compared in constant time. */
  public boolean matches(String presented) {
    return MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks an {@code Authorization} header value ({@code Bearer <token>}).
   *
   * @throws ApiException 401 when it is missing, malformed or wrong
   */
  public void check(Optional<String> authorization) {
    String header = authorization.orElseThrow(() -> unauthorized("The admin API needs an 'Authorization: Bearer <admin token>' header."));
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || !matches(header.substring(7).strip())) {
      throw unauthorized("The admin token is not valid. Use the token `pomona serve` printed, or the one in the"
          + " data directory's " + FILE_NAME + " file.");
    }
  }

  /** The secret itself, to print at start-up. */
  public String value() {
    return new String(secret, StandardCharsets.UTF_8);
  }

  /** Where the token is kept, when it came from the data directory. */
  public Optional<Path> file() {
    return file;
  }

  private static ApiException unauthorized(String detail) {
    return new ApiException(new ApiError(401, "NOT_AUTHORIZED", "Authentication credentials are missing or invalid.",
        detail));
  }

  private static String generate(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Optional<String> read(Path path) throws IOException {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    String token = Files.readString(path, StandardCharsets.UTF_8).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** Creates the file owner-only before writing, so the secret is never readable by others. */
  private static void writeOwnerOnly(Path path, String token) throws IOException {
    boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (Files.exists(path)) {
      // An empty file left by an interrupted first start: tighten it, then fill it.
      if (posix) {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      }
    } else if (posix) {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      // No POSIX permissions here (Windows): the file inherits the data directory's ACL.
      Files.createFile(path);
    }
    Files.writeString(path, token + "\n", StandardCharsets.UTF_8);
  }
}
