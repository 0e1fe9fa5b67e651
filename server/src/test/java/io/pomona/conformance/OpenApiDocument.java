package io.pomona.conformance;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The official OpenAPI document, read for checking responses: where it is, which schema an
 * operation's success response has, and whether a body fits it.
 *
 * <p>Schemas are validated with the validator's OpenAPI 3.0 dialect, which honours
 * {@code nullable} and the {@code discriminator} of the {@code included} arrays. The document
 * leaves every object open ({@code additionalProperties} unset), so a member the engine invents or
 * renders from the wrong schema would pass unseen; every object that lists its properties is
 * closed here, so such a member is a violation.
 */
public final class OpenApiDocument {
  public static final String FILE_NAME = "app-store-connect-openapi-4.4.1.json";

  /** Why a test that needs the document did not run, naming every place it was looked for. */
  public static final String NOT_FOUND = "skipped: the OpenAPI document " + FILE_NAME + " was not found"
      + " (looked at $POMONA_SPEC, -Dpomona.spec, ../shared/spec/ and ../../shared/spec/; set POMONA_SPEC)";

  // The document is registered under this made-up id, so its internal $refs resolve in memory.
  private static final String DOCUMENT_ID = "https://pomona.invalid/openapi.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JsonNode document;
  private final Schema root;
  private final Map<String, Schema> schemas = new HashMap<>();

  private OpenApiDocument(JsonNode document) {
    this.document = document;
    ObjectNode closed = (ObjectNode) document.deepCopy();
    closed.path("components").path("schemas").forEach(OpenApiDocument::closeObjects);
    String text = closed.toString();
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
        Dialects.getOpenApi30(),
        builder -> builder
            .schemas(Map.of(DOCUMENT_ID, text))
            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    // Loaded once: asking the registry for each component by its own IRI would parse the whole
    // document again for every one of them.
    this.root = registry.getSchema(SchemaLocation.of(DOCUMENT_ID));
  }

  /**
   * The document named by the environment variable {@code POMONA_SPEC}, else the system property
   * {@code pomona.spec}, else {@code ../shared/spec/…} relative to the working directory or one
   * level up; the first candidate that is a file wins.
   */
  public static Optional<Path> locate() {
    return Stream.of(
            Optional.ofNullable(System.getenv("POMONA_SPEC")),
            Optional.ofNullable(System.getProperty("pomona.spec")),
            Optional.of("../shared/spec/" + FILE_NAME),
            Optional.of("../../shared/spec/" + FILE_NAME))
        .flatMap(Optional::stream)
        .filter(candidate -> !candidate.isBlank())
        .map(Path::of)
        .filter(Files::isRegularFile)
        .findFirst();
  }

  public static OpenApiDocument read(Path file) {
    try {
      return new OpenApiDocument(JSON.readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OpenAPI document " + file, e);
    }
  }

  /** The statuses the document lists for an operation, e.g. {@code ["200", "400", ...]}. */
  public List<String> statuses(String method, String path) {
    return operation(method, path).path("responses").propertyNames().stream().toList();
  }

  /**
   * The name of the {@code application/json} schema of one response of an operation
   * ({@code AppResponse}), when the document gives one.
   */
  public Optional<String> responseSchemaName(String method, String path, int status) {
    JsonNode reference = operation(method, path)
        .path("responses").path(Integer.toString(status))
        .path("content").path("application/json").path("schema").path("$ref");
    String ref = reference.asString("");
    String prefix = "#/components/schemas/";
    return ref.startsWith(prefix) ? Optional.of(ref.substring(prefix.length())) : Optional.empty();
  }

  /** The violations of a JSON body against a named component schema; empty when it conforms. */
  public List<String> violations(String schemaName, String body) {
    Schema schema = schemas.computeIfAbsent(schemaName,
        name -> root.getRefSchema(SchemaLocation.of(DOCUMENT_ID + "#/components/schemas/" + name).getFragment()));
    List<Error> errors = schema.validate(body, InputFormat.JSON);
    return errors.stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
  }

  private JsonNode operation(String method, String path) {
    return document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
  }

  /**
   * Closes a schema and the schemas inside it. Walks schemas, not raw JSON, so a property that
   * happens to be named {@code properties} (GameCenterActivity has one) is not mistaken for a
   * schema keyword.
   */
  private static void closeObjects(JsonNode schema) {
    if (!(schema instanceof ObjectNode object)) {
      return;
    }
    JsonNode properties = object.path("properties");
    if (properties.isObject()) {
      if (!object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      properties.forEach(OpenApiDocument::closeObjects);
    }
    closeObjects(object.path("items"));
    closeObjects(object.path("additionalProperties"));
    object.path("oneOf").forEach(OpenApiDocument::closeObjects);
  }
}
