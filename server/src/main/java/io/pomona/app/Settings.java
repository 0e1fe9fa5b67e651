package io.pomona.app;

import io.pomona.auth.AuthSettings;
import io.pomona.behaviour.Policy;
import io.pomona.sim.Policies;
import io.pomona.sim.webhooks.WebhookDelivery;
import io.pomona.store.postgres.PostgresSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 * @param policies progression policies of simulated processes by process name ({@code *}: every
 *     process), overriding their defaults and what an operator set before a restart
 * @param webhooks how webhook deliveries are sent: poll interval, sender threads, retries, timeouts
 * @param admin how the admin API is served (on, off, its own address, its token)
 * @param postgres the PostgreSQL database to use instead of SQLite in the data directory
 */
public record Settings(
    String host,
    int port,
    Path dataDirectory,
    URI publicUrl,
    long maxBodyBytes,
    AuthSettings auth,
    boolean authenticate,
    Map<String, Policy> policies,
    WebhookDelivery.Settings webhooks,
    AdminSettings admin,
    Optional<PostgresSettings> postgres) {

  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

  public Settings {
    policies = Map.copyOf(policies);
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(postgres, "postgres");
  }

  /**
   * Defaults for a server on a free port with the given data directory (tests use this). Every
   * simulated process is manual, so that nothing moves on its own while a test runs; a test that
   * wants automatic progression sets it ({@link #withPolicies}) and drives the simulated clock.
   */
  public static Settings forTests(Path dataDirectory) {
    return new Settings("127.0.0.1", 0, dataDirectory, null, DEFAULT_MAX_BODY_BYTES, AuthSettings.defaults(), true,
        Map.of(Policies.EVERY_PROCESS, Policy.manual()), WebhookDelivery.Settings.DEFAULT, AdminSettings.defaults(),
        Optional.empty());
  }

  public Settings withAuth(AuthSettings newAuth) {
    return new Settings(host, port, dataDirectory, publicUrl, maxBodyBytes, newAuth, authenticate, policies, webhooks,
        admin, postgres);
  }

  public Settings withMaxBodyBytes(long newMaxBodyBytes) {
    return new Settings(host, port, dataDirectory, publicUrl, newMaxBodyBytes, auth, authenticate, policies, webhooks,
        admin, postgres);
  }

  public Settings withPolicies(Map<String, Policy> newPolicies) {
    return new Settings(host, port, dataDirectory, publicUrl, maxBodyBytes, auth, authenticate, newPolicies, webhooks,
        admin, postgres);
  }

  public Settings withWebhooks(WebhookDelivery.Settings newWebhooks) {
    return new Settings(host, port, dataDirectory, publicUrl, maxBodyBytes, auth, authenticate, policies, newWebhooks,
        admin, postgres);
  }

  public Settings withAdmin(AdminSettings newAdmin) {
    return new Settings(host, port, dataDirectory, publicUrl, maxBodyBytes, auth, authenticate, policies, webhooks,
        newAdmin, postgres);
  }

  /** These settings with the data in a PostgreSQL database (the data directory keeps key files). */
  public Settings withPostgres(PostgresSettings database) {
    return new Settings(host, port, dataDirectory, publicUrl, maxBodyBytes, auth, authenticate, policies, webhooks,
        admin, Optional.of(database));
  }
}
