package io.pomona.engine;

import java.util.StringJoiner;

/** Absolute URLs of a request, for {@code links.self} and {@code links.next}. */
final class Links {
  private Links() {}

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
    return baseUrl + path + "?" + query;
  }
}
