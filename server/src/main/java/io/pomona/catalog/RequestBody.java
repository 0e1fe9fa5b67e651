package io.pomona.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What a write operation accepts in {@code data}.
 *
 * <p>For create and update: the resource {@code type}, whether {@code id} is sent (update), the
 * attributes allowed with their shapes, the relationships allowed (name → target type and
 * cardinality), which of both are required, and whether {@code included} may be sent. For
 * relationship endpoints: {@code linkage} is true and {@code toMany} tells whether {@code data}
 * is an array of identifiers.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RequestBody(
    String schema,
    String type,
    boolean linkage,
    boolean toMany,
    boolean idRequired,
    Map<String, Shape> attributes,
    List<String> requiredAttributes,
    Map<String, RequestRelationship> relationships,
    List<String> requiredRelationships,
    List<String> includedTypes,
    boolean required) {

  public RequestBody {
    attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    requiredAttributes = requiredAttributes == null ? List.of() : List.copyOf(requiredAttributes);
    relationships = relationships == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(relationships));
    requiredRelationships = requiredRelationships == null ? List.of() : List.copyOf(requiredRelationships);
    includedTypes = includedTypes == null ? List.of() : List.copyOf(includedTypes);
  }

  /** A relationship member of a request body: its target type and cardinality. */
  public record RequestRelationship(String target, boolean toMany) {}
}
