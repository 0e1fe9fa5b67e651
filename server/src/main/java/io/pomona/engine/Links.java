package io.pomona.engine;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Absolute URLs of a request, for {@code links.self} and {@code links.next}. They are valid URIs
 * (the spec's {@code uri-reference}): the path is re-encoded, and characters a query may not hold
 * as they are, such as the raw brackets clients send in {@code filter[app]}, are percent-encoded
 * (api-facts.md §15: both spellings mean the same).
 */
final class Links {
  private static final String HEX = "0123456789ABCDEF";

  private Links() {}

  /** The request URL: {@code baseUrl}, the decoded {@code path}, and the query as sent. */
  static String request(String baseUrl, String path, String rawQuery) {
    String url = baseUrl + encodePath(path);
    return rawQuery.isEmpty() ? url : url + "?" + encodeQuery(rawQuery);
  }

  /**
   * The request URL with {@code cursor} set to {@code cursor}: the other parameters are kept as
   * sent (clients follow {@code next} verbatim, api-facts.md §4 and §15).
   */
  static String withCursor(String baseUrl, String path, String rawQuery, String cursor) {
    StringJoiner query = new StringJoiner("&");
    if (!rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
        if (!pair.isEmpty() && !name.equals("cursor")) {
          query.add(pair);
        }
      }
    }
    query.add("cursor=" + cursor);
    return request(baseUrl, path, query.toString());
  }

  /** A decoded path as a URI path: every character outside RFC 3986 {@code pchar} and "/" encoded. */
  static String encodePath(String path) {
    if (needsNoEncoding(path)) {
      return path; // the usual case (ids are UUIDs or Apple-style tokens): nothing to copy
    }
    StringBuilder out = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (c == '/' || isPathCharacter(c)) {
        out.append(c);
      } else {
        percent(out, b);
      }
    }
    return out.toString();
  }

  /** A raw query with its existing escapes kept and every character a URI query may not hold encoded. */
  static String encodeQuery(String rawQuery) {
    byte[] bytes = rawQuery.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (int i = 0; i < bytes.length; i++) {
      char c = (char) (bytes[i] & 0xFF);
      boolean escape = c == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]);
      if (escape || c == '/' || c == '?' || isPathCharacter(c)) {
        out.append(c);
      } else {
        percent(out, bytes[i]);
      }
    }
    return out.toString();
  }

  private static boolean needsNoEncoding(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c != '/' && !isPathCharacter(c)) {
        return false;
      }
    }
    return true;
  }

  /** RFC 3986 {@code pchar} less pct-encoded: unreserved, sub-delims, ":" and "@". */
  private static boolean isPathCharacter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
  }

  private static boolean isHex(byte b) {
    return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
  }

  private static void percent(StringBuilder out, byte b) {
    out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
  }
}
