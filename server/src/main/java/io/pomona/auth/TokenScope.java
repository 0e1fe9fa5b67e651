package io.pomona.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * A token's {@code scope} claim: the entries as sent, and the ones understood.
 *
 * <p>An empty array is a scope that matches nothing: the documented rule is "when a scope is
 * present and no entry matches, the request is rejected", and reading {@code []} as "no scope"
 * would turn a restriction into full access.
 */
record TokenScope(List<String> entries, List<ScopeEntry> understood) {

  TokenScope {
    entries = List.copyOf(entries);
    understood = List.copyOf(understood);
  }

  static TokenScope of(List<String> entries) {
    List<ScopeEntry> understood = new ArrayList<>(entries.size());
    for (String entry : entries) {
      ScopeEntry.parse(entry).ifPresent(understood::add);
    }
    return new TokenScope(entries, understood);
  }

  boolean permits(RequestTarget request) {
    for (ScopeEntry entry : understood) {
      if (entry.matches(request)) {
        return true;
      }
    }
    return false;
  }

  /** Every entry understood, and each a GET of a long-lived resource; see {@link LongLivedScopes}. */
  boolean allowsLongLifetime() {
    return !entries.isEmpty()
        && understood.size() == entries.size()
        && understood.stream().allMatch(ScopeEntry::allowsLongLifetime);
  }
}
