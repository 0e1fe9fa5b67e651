package io.pomona.catalog.generator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What a document's {@code data} member holds: the resource type, whether it is an array, and the
 * resource schema when {@code data} refers to one by name (full resources rather than linkage
 * identifiers).
 */
record PrimaryData(String type, boolean toMany, Optional<String> schema) {

  /** Reads {@code data} of a top-level document schema (a {@code $ref} is followed first). */
  static Optional<PrimaryData> of(OpenApi openApi, JsonNode documentSchema) {
    JsonNode data = openApi.resolve(documentSchema).path("properties").path("data");
    if (data.isMissingNode()) {
      return Optional.empty();
    }
    boolean toMany = data.path("type").asText().equals("array");
    JsonNode item = toMany ? data.path("items") : data;
    Optional<String> schema = OpenApi.refName(item);
    return OpenApi.singleEnum(openApi.resolve(item).path("properties").path("type"))
        .map(type -> new PrimaryData(type, toMany, schema));
  }
}
