package io.pomona.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One understood entry of a token's {@code scope}, such as {@code GET
 * /v1/apps?filter[platform]=IOS}.
 */
record ScopeEntry(String method, ApiPath path, List<QueryParameter> query) {

  /**
   * Reads {@code "<METHOD> <path>[?<query>]"}. Anything else is not understood; such an entry
   * matches no request, so it can never widen what a token may do.
   */
  static Optional<ScopeEntry> parse(String entry) {
    String text = entry.strip();
    int space = text.indexOf(' ');
    if (space <= 0) {
      return Optional.empty();
    }
    String method = text.substring(0, space);
    String target = text.substring(space + 1).strip();
    if (!method.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
        || !target.startsWith("/")
        || target.chars().anyMatch(Character::isWhitespace)) {
      return Optional.empty();
    }
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    return Optional.of(
        new ScopeEntry(
            method.toUpperCase(Locale.ROOT), ApiPath.parse(path), QueryParameter.forScope(query)));
  }

  /** Same method, same path (see {@link ApiPath#admits}), same parameters in any order. */
  boolean matches(RequestTarget request) {
    return method.equals(request.method())
        && path.admits(request.path())
        && query.equals(request.query());
  }

  /** A read of a resource that long-lived tokens may reach. */
  boolean allowsLongLifetime() {
    return method.equals("GET") && LongLivedScopes.covers(path);
  }
}
