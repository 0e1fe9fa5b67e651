package io.pomona.catalog.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the resource schemas: component schemas whose properties are a one-value {@code type} enum,
 * an {@code id}, and the resource {@code links} (230 in 4.4.1). The request-only {@code
 * *InlineCreate} schemas have the first two but no links: they describe what a client may put in
 * {@code included}, not a resource the API serves, so they are left out here.
 */
final class ResourceSchemaReader {

  /** A relationship as the schema declares it, before inverses are settled. */
  record RawRelationship(
      String name, String target, boolean toMany, boolean linkage, boolean links, boolean paging) {}

  /** A resource schema as the document declares it. */
  record RawResource(
      String name,
      String type,
      boolean deprecated,
      Map<String, Shape> attributes,
      List<RawRelationship> relationships) {}

  private final OpenApi openApi;
  private final ShapeReader shapes;
  private final RelationshipTargets targets;

  ResourceSchemaReader(OpenApi openApi, ShapeReader shapes, RelationshipTargets targets) {
    this.openApi = openApi;
    this.shapes = shapes;
    this.targets = targets;
  }

  /** The resource type a schema declares, when the schema is a resource schema. */
  static Optional<String> resourceType(JsonNode schema) {
    JsonNode properties = schema.path("properties");
    if (!properties.has("id") || !properties.has("links")) {
      return Optional.empty();
    }
    return OpenApi.singleEnum(properties.path("type"));
  }

  List<RawResource> read() {
    List<RawResource> resources = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : openApi.schemas().properties()) {
      String name = entry.getKey();
      JsonNode schema = entry.getValue();
      resourceType(schema).ifPresent(type -> resources.add(resource(name, type, schema)));
    }
    return resources;
  }

  private RawResource resource(String name, String type, JsonNode schema) {
    Map<String, Shape> attributes = new LinkedHashMap<>();
    JsonNode properties = schema.path("properties");
    for (Map.Entry<String, JsonNode> attribute :
        properties.path("attributes").path("properties").properties()) {
      attributes.put(
          attribute.getKey(),
          shapes.read(attribute.getValue(), name + "/attributes/" + attribute.getKey()));
    }
    List<RawRelationship> relationships = new ArrayList<>();
    for (Map.Entry<String, JsonNode> relationship :
        properties.path("relationships").path("properties").properties()) {
      relationships.add(relationship(name, type, relationship.getKey(), relationship.getValue()));
    }
    return new RawResource(
        name, type, schema.path("deprecated").asBoolean(false), attributes, relationships);
  }

  private RawRelationship relationship(String schemaName, String type, String name, JsonNode node) {
    JsonNode members = node.path("properties");
    boolean linkage = members.has("data");
    RelationshipTargets.Target target;
    if (linkage) {
      JsonNode data = members.get("data");
      boolean toMany = data.path("type").asText().equals("array");
      JsonNode identifier = openApi.resolve(toMany ? data.path("items") : data);
      String targetType =
          OpenApi.singleEnum(identifier.path("properties").path("type"))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "relationship "
                              + schemaName
                              + "."
                              + name
                              + " has no one-value data.type"));
      target = new RelationshipTargets.Target(targetType, toMany);
    } else {
      target = targets.infer(schemaName, type, name);
    }
    return new RawRelationship(
        name, target.type(), target.toMany(), linkage, members.has("links"), members.has("meta"));
  }
}
