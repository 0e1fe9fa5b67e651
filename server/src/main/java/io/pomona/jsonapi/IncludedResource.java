package io.pomona.jsonapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource created inline through a request's {@code included} member, e.g. an {@code
 * appPrices} resource inside a price schedule create. Its {@code id} is the client's temporary id
 * ({@code "${price1}"}), which the primary data's relationships refer to. Values follow the same
 * rules as {@link WriteRequest#attributes()} and {@link WriteRequest#relationships()}.
 */
public record IncludedResource(
    String type,
    String id,
    Map<String, Object> attributes,
    Map<String, Optional<List<Identifier>>> relationships) {

  public IncludedResource {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    relationships = Collections.unmodifiableMap(new LinkedHashMap<>(relationships));
  }

  /** The identifier the primary data uses to refer to this resource. */
  public Identifier identifier() {
    return new Identifier(type, id);
  }
}
