package io.pomona.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The shape of a value: an attribute, a nested object member, a query parameter's items.
 *
 * <p>{@code type} is one of string, integer, number, boolean, object, array, or any. A shape
 * with {@code ref} stands for the named shape in {@link Catalog#shapes()} (nested objects and
 * named enums such as {@code Platform}); its other members are then empty, except
 * {@code nullable}, which the source document states beside a {@code $ref} (OpenAPI 4.4.1 does so
 * in 60 places, e.g. {@code AppUpdateRequest} {@code subscriptionStatusUrlVersion}). Facts
 * only: no descriptions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Shape(
    @JsonProperty("ref") String ref,
    String type,
    String format,
    List<String> enumValues,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean nullable,
    Map<String, Shape> properties,
    List<String> required,
    Shape items,
    Shape additionalProperties,
    BigDecimal minimum,
    BigDecimal maximum) {

  public Shape {
    enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
    properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    required = required == null ? List.of() : List.copyOf(required);
  }

  public static Shape reference(String name) {
    return new Shape(name, null, null, null, false, null, null, null, null, null, null);
  }

  /** A reference to a named shape that may also be null. */
  public static Shape reference(String name, boolean nullable) {
    return new Shape(name, null, null, null, nullable, null, null, null, null, null, null);
  }

  public static Shape of(String type) {
    return new Shape(null, type, null, null, false, null, null, null, null, null, null);
  }

  @JsonIgnore // a convenience, not a second "ref" member
  public boolean isRef() {
    return ref != null;
  }
}
