package io.pomona.app;

import io.pomona.auth.AuthSettings;
import java.net.URI;
import java.nio.file.Path;

/**
 * Everything configurable, read once at start-up (from command-line options, which default to
 * {@code POMONA_*} environment variables).
 *
 * @param host the interface to listen on
 * @param port the port (0 picks a free one)
 * @param dataDirectory where the database and generated keys live
 * @param publicUrl the base of every absolute URL in documents, e.g. {@code http://127.0.0.1:8080}
 *     or the address a load balancer exposes
 * @param maxBodyBytes the largest request body accepted
 * @param auth token checks, token cache and rate limit
 * @param authenticate false only for the benchmark's unauthenticated baseline
 * @param admin how the admin API is served (on, off, its own address, its token)
 */
public record Settings(
    String host,
    int port,
    Path dataDirectory,
    URI publicUrl,
    long maxBodyBytes,
    AuthSettings auth,
    boolean authenticate,
    AdminSettings admin) {

  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

  /** Settings with the admin API on, on the API's port, with the data directory's token. */
  public Settings(String host, int port, Path dataDirectory, URI publicUrl, long maxBodyBytes, AuthSettings auth,
      boolean authenticate) {
    this(host, port, dataDirectory, publicUrl, maxBodyBytes, auth, authenticate, AdminSettings.defaults());
  }

  /** Defaults for a server on a free port with the given data directory (tests use this). */
  public static Settings forTests(Path dataDirectory) {
    return new Settings("127.0.0.1", 0, dataDirectory, null, DEFAULT_MAX_BODY_BYTES, AuthSettings.defaults(), true);
  }

  public Settings withAuth(AuthSettings newAuth) {
    return new Settings(host, port, dataDirectory, publicUrl, maxBodyBytes, newAuth, authenticate, admin);
  }

  public Settings withAdmin(AdminSettings newAdmin) {
    return new Settings(host, port, dataDirectory, publicUrl, maxBodyBytes, auth, authenticate, newAdmin);
  }
}
