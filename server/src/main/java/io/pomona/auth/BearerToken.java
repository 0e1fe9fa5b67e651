package io.pomona.auth;

/** Takes the compact JWS out of an {@code Authorization} header value. */
final class BearerToken {

  /** Far above any real token (a long scope list included); caps the work a header can cause. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private BearerToken() {}

  /**
   * @param authorizationHeader the header value; {@code null} or blank when the request had none
   * @return the credentials after the scheme, at most {@link #MAX_TOKEN_LENGTH} characters
   */
  static String extract(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.isBlank()) {
      throw Rejection.MISSING_CREDENTIALS.exception();
    }
    String value = authorizationHeader.strip();
    int gap = firstWhitespace(value);
    // The scheme is case-insensitive (RFC 9110 §11.1); "Bearer" alone carries no token.
    if (gap < 0 || !value.substring(0, gap).equalsIgnoreCase("Bearer")) {
      throw Rejection.NOT_BEARER.exception();
    }
    String token = value.substring(gap).strip();
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw Rejection.MALFORMED_TOKEN.exception();
    }
    return token;
  }

  /**
   * Refuses anything but three non-empty Base64URL segments: unsigned tokens ({@code a.b.}),
   * padding, whitespace. Needed only before parsing; a cached token passed it already.
   */
  static void requireCompactJws(String token) {
    if (!isCompactJws(token)) {
      throw Rejection.MALFORMED_TOKEN.exception();
    }
  }

  private static int firstWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isCompactJws(String token) {
    int dots = 0;
    int segmentLength = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        if (segmentLength == 0) {
          return false;
        }
        dots++;
        segmentLength = 0;
      } else if (isBase64Url(c)) {
        segmentLength++;
      } else {
        return false;
      }
    }
    return dots == 2 && segmentLength > 0;
  }

  private static boolean isBase64Url(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }
}
