package io.pomona.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One operation of the API.
 *
 * @param id Apple's operationId, e.g. {@code apps_builds_getToManyRelated}
 * @param method GET, POST, PATCH or DELETE
 * @param path the path template, e.g. {@code /v1/apps/{id}/builds}
 * @param kind one of the 14 kinds
 * @param type the resource type the path starts from ({@code apps} above)
 * @param relationship for related and relationship kinds, the relationship name ({@code builds});
 *     for {@code getMetrics}, the metric name after {@code metrics/} ({@code betaTesterUsages})
 * @param schema the resource schema the operation returns or writes as primary data (null for
 *     linkage and non-JSON:API operations)
 * @param parameters the query parameters it accepts, by exact name
 * @param request the body it accepts, or null
 * @param status the success status (the first 2xx, except that 202 yields to 204 where both
 *     are listed)
 * @param contentType the success content type, or null for 204/202 without a body
 * @param responseSchema the name of the success response schema in the source document
 * @param includedSchemas for each type with more than one resource schema that the success
 *     response may include, the schema its {@code included} array uses for that type (the
 *     {@code included} of {@code AppResponse} holds inAppPurchases as {@code InAppPurchase}, of
 *     {@code PromotedPurchaseResponse} as {@code InAppPurchaseV2}); empty when no such type
 * @param alternativeContentTypes the other content types the success response may have, which a
 *     client asks for with {@code Accept} ({@code text/csv} for price point lists); usually empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Operation(
    String id,
    String method,
    String path,
    OperationKind kind,
    String type,
    String relationship,
    String schema,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deprecated,
    Map<String, Parameter> parameters,
    RequestBody request,
    int status,
    String contentType,
    String responseSchema,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> includedSchemas,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> alternativeContentTypes) {

  public Operation {
    alternativeContentTypes = alternativeContentTypes == null ? List.of() : List.copyOf(alternativeContentTypes);
    parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    includedSchemas = includedSchemas == null
        ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(includedSchemas));
  }

  /** An operation that answers in one content type only. */
  public Operation(
      String id,
      String method,
      String path,
      OperationKind kind,
      String type,
      String relationship,
      String schema,
      boolean deprecated,
      Map<String, Parameter> parameters,
      RequestBody request,
      int status,
      String contentType,
      String responseSchema,
      Map<String, String> includedSchemas) {
    this(id, method, path, kind, type, relationship, schema, deprecated, parameters, request, status, contentType,
        responseSchema, includedSchemas, List.of());
  }

  /** An operation whose response includes no type that has several schemas. */
  public Operation(
      String id,
      String method,
      String path,
      OperationKind kind,
      String type,
      String relationship,
      String schema,
      boolean deprecated,
      Map<String, Parameter> parameters,
      RequestBody request,
      int status,
      String contentType,
      String responseSchema) {
    this(id, method, path, kind, type, relationship, schema, deprecated, parameters, request, status, contentType,
        responseSchema, Map.of());
  }
}
