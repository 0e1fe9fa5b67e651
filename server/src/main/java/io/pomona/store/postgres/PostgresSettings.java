package io.pomona.store.postgres;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the PostgreSQL store connects: a JDBC URL, with the user and password either inside it
 * ({@code ?user=...&password=...}) or given apart. The schema is the URL's {@code currentSchema}
 * (else {@code public}); it must exist, and Pomona creates its tables there.
 *
 * <p>People also write the libpq form that {@code psql} and most hosting providers print ({@code
 * postgresql://user:password@host:port/database?...}); {@link #parse} turns it into the JDBC form,
 * so that either can be pasted into {@code --database-url}.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host[:port]/database[?parameters]}
 * @param user overrides a user in the URL
 * @param password overrides a password in the URL
 */
public record PostgresSettings(String jdbcUrl, Optional<String> user, Optional<String> password) {
  private static final String JDBC_PREFIX = "jdbc:postgresql://";
  private static final String[] LIBPQ_PREFIXES = {"postgresql://", "postgres://"};
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)[^&]*");
  private static final Pattern PASSWORD_IN_AUTHORITY = Pattern.compile("(://[^:/@?]*:)[^@/?]*@");

  public PostgresSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
      throw new IllegalArgumentException(
          "a PostgreSQL database URL starts with " + JDBC_PREFIX + ", was " + redact(jdbcUrl));
    }
  }

  /** Settings whose user and password, if any, are in the URL (JDBC or libpq form). */
  public static PostgresSettings of(String url) {
    return parse(url, Optional.empty(), Optional.empty());
  }

  /**
   * Settings from a URL in the JDBC form ({@code jdbc:postgresql://...}) or the libpq form ({@code
   * postgresql://} or {@code postgres://}, user and password percent-encoded before the {@code @}).
   * A user or password given apart wins over one in the URL.
   *
   * @throws IllegalArgumentException for any other URL; the message never shows the password
   */
  public static PostgresSettings parse(String url, Optional<String> user, Optional<String> password) {
    Objects.requireNonNull(url, "url");
    for (String prefix : LIBPQ_PREFIXES) {
      if (url.startsWith(prefix)) {
        return fromLibpq(url, url.substring(prefix.length()), user, password);
      }
    }
    if (!url.startsWith(JDBC_PREFIX)) {
      throw new IllegalArgumentException(
          "a PostgreSQL database URL starts with " + JDBC_PREFIX + " or postgresql://, was " + redact(url));
    }
    return new PostgresSettings(url, user, password);
  }

  private static PostgresSettings fromLibpq(
      String url, String afterScheme, Optional<String> user, Optional<String> password) {
    int pathStart = indexOfAny(afterScheme, '/', '?');
    String authority = pathStart < 0 ? afterScheme : afterScheme.substring(0, pathStart);
    String rest = pathStart < 0 ? "" : afterScheme.substring(pathStart);
    int at = authority.lastIndexOf('@');
    Optional<String> userInUrl = Optional.empty();
    Optional<String> passwordInUrl = Optional.empty();
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      userInUrl = Optional.of(percentDecode(colon < 0 ? userInfo : userInfo.substring(0, colon), url))
          .filter(name -> !name.isEmpty());
      passwordInUrl = colon < 0 ? Optional.empty() : Optional.of(percentDecode(userInfo.substring(colon + 1), url));
    }
    // libpq reads an empty host as "the local Unix socket"; the JDBC driver speaks TCP only, and
    // localhost is the nearest equivalent.
    String hosts = authority.isEmpty() ? "localhost" : authority;
    String pathAndQuery = rest.startsWith("/") ? rest : "/" + rest;
    return new PostgresSettings(
        JDBC_PREFIX + hosts + pathAndQuery,
        user.isPresent() ? user : userInUrl,
        password.isPresent() ? password : passwordInUrl);
  }

  private static int indexOfAny(String text, char first, char second) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == first || text.charAt(i) == second) {
        return i;
      }
    }
    return -1;
  }

  /** RFC 3986 percent-decoding (unlike URLDecoder, '+' stays a plus, as libpq reads it). */
  private static String percentDecode(String text, String url) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      int c = text.codePointAt(i);
      if (c != '%') {
        bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c) - 1;
        continue;
      }
      int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
      int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
      if (low < 0) {
        throw new IllegalArgumentException(
            "a '%' in the user or password of a database URL starts two hex digits: " + redact(url));
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
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
    String withoutParameter = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    return PASSWORD_IN_AUTHORITY.matcher(withoutParameter).replaceAll("$1***@");
  }
}
