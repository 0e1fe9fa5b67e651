package io.pomona.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One global, read-only resource that every team sees (a territory, an app category, an Xcode
 * Cloud image), as written in its fixture file.
 *
 * @param type the resource type, e.g. {@code territories}
 * @param id the resource id, e.g. {@code USA}
 * @param attributes the attributes, shaped as the API renders them: strings, numbers, booleans,
 *     and nested unmodifiable maps and lists
 * @param relationships linkage by relationship name: the ids of the related resources, whose type
 *     the catalog knows (a to-one relationship holds zero or one id)
 */
public record ReferenceResource(
    String type, String id, Map<String, Object> attributes, Map<String, List<String>> relationships) {

  public ReferenceResource {
    attributes = frozenMap(attributes);
    Map<String, List<String>> links = new LinkedHashMap<>();
    relationships.forEach((name, ids) -> links.put(name, List.copyOf(ids)));
    relationships = Collections.unmodifiableMap(links);
  }

  /** The ids linked through {@code relationship}; empty when the resource has none. */
  public List<String> related(String relationship) {
    return relationships.getOrDefault(relationship, List.of());
  }

  // JSON values may be null, which Map.copyOf and List.copyOf refuse; hence the wrappers.
  private static Map<String, Object> frozenMap(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, frozen(value)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object frozen(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(String.valueOf(key), frozen(item)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(frozen(item)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
