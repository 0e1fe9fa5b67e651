package io.pomona.testing;

import io.pomona.store.postgres.PostgresSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use, and a fresh schema in it per test.
 *
 * <p>The server is {@code POMONA_TEST_DATABASE_URL} when that is set (its user must be allowed to
 * create schemas), else an embedded PostgreSQL (zonky: real binaries from Maven Central, unpacked
 * and started once per JVM, so CI needs nothing installed; it runs as root too). It is created with
 * the C locale, so strings sort bytewise as in SQLite, and without fsync, since test data need not
 * survive a power cut.
 *
 * <p>If the server cannot be had, the tests fail, saying why: PostgreSQL support must not pass
 * unnoticed untested. Setting {@code POMONA_TEST_POSTGRES=skip} turns that into a skip (a JUnit
 * assumption), for machines that cannot run PostgreSQL at all; the reason is printed either way.
 */
public final class TestPostgres {
  public static final String URL_VARIABLE = "POMONA_TEST_DATABASE_URL";
  public static final String SKIP_VARIABLE = "POMONA_TEST_POSTGRES";

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static String serverUrl;
  private static RuntimeException unavailable;

  private TestPostgres() {}

  /** A new, empty schema, and settings whose connections use it. */
  public static PostgresSettings freshSchema() {
    String url = serverUrl();
    String schema = "pomona_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    execute(url, "CREATE SCHEMA " + schema);
    return PostgresSettings.of(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
  }

  /** Drops the schema of {@code settings} (made by {@link #freshSchema}) with everything in it. */
  public static void dropSchema(PostgresSettings settings) {
    String url = settings.jdbcUrl();
    String schema = url.substring(url.lastIndexOf("currentSchema=") + "currentSchema=".length());
    execute(serverUrl(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  /** Runs one statement as the test server's user. */
  public static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run on the test database: " + sql, e);
    }
  }

  private static synchronized String serverUrl() {
    if (serverUrl != null) {
      return serverUrl;
    }
    if (unavailable == null) {
      try {
        serverUrl = start();
        return serverUrl;
      } catch (IOException | RuntimeException e) {
        unavailable =
            new IllegalStateException(
                "PostgreSQL tests cannot run: the embedded PostgreSQL did not start ("
                    + e
                    + "). Set "
                    + URL_VARIABLE
                    + " to a database to test against, or "
                    + SKIP_VARIABLE
                    + "=skip to skip these tests.",
                e);
      }
    }
    System.err.println("*** " + unavailable.getMessage());
    if ("skip".equals(System.getenv(SKIP_VARIABLE))) {
      Assumptions.abort(unavailable.getMessage());
    }
    throw unavailable;
  }

  private static String start() throws IOException {
    String given = System.getenv(URL_VARIABLE);
    if (given != null && !given.isBlank()) {
      System.err.println("PostgreSQL tests run against " + PostgresSettings.of(given).redactedUrl());
      return given;
    }
    EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setLocaleConfig("locale", "C")
            .setLocaleConfig("encoding", "UTF8")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
            .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
            .start();
    // Stopped by the shutdown hook zonky registers.
    return server.getJdbcUrl("postgres", "postgres");
  }
}
