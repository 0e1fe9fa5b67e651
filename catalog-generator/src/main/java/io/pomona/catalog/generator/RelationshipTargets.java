package io.pomona.catalog.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.OperationKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the target type of relationships whose schema member has only {@code links} (50 in 4.4.1,
 * e.g. apps {@code customerReviews}), from what the document says elsewhere, in this order: the
 * primary data of the relationship and related operations' responses ({@code
 * /v1/apps/{id}/relationships/customerReviews}, {@code /v1/apps/{id}/customerReviews}); the bodies
 * of the relationship operations (apps {@code betaTesters} has only a DELETE); and linkage
 * documents that no path uses but that follow the naming of the others ({@code
 * AppPerfPowerMetricsLinkagesResponse}, for the perfPowerMetrics endpoint that answers with Xcode
 * metrics rather than JSON:API).
 */
final class RelationshipTargets {
  private static final Pattern RELATIONSHIP_PATH =
      Pattern.compile("^/v\\d+/([^/]+)/\\{id}/(?:relationships/)?([^/]+)$");

  /** A relationship's target type and cardinality. */
  record Target(String type, boolean toMany) {}

  private final OpenApi openApi;
  private final Map<String, List<OpenApi.PathOperation>> operationsByRelationship =
      new LinkedHashMap<>();

  RelationshipTargets(OpenApi openApi) {
    this.openApi = openApi;
    for (OpenApi.PathOperation operation : openApi.operations()) {
      Matcher matcher = RELATIONSHIP_PATH.matcher(operation.path());
      if (matcher.matches()) {
        operationsByRelationship
            .computeIfAbsent(key(matcher.group(1), matcher.group(2)), k -> new ArrayList<>())
            .add(operation);
      }
    }
  }

  Target infer(String schemaName, String type, String relationship) {
    List<OpenApi.PathOperation> operations =
        operationsByRelationship.getOrDefault(key(type, relationship), List.of());
    for (OpenApi.PathOperation operation : operations) {
      Optional<Target> fromResponse =
          successSchemas(operation.operation()).stream()
              .flatMap(schema -> PrimaryData.of(openApi, schema).stream())
              .findFirst()
              .map(data -> new Target(data.type(), data.toMany()));
      if (fromResponse.isPresent()) {
        return fromResponse.get();
      }
    }
    for (OpenApi.PathOperation operation : operations) {
      JsonNode body =
          operation.operation().path("requestBody").path("content").path("application/json");
      Optional<PrimaryData> fromRequest =
          body.has("schema") ? PrimaryData.of(openApi, body.get("schema")) : Optional.empty();
      if (fromRequest.isPresent()) {
        return new Target(fromRequest.get().type(), toMany(operation, fromRequest.get()));
      }
    }
    String capitalized = Character.toUpperCase(relationship.charAt(0)) + relationship.substring(1);
    for (String suffix : List.of("LinkagesResponse", "LinkageResponse")) {
      Optional<Target> fromUnusedLinkage =
          openApi
              .schema(schemaName + capitalized + suffix)
              .flatMap(schema -> PrimaryData.of(openApi, schema))
              .map(data -> new Target(data.type(), data.toMany()));
      if (fromUnusedLinkage.isPresent()) {
        return fromUnusedLinkage.get();
      }
    }
    throw new IllegalArgumentException(
        "no target type found for the links-only relationship "
            + schemaName
            + "."
            + relationship
            + " (add its data member with spec-patches.json)");
  }

  private static boolean toMany(OpenApi.PathOperation operation, PrimaryData body) {
    String suffix = operation.operationId().substring(operation.operationId().lastIndexOf('_') + 1);
    OperationKind kind = OperationKind.fromSuffix(suffix);
    return body.toMany() || kind.suffix().contains("ToMany");
  }

  /** The schemas of every 2xx response, in document order. */
  private List<JsonNode> successSchemas(JsonNode operation) {
    List<JsonNode> schemas = new ArrayList<>();
    for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
      if (response.getKey().startsWith("2")) {
        for (JsonNode content : openApi.resolve(response.getValue()).path("content")) {
          if (content.has("schema")) {
            schemas.add(content.get("schema"));
          }
        }
      }
    }
    return schemas;
  }

  private static String key(String type, String relationship) {
    return type + "." + relationship;
  }
}
