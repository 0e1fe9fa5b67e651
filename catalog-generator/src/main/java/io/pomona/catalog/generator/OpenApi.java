package io.pomona.catalog.generator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Read access to an OpenAPI 3 document held as a Jackson tree: references, schemas, operations. */
final class OpenApi {
  private static final String SCHEMA_PREFIX = "#/components/schemas/";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final JsonNode root;

  OpenApi(JsonNode root) {
    this.root = root;
  }

  String version() {
    String version = root.path("info").path("version").asText("");
    if (version.isEmpty()) {
      throw new IllegalArgumentException("the document has no info.version");
    }
    return version;
  }

  JsonNode schemas() {
    return root.path("components").path("schemas");
  }

  Optional<JsonNode> schema(String name) {
    return Optional.ofNullable(schemas().get(name));
  }

  /** The name of the component schema a {@code $ref} node points to, if it is one. */
  static Optional<String> refName(JsonNode node) {
    if (node == null || !node.has("$ref")) {
      return Optional.empty();
    }
    String ref = node.get("$ref").asText();
    if (!ref.startsWith(SCHEMA_PREFIX)) {
      throw new IllegalArgumentException("unsupported $ref (only component schemas): " + ref);
    }
    return Optional.of(ref.substring(SCHEMA_PREFIX.length()));
  }

  /**
   * Follows a local {@code $ref} (any depth of indirection); other nodes are returned as they are.
   */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; current != null && current.has("$ref"); depth++) {
      if (depth > 16) {
        throw new IllegalArgumentException("$ref chain too long at " + node);
      }
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("only local references are supported: " + ref);
      }
      JsonNode target = root.at(JsonPointer.compile(ref.substring(1)));
      if (target.isMissingNode()) {
        throw new IllegalArgumentException("unresolved reference: " + ref);
      }
      current = target;
    }
    return current;
  }

  /** One operation of the document, in document order. */
  record PathOperation(String path, String method, JsonNode pathItem, JsonNode operation) {
    String operationId() {
      String id = operation.path("operationId").asText("");
      if (id.isEmpty()) {
        throw new IllegalArgumentException("operation without operationId: " + method + " " + path);
      }
      return id;
    }
  }

  List<PathOperation> operations() {
    List<PathOperation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> member : path.getValue().properties()) {
        if (METHODS.contains(member.getKey())) {
          operations.add(
              new PathOperation(
                  path.getKey(), member.getKey(), path.getValue(), member.getValue()));
        }
      }
    }
    return operations;
  }

  /** The single value of a one-value {@code enum}, as resource {@code type} members declare. */
  static Optional<String> singleEnum(JsonNode schema) {
    JsonNode values = schema.path("enum");
    return values.isArray() && values.size() == 1
        ? Optional.of(values.get(0).asText())
        : Optional.empty();
  }
}
