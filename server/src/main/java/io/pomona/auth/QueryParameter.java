package io.pomona.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** One decoded query parameter, for order-insensitive comparison of scope entries and requests. */
record QueryParameter(String name, String value) {

  /** Apple's scope matching ignores these (api-facts.md §1): they page and order, not select. */
  static final Set<String> IGNORED_IN_SCOPE = Set.of("limit", "cursor", "sort");

  private static final Comparator<QueryParameter> ORDER =
      Comparator.comparing(QueryParameter::name).thenComparing(QueryParameter::value);

  /**
   * The parameters of a raw query string (without the {@code ?}), decoded, without the ignored
   * ones, in a canonical order; so that equal lists mean the same selection.
   *
   * @param rawQuery the query as sent; empty when there is none
   */
  static List<QueryParameter> forScope(String rawQuery) {
    List<QueryParameter> parameters = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = PercentDecoding.decode(equals < 0 ? pair : pair.substring(0, equals), true);
      String value = equals < 0 ? "" : PercentDecoding.decode(pair.substring(equals + 1), true);
      if (!IGNORED_IN_SCOPE.contains(name)) {
        parameters.add(new QueryParameter(name, value));
      }
    }
    parameters.sort(ORDER);
    return List.copyOf(parameters);
  }
}
