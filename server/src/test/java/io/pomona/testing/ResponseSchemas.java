package io.pomona.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates response documents against the official OpenAPI document's response schemas, found
 * by path template, method and status. Objects that list their properties are closed
 * ({@code additionalProperties: false}), so a misspelt or undeclared member fails instead of
 * passing silently. {@link #find()} is empty when the document is absent (it is never committed):
 * tests then skip, saying so.
 */
public final class ResponseSchemas {
  public static final String SPEC_FILE = "app-store-connect-openapi-4.4.1.json";
  // The document is registered under this made-up id, so its internal $refs resolve in memory.
  private static final String SPEC_ID = "https://pomona.invalid/openapi.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JsonNode spec;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private ResponseSchemas(JsonNode spec) {
    this.spec = spec;
    ObjectNode strict = (ObjectNode) spec.deepCopy();
    closeObjects(strict);
    this.registry = SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_4, builder -> builder.schemas(Map.of(SPEC_ID, strict.toString())));
  }

  /** The validator, when the OpenAPI document is found (POMONA_SPEC, -Dpomona.spec or ../shared/spec/). */
  public static Optional<ResponseSchemas> find() {
    return specLocation().map(path -> {
      try {
        return new ResponseSchemas(JSON.readTree(Files.readString(path)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Where to say the document was looked for, for skip messages. */
  public static String whereLooked() {
    return "set POMONA_SPEC or -Dpomona.spec, or put it at ../shared/spec/" + SPEC_FILE;
  }

  /**
   * The problems of {@code body} (JSON text) as the response of {@code method pathTemplate} with
   * {@code status}; empty when it is valid. An operation or status the document does not declare is
   * itself a problem.
   */
  public List<String> problems(String method, String pathTemplate, int status, String body) {
    JsonNode response = spec.path("paths").path(pathTemplate).path(method.toLowerCase())
        .path("responses").path(Integer.toString(status));
    String ref = response.at("/content/application~1json/schema/$ref").asString("");
    if (ref.isEmpty()) {
      return List.of(method + " " + pathTemplate + " declares no JSON response for " + status);
    }
    Schema schema = schemas.computeIfAbsent(ref, r -> registry.getSchema(SchemaLocation.of(SPEC_ID + r)));
    List<String> problems = new ArrayList<>();
    for (Error error : schema.validate(JSON.readTree(body))) {
      problems.add(method + " " + pathTemplate + " " + error.getInstanceLocation() + ": " + error.getMessage());
    }
    return problems;
  }

  private static void closeObjects(JsonNode node) {
    if (node instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
      object.put("additionalProperties", false);
    }
    node.forEach(ResponseSchemas::closeObjects);
  }

  private static Optional<Path> specLocation() {
    return Stream.of(
            Optional.ofNullable(System.getenv("POMONA_SPEC")),
            Optional.ofNullable(System.getProperty("pomona.spec")),
            Optional.of("../shared/spec/" + SPEC_FILE),
            Optional.of("../../shared/spec/" + SPEC_FILE))
        .flatMap(Optional::stream)
        .filter(candidate -> !candidate.isBlank())
        .map(Path::of)
        .filter(Files::isRegularFile)
        .findFirst();
  }
}
