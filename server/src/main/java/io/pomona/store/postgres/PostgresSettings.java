package io.pomona.store.postgres;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the PostgreSQL store connects: a JDBC URL, with the user and password either inside it
 * ({@code ?user=...&password=...}) or given apart. The schema is the URL's {@code currentSchema}
 * (else {@code public}); it must exist, and Pomona creates its tables there.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host[:port]/database[?parameters]}
 * @param user overrides a user in the URL
 * @param password overrides a password in the URL
 */
public record PostgresSettings(String jdbcUrl, Optional<String> user, Optional<String> password) {
  private static final String PREFIX = "jdbc:postgresql:";
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)([?&]password=)[^&]*");

  public PostgresSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!jdbcUrl.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "a PostgreSQL database URL starts with " + PREFIX + ", was " + redact(jdbcUrl));
    }
  }

  /** Settings whose user and password, if any, are in the URL. */
  public static PostgresSettings of(String jdbcUrl) {
    return new PostgresSettings(jdbcUrl, Optional.empty(), Optional.empty());
  }

  /** The URL with any password replaced by {@code ***}: safe for logs and error messages. */
  public String redactedUrl() {
    return redact(jdbcUrl);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "PostgresSettings[jdbcUrl="
        + redactedUrl()
        + ", user="
        + user.orElse("(from URL)")
        + ", password="
        + (password.isPresent() ? "***" : "(from URL)")
        + "]";
  }

  private static String redact(String url) {
    return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
  }
}
