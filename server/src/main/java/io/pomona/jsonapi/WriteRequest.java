package io.pomona.jsonapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated create or update body, as Java values.
 *
 * @param type the resource type, as the operation expects it
 * @param id the resource id: present on updates (equal to the id in the URL), empty on creates
 * @param attributes only the attributes the client sent, in the order sent. Values are {@code
 *     String}, {@code Boolean}, {@code Long} (integers) or {@code BigDecimal} (decimals, and
 *     integers beyond {@code long}), {@code List}, {@code Map} (a {@code LinkedHashMap}), or
 *     {@code null} when the client sent null to clear the attribute
 * @param relationships only the relationships the client sent: name → identifiers. A to-one
 *     relationship has zero or one element; {@code Optional.empty()} means the client sent {@code
 *     "data": null} to clear it
 * @param included resources the client sent in {@code included} (e.g. prices with temporary ids
 *     such as {@code "${price1}"}), in the order sent
 */
public record WriteRequest(
    String type,
    Optional<String> id,
    Map<String, Object> attributes,
    Map<String, Optional<List<Identifier>>> relationships,
    List<IncludedResource> included) {

  public WriteRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    // Not Map.copyOf: attribute values may be null (an explicit clear).
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    relationships = Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
    included = List.copyOf(included);
  }
}
