package io.pomona.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A request's query, parsed once and validated against its operation (Elide's projection idea):
 * what to select, how to order and page it, and what to render.
 *
 * @param filters {@code filter[key]=a,b} by key ({@code platform}, {@code app}, {@code id},
 *     {@code preReleaseVersion.version}); values are OR-ed, keys AND-ed
 * @param exists {@code exists[key]=true|false}
 * @param sort sort keys in order
 * @param fields sparse fieldsets by resource type
 * @param include include paths
 * @param limit page size, when given
 * @param relatedLimits {@code limit[rel]}: items per included to-many relationship
 * @param cursor the opaque cursor from a {@code links.next}, when given
 * @param custom the operation's other parameters (e.g. {@code granularity} on metrics)
 */
public record Query(
    Map<String, List<String>> filters,
    Map<String, Boolean> exists,
    List<Sort> sort,
    Map<String, Set<String>> fields,
    List<String> include,
    OptionalInt limit,
    Map<String, Integer> relatedLimits,
    Optional<String> cursor,
    Map<String, List<String>> custom) {

  public static final Query EMPTY =
      new Query(Map.of(), Map.of(), List.of(), Map.of(), List.of(), OptionalInt.empty(), Map.of(), Optional.empty(), Map.of());

  public Query {
    filters = Map.copyOf(filters);
    exists = Map.copyOf(exists);
    sort = List.copyOf(sort);
    fields = Map.copyOf(fields);
    include = List.copyOf(include);
    relatedLimits = Map.copyOf(relatedLimits);
    custom = Map.copyOf(custom);
  }

  /** One sort key: a field name, ascending unless {@code descending}. */
  public record Sort(String field, boolean descending) {}
}
