package io.pomona.catalog;

import java.util.List;
import java.util.Map;

/**
 * Pomona's own description of the API, generated from the official OpenAPI document and
 * committed (see {@code catalog-generator}). Facts only: names, types, enums, paths.
 *
 * @param version the API version, e.g. {@code 4.4.1}
 * @param schemas resource schemas by schema name
 * @param shapes named nested object shapes and named enums, by schema name
 * @param operations every operation, in document order
 */
public record Catalog(
    String version,
    Map<String, ResourceSchema> schemas,
    Map<String, Shape> shapes,
    List<Operation> operations) {

  public Catalog {
    schemas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(schemas));
    shapes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shapes));
    operations = List.copyOf(operations);
  }
}
