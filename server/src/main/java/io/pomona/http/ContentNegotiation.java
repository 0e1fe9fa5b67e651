package io.pomona.http;

import io.pomona.catalog.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the content type of an answer from the request's {@code Accept} header among those the
 * operation offers: its own ({@code application/json}) and its alternatives ({@code text/csv} for
 * the price point lists, OpenAPI 4.4.1). Media ranges are tried by quality, then in the order sent;
 * a wildcard takes the operation's own type.
 *
 * <p>Inf: what Apple answers to an {@code Accept} it cannot satisfy is unknown; Pomona answers in
 * the operation's own type rather than 406, so a client sending a stray header keeps working.
 */
final class ContentNegotiation {
  private ContentNegotiation() {}

  static String choose(Optional<String> accept, Operation operation) {
    String own = operation.contentType();
    if (accept.isEmpty() || own == null || operation.alternativeContentTypes().isEmpty()) {
      return own;
    }
    for (MediaRange range : ranges(accept.get())) {
      if (range.type().equals(own) || range.type().equals("*/*") || range.matchesSubtypeWildcard(own)) {
        return own;
      }
      for (String alternative : operation.alternativeContentTypes()) {
        if (range.type().equals(alternative) || range.matchesSubtypeWildcard(alternative)) {
          return alternative;
        }
      }
    }
    return own;
  }

  /** The header's media ranges, best quality first (ties keep the order sent); q=0 ones dropped. */
  private static List<MediaRange> ranges(String header) {
    List<MediaRange> ranges = new ArrayList<>();
    for (String part : header.split(",")) {
      String[] pieces = part.split(";");
      String type = pieces[0].trim().toLowerCase(Locale.ROOT);
      double quality = 1;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].trim();
        if (parameter.startsWith("q=")) {
          quality = quality(parameter.substring(2));
        }
      }
      if (!type.isEmpty() && quality > 0) {
        ranges.add(new MediaRange(type, quality));
      }
    }
    ranges.sort(Comparator.comparingDouble(MediaRange::quality).reversed());
    return ranges;
  }

  private static double quality(String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException malformed) {
      return 1; // a malformed weight counts as none given (RFC 9110 §12.4.2 default)
    }
  }

  private record MediaRange(String type, double quality) {
    boolean matchesSubtypeWildcard(String concrete) {
      return type.endsWith("/*") && concrete.startsWith(type.substring(0, type.length() - 1));
    }
  }
}
