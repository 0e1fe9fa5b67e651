package io.pomona.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One resource schema of the API (e.g. {@code App}, {@code InAppPurchaseV2}). Several schemas can
 * share one {@code type} (v1 and v2 of in-app purchases); they are views of the same stored
 * resources.
 */
public record ResourceSchema(
    String name,
    String type,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deprecated,
    Map<String, Shape> attributes,
    Map<String, Relationship> relationships) {

  public ResourceSchema {
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    relationships = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(relationships));
  }
}
