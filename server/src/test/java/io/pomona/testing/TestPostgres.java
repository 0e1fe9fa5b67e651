package io.pomona.testing;

import io.pomona.store.postgres.PostgresSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL server the tests use, and a fresh schema in it per test.
 *
 * <p>The server is the one {@value #URL_VARIABLE} names ({@code postgresql://user:password@host:
 * port/database} or the {@code jdbc:postgresql://} form); its user must be allowed to create
 * schemas. {@code .ci/run} installs and starts one ({@code .ci/test-postgres}), so CI always runs
 * these tests. Without the variable, tests marked {@link Required} are skipped, saying so on
 * standard error and in the reports, so that a developer without PostgreSQL still gets a green
 * build and knows what it lacked. A variable naming a server that does not answer fails them: that
 * is a broken set-up, not a missing one.
 */
public final class TestPostgres {
  public static final String URL_VARIABLE = "POMONA_TEST_POSTGRES_URL";
  private static final String SCHEMA_PARAMETER = "currentSchema=";

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static final String RUN =
      Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  private static volatile boolean skipAnnounced;

  private TestPostgres() {}

  /**
   * Skips the annotated class or method, before any set-up of its runs, when there is no test
   * database; the reports list its tests as skipped, with the reason.
   */
  @Target({ElementType.TYPE, ElementType.METHOD})
  @Retention(RetentionPolicy.RUNTIME)
  @ExtendWith(Available.class)
  public @interface Required {}

  /** The condition behind {@link Required}. */
  public static final class Available implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return missingReason()
          .map(ConditionEvaluationResult::disabled)
          .orElseGet(() -> ConditionEvaluationResult.enabled(URL_VARIABLE + " is set"));
    }
  }

  /** A new, empty schema, and settings whose connections use it; skips the test if none. */
  public static PostgresSettings freshSchema() {
    PostgresSettings server = server();
    // A random part, so that schemas left behind by a killed run never collide with a new run's.
    String schema = "pomona_test_" + RUN + "_" + SCHEMAS.incrementAndGet();
    execute(server, "CREATE SCHEMA " + schema);
    String url = server.jdbcUrl();
    return new PostgresSettings(
        url + (url.contains("?") ? "&" : "?") + SCHEMA_PARAMETER + schema, server.user(), server.password());
  }

  /** Drops the schema of {@code settings} (made by {@link #freshSchema}) with everything in it. */
  public static void dropSchema(PostgresSettings settings) {
    execute(server(), "DROP SCHEMA IF EXISTS " + schemaOf(settings) + " CASCADE");
  }

  /** Runs one statement on a connection of its own. */
  public static void execute(PostgresSettings settings, String sql) {
    try (Connection connection = connect(settings);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run on the test database: " + sql, e);
    }
  }

  /** A plain JDBC connection (auto-commit) with the user and password of {@code settings}. */
  public static Connection connect(PostgresSettings settings) throws SQLException {
    Properties credentials = new Properties();
    settings.user().ifPresent(user -> credentials.setProperty("user", user));
    settings.password().ifPresent(password -> credentials.setProperty("password", password));
    return DriverManager.getConnection(settings.jdbcUrl(), credentials);
  }

  /**
   * The URL exactly as {@value #URL_VARIABLE} gives it, pointed at the schema of {@code settings}
   * (made by {@link #freshSchema}): what a person would pass to {@code --database-url}.
   */
  public static String givenUrl(PostgresSettings settings) {
    String given = givenUrl();
    return given + (given.contains("?") ? "&" : "?") + SCHEMA_PARAMETER + schemaOf(settings);
  }

  private static String schemaOf(PostgresSettings settings) {
    String url = settings.jdbcUrl();
    return url.substring(url.lastIndexOf(SCHEMA_PARAMETER) + SCHEMA_PARAMETER.length());
  }

  private static PostgresSettings server() {
    return PostgresSettings.of(givenUrl());
  }

  private static String givenUrl() {
    missingReason().ifPresent(Assumptions::abort);
    return System.getenv(URL_VARIABLE).strip();
  }

  /** Why the PostgreSQL tests cannot run, announced once per JVM; empty when they can. */
  private static java.util.Optional<String> missingReason() {
    String given = System.getenv(URL_VARIABLE);
    if (given != null && !given.isBlank()) {
      return java.util.Optional.empty();
    }
    String reason =
        "PostgreSQL store tests SKIPPED: no database (set "
            + URL_VARIABLE
            + ", e.g. with `eval \"$(.ci/test-postgres start)\"`)";
    if (!skipAnnounced) {
      skipAnnounced = true;
      System.err.println("*** " + reason);
    }
    return java.util.Optional.of(reason);
  }
}
