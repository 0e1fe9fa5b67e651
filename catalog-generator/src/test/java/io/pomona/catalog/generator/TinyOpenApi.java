package io.pomona.catalog.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds small OpenAPI trees shaped like Apple's, for tests that need no real document. */
final class TinyOpenApi {
  private final ObjectNode root;
  private final ObjectNode schemas;
  private final ObjectNode paths;

  TinyOpenApi() {
    root = new ObjectMapper().createObjectNode();
    root.put("openapi", "3.0.1");
    root.putObject("info").put("version", "0.0.1");
    paths = root.putObject("paths");
    schemas = root.putObject("components").putObject("schemas");
  }

  /** A resource schema with a one-value type enum, id, links, attributes and relationships. */
  TinyOpenApi resource(String schema, String type) {
    ObjectNode properties = schemas.putObject(schema).put("type", "object").putObject("properties");
    properties.putObject("type").put("type", "string").putArray("enum").add(type);
    properties.putObject("id").put("type", "string");
    properties.putObject("attributes").put("type", "object").putObject("properties");
    properties.putObject("relationships").put("type", "object").putObject("properties");
    properties.putObject("links").put("$ref", "#/components/schemas/ResourceLinks");
    return this;
  }

  TinyOpenApi attribute(String schema, String name, String type) {
    attributes(schema).putObject(name).put("type", type);
    return this;
  }

  TinyOpenApi toOne(String schema, String name, String targetType) {
    ObjectNode members =
        relationships(schema).putObject(name).put("type", "object").putObject("properties");
    members.putObject("links").put("$ref", "#/components/schemas/RelationshipLinks");
    identifier(members.putObject("data").put("type", "object"), targetType);
    return this;
  }

  TinyOpenApi toMany(String schema, String name, String targetType) {
    ObjectNode members =
        relationships(schema).putObject(name).put("type", "object").putObject("properties");
    members.putObject("links").put("$ref", "#/components/schemas/RelationshipLinks");
    members.putObject("meta").put("$ref", "#/components/schemas/PagingInformation");
    identifier(
        members.putObject("data").put("type", "array").putObject("items").put("type", "object"),
        targetType);
    return this;
  }

  /** A relationship the schema describes with links only, so its target must be inferred. */
  TinyOpenApi linksOnly(String schema, String name) {
    ObjectNode members =
        relationships(schema).putObject(name).put("type", "object").putObject("properties");
    members.putObject("links").put("$ref", "#/components/schemas/RelationshipLinks");
    return this;
  }

  /**
   * {@code GET /v1/{type}/{id}/{relationship}} answering full resources of {@code targetSchema}.
   */
  TinyOpenApi toManyRelatedOperation(String type, String relationship, String targetSchema) {
    String document = targetSchema + "sResponse";
    schemas
        .putObject(document)
        .put("type", "object")
        .putObject("properties")
        .putObject("data")
        .put("type", "array")
        .putObject("items")
        .put("$ref", "#/components/schemas/" + targetSchema);
    ObjectNode get = paths.putObject("/v1/" + type + "/{id}/" + relationship).putObject("get");
    get.put("operationId", type + "_" + relationship + "_getToManyRelated");
    get.putObject("responses")
        .putObject("200")
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/" + document);
    return this;
  }

  JsonNode tree() {
    return root;
  }

  private ObjectNode attributes(String schema) {
    return (ObjectNode) schemas.get(schema).at("/properties/attributes/properties");
  }

  private ObjectNode relationships(String schema) {
    return (ObjectNode) schemas.get(schema).at("/properties/relationships/properties");
  }

  private static void identifier(ObjectNode data, String targetType) {
    ObjectNode properties = data.putObject("properties");
    properties.putObject("type").put("type", "string").putArray("enum").add(targetType);
    properties.putObject("id").put("type", "string");
    data.putArray("required").add("id").add("type");
  }
}
