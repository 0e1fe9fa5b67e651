package io.pomona.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One resource type seen through all of its schemas: the engine stores one resource per type and
 * id, and the schemas ({@code InAppPurchase}, {@code InAppPurchaseV2}) are views of it.
 *
 * @param type the resource type, e.g. {@code inAppPurchases}
 * @param schemas the names of its schemas, current ones first, then deprecated ones
 * @param attributes the union of the schemas' attributes; where schemas disagree on a shape, the
 *     first schema in {@code schemas} wins (the current one)
 * @param relationships the union of the schemas' relationships; a relationship carries linkage,
 *     links or paging when any schema gives it them
 */
public record ResourceType(
    String type,
    List<String> schemas,
    Map<String, Shape> attributes,
    Map<String, Relationship> relationships) {

  public ResourceType {
    schemas = List.copyOf(schemas);
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    relationships = Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
  }
}
