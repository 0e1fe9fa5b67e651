package io.pomona.catalog.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.Operation;
import io.pomona.catalog.OperationKind;
import io.pomona.catalog.Parameter;
import io.pomona.catalog.RequestBody;
import io.pomona.catalog.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads every operation of the document into an {@link Operation}, in document order. */
final class OperationReader {
  /** Kinds whose primary data is full resources of one schema. */
  private static final Set<OperationKind> RESOURCE_KINDS =
      EnumSet.of(
          OperationKind.GET_COLLECTION,
          OperationKind.GET_INSTANCE,
          OperationKind.CREATE_INSTANCE,
          OperationKind.UPDATE_INSTANCE,
          OperationKind.GET_TO_ONE_RELATED,
          OperationKind.GET_TO_MANY_RELATED);

  /** Kinds that name a relationship (or, for metrics, a metric) after {@code {id}}. */
  private static final Set<OperationKind> NAMED_AFTER_ID =
      EnumSet.complementOf(
          EnumSet.of(
              OperationKind.GET_COLLECTION,
              OperationKind.GET_INSTANCE,
              OperationKind.CREATE_INSTANCE,
              OperationKind.UPDATE_INSTANCE,
              OperationKind.DELETE_INSTANCE));

  /** Relationship-linkage writes: their body is resource identifiers. */
  private static final Set<OperationKind> LINKAGE_WRITES =
      EnumSet.of(
          OperationKind.UPDATE_TO_ONE_RELATIONSHIP,
          OperationKind.CREATE_TO_MANY_RELATIONSHIP,
          OperationKind.REPLACE_TO_MANY_RELATIONSHIP,
          OperationKind.DELETE_TO_MANY_RELATIONSHIP);

  private final OpenApi openApi;
  private final ShapeReader shapes;
  private final Set<String> resourceSchemas;
  private final Map<String, String> typeOfSchema;
  private final Set<String> typesWithSeveralSchemas;

  /**
   * @param typeOfSchema the resource type of each resource schema, by schema name
   */
  OperationReader(OpenApi openApi, ShapeReader shapes, Map<String, String> typeOfSchema) {
    this.openApi = openApi;
    this.shapes = shapes;
    this.resourceSchemas = typeOfSchema.keySet();
    this.typeOfSchema = typeOfSchema;
    Map<String, Integer> schemasPerType = new LinkedHashMap<>();
    typeOfSchema.values().forEach(type -> schemasPerType.merge(type, 1, Integer::sum));
    this.typesWithSeveralSchemas = new LinkedHashSet<>();
    schemasPerType.forEach((type, count) -> {
      if (count > 1) {
        typesWithSeveralSchemas.add(type);
      }
    });
  }

  List<Operation> read() {
    List<Operation> operations = new ArrayList<>();
    for (OpenApi.PathOperation source : openApi.operations()) {
      operations.add(operation(source));
    }
    return operations;
  }

  private Operation operation(OpenApi.PathOperation source) {
    String id = source.operationId();
    OperationKind kind = OperationKind.fromSuffix(id.substring(id.lastIndexOf('_') + 1));
    List<String> segments = List.of(source.path().substring(1).split("/"));
    if (segments.size() < 2 || !segments.get(0).matches("v\\d+")) {
      throw new IllegalArgumentException("unexpected path shape: " + source.path());
    }
    JsonNode operation = source.operation();
    Optional<Map.Entry<String, JsonNode>> success = successResponse(operation, id);
    JsonNode firstContent =
        success.map(s -> openApi.resolve(s.getValue()).path("content")).orElse(null);
    Optional<String> contentType =
        firstContent == null || firstContent.isEmpty()
            ? Optional.empty()
            : Optional.of(firstContent.properties().iterator().next().getKey());
    Optional<String> responseSchema =
        contentType.flatMap(type -> OpenApi.refName(firstContent.get(type).get("schema")));
    Optional<RequestBody> request = requestBody(operation, kind, id);
    return new Operation(
        id,
        source.method().toUpperCase(Locale.ROOT),
        source.path(),
        kind,
        segments.get(1),
        NAMED_AFTER_ID.contains(kind) ? afterId(segments, source.path()) : null,
        RESOURCE_KINDS.contains(kind) ? primarySchema(firstContent, request).orElse(null) : null,
        operation.path("deprecated").asBoolean(false),
        parameters(source),
        request.orElse(null),
        success.map(s -> Integer.parseInt(s.getKey())).orElse(0),
        contentType.orElse(null),
        responseSchema.orElse(null),
        contentType.map(type -> includedSchemas(firstContent.get(type), id)).orElse(Map.of()),
        alternativeContentTypes(firstContent, contentType));
  }

  /** The success response's content types after the first, in the document's order. */
  private static List<String> alternativeContentTypes(JsonNode content, Optional<String> first) {
    List<String> others = new ArrayList<>();
    if (content != null) {
      content.properties().forEach(entry -> {
        if (!first.equals(Optional.of(entry.getKey()))) {
          others.add(entry.getKey());
        }
      });
    }
    return others;
  }

  /**
   * For each type with several resource schemas, the one the response's {@code included} array
   * lists for it: which view of a stored resource a document includes depends on the document.
   */
  private Map<String, String> includedSchemas(JsonNode media, String id) {
    JsonNode items =
        openApi.resolve(media.path("schema")).path("properties").path("included").path("items");
    List<JsonNode> alternatives = new ArrayList<>();
    if (items.has("oneOf")) {
      items.get("oneOf").forEach(alternatives::add);
    } else if (items.has("$ref")) {
      alternatives.add(items);
    }
    Map<String, String> chosen = new LinkedHashMap<>();
    for (JsonNode alternative : alternatives) {
      Optional<String> schema = OpenApi.refName(alternative).filter(typeOfSchema::containsKey);
      if (schema.isEmpty() || !typesWithSeveralSchemas.contains(typeOfSchema.get(schema.get()))) {
        continue;
      }
      String previous = chosen.putIfAbsent(typeOfSchema.get(schema.get()), schema.get());
      if (previous != null) {
        throw new IllegalArgumentException(
            id + ": the included array lists two schemas of " + typeOfSchema.get(schema.get()));
      }
    }
    return chosen;
  }

  /**
   * The success response: the first 2xx in document order, except that 202 yields to any other
   * (three beta tester deletes list 202 before 204; Pomona completes them at once).
   */
  private static Optional<Map.Entry<String, JsonNode>> successResponse(
      JsonNode operation, String id) {
    List<Map.Entry<String, JsonNode>> successes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
      if (response.getKey().matches("2\\d\\d")) {
        successes.add(response);
      }
    }
    if (successes.isEmpty()) {
      throw new IllegalArgumentException("operation " + id + " has no 2xx response");
    }
    return successes.stream().min(Comparator.comparing(entry -> entry.getKey().equals("202")));
  }

  /** The relationship or metric name: the segment after {id}, past relationships/ or metrics/. */
  private static String afterId(List<String> segments, String path) {
    int idIndex = segments.indexOf("{id}");
    if (idIndex < 0 || idIndex + 1 >= segments.size()) {
      throw new IllegalArgumentException("expected a segment after {id}: " + path);
    }
    String next = segments.get(idIndex + 1);
    boolean nested = next.equals("relationships") || next.equals("metrics");
    if (nested && idIndex + 2 >= segments.size()) {
      throw new IllegalArgumentException("expected a name after " + next + ": " + path);
    }
    return nested ? segments.get(idIndex + 2) : next;
  }

  /** The resource schema of the primary data: from the response, else from the request. */
  private Optional<String> primarySchema(JsonNode content, Optional<RequestBody> request) {
    if (content != null) {
      for (JsonNode media : content) {
        Optional<String> schema =
            media.has("schema")
                ? PrimaryData.of(openApi, media.get("schema")).flatMap(PrimaryData::schema)
                : Optional.empty();
        if (schema.isPresent() && resourceSchemas.contains(schema.get())) {
          return schema;
        }
      }
    }
    return request
        .map(RequestBody::schema)
        .map(name -> name.replaceFirst("(Create|Update)Request$", ""))
        .filter(resourceSchemas::contains);
  }

  private Map<String, Parameter> parameters(OpenApi.PathOperation source) {
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    List<JsonNode> declared = new ArrayList<>();
    source.pathItem().path("parameters").forEach(declared::add);
    source.operation().path("parameters").forEach(declared::add);
    for (JsonNode node : declared) {
      JsonNode parameter = openApi.resolve(node);
      if (!parameter.path("in").asText().equals("query")) {
        continue;
      }
      String name = parameter.path("name").asText();
      parameters.put(
          name,
          new Parameter(
              shapes.read(parameter.path("schema"), source.operationId() + "?" + name),
              parameter.path("required").asBoolean(false),
              parameter.path("deprecated").asBoolean(false)));
    }
    return parameters;
  }

  private Optional<RequestBody> requestBody(JsonNode operation, OperationKind kind, String id) {
    if (!operation.has("requestBody")) {
      return Optional.empty();
    }
    JsonNode body = openApi.resolve(operation.get("requestBody"));
    JsonNode content = body.path("content").path("application/json");
    String schemaName =
        OpenApi.refName(content.get("schema"))
            .orElseThrow(
                () -> new IllegalArgumentException(id + ": request body is not a named schema"));
    JsonNode document = openApi.resolve(content.get("schema"));
    JsonNode data = document.path("properties").path("data");
    boolean toMany = data.path("type").asText().equals("array");
    JsonNode resource = openApi.resolve(toMany ? data.path("items") : data);
    JsonNode members = resource.path("properties");
    String type =
        OpenApi.singleEnum(members.path("type"))
            .orElseThrow(
                () -> new IllegalArgumentException(id + ": request data has no one-value type"));

    Map<String, Shape> attributes = new LinkedHashMap<>();
    JsonNode attributesNode = openApi.resolve(members.path("attributes"));
    for (Map.Entry<String, JsonNode> attribute : attributesNode.path("properties").properties()) {
      attributes.put(
          attribute.getKey(),
          shapes.read(attribute.getValue(), schemaName + "/attributes/" + attribute.getKey()));
    }
    Map<String, RequestBody.RequestRelationship> relationships = new LinkedHashMap<>();
    JsonNode relationshipsNode = openApi.resolve(members.path("relationships"));
    for (Map.Entry<String, JsonNode> relationship :
        relationshipsNode.path("properties").properties()) {
      JsonNode linkage = openApi.resolve(relationship.getValue());
      PrimaryData target =
          PrimaryData.of(openApi, linkage)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          id
                              + ": request relationship "
                              + relationship.getKey()
                              + " has no data.type"));
      relationships.put(
          relationship.getKey(),
          new RequestBody.RequestRelationship(target.type(), target.toMany()));
    }
    return Optional.of(
        new RequestBody(
            schemaName,
            type,
            LINKAGE_WRITES.contains(kind),
            toMany,
            texts(resource.path("required")).contains("id"),
            attributes,
            texts(attributesNode.path("required")),
            relationships,
            texts(relationshipsNode.path("required")),
            includedTypes(document.path("properties").path("included"), id),
            body.path("required").asBoolean(false)));
  }

  /**
   * The types a create or update accepts in {@code included} (the {@code *InlineCreate} schemas).
   */
  private List<String> includedTypes(JsonNode included, String id) {
    if (included.isMissingNode()) {
      return List.of();
    }
    JsonNode items = included.path("items");
    List<JsonNode> alternatives = new ArrayList<>();
    if (items.has("oneOf")) {
      items.get("oneOf").forEach(alternatives::add);
    } else {
      alternatives.add(items);
    }
    Set<String> types = new LinkedHashSet<>();
    for (JsonNode alternative : alternatives) {
      types.add(
          OpenApi.singleEnum(openApi.resolve(alternative).path("properties").path("type"))
              .orElseThrow(
                  () -> new IllegalArgumentException(id + ": included item without a type")));
    }
    return List.copyOf(types);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asText()));
    return texts;
  }
}
