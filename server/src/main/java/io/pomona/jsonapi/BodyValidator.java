package io.pomona.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.Catalog;
import io.pomona.catalog.Operation;
import io.pomona.catalog.OperationKind;
import io.pomona.catalog.RequestBody;
import io.pomona.catalog.Shape;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.jsonapi.ResourceReader.Rules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a parsed request body against the operation's {@link RequestBody} and turns it into
 * values the engine writes. Two passes:
 *
 * <ol>
 *   <li>Is it a JSON:API document? Otherwise 422 {@code ENTITY_UNPROCESSABLE}, and nothing else
 *       is checked.
 *   <li>Does it match the operation? Type, id, attributes (value types, enums, formats, bounds,
 *       nested members), relationships and included resources; each problem a 409 {@code
 *       ENTITY_ERROR.*} with a JSON pointer, all of them in one {@link ApiException}.
 * </ol>
 *
 * <p>Whether related resources exist in the team is left to the engine.
 */
public final class BodyValidator {
  private final ResourceReader reader;
  private final Map<String, RequestBody> includedSchemas;

  /** A validator whose included resources are checked for their type and structure only. */
  public BodyValidator(Map<String, Shape> shapes) {
    this(shapes, Map.of());
  }

  /**
   * @param shapes the catalog's named shapes ({@link Catalog#shapes()}), for {@link Shape#ref()}
   * @param includedSchemas by resource type, the schema an included resource of that type is
   *     checked against (attributes strictly; relationships by name and target type, without
   *     requiring any). Types not in the map are checked for structure only.
   */
  public BodyValidator(Map<String, Shape> shapes, Map<String, RequestBody> includedSchemas) {
    this.reader = new ResourceReader(new ShapeChecker(shapes));
    this.includedSchemas = Map.copyOf(includedSchemas);
  }

  /**
   * A validator for a catalog, checking included resources against {@link
   * #includedSchemas(Catalog)}.
   */
  public static BodyValidator forCatalog(Catalog catalog) {
    return new BodyValidator(catalog.shapes(), includedSchemas(catalog));
  }

  /**
   * The schema an included resource of each type is checked against: the create body of that
   * type, when the catalog has a create operation for it. OpenAPI 4.4.1's inline-create schemas
   * (e.g. {@code SubscriptionPriceInlineCreate}) take the same attributes as those creates and
   * drop only the requirement of the relationship to the parent, which included resources are
   * not held to. Types without a create (e.g. {@code appPrices}, {@code territories}) are absent.
   */
  public static Map<String, RequestBody> includedSchemas(Catalog catalog) {
    Map<String, RequestBody> creates = new LinkedHashMap<>();
    for (Operation operation : catalog.operations()) {
      RequestBody request = operation.request();
      if (operation.kind() == OperationKind.CREATE_INSTANCE && request != null && request.type() != null) {
        creates.putIfAbsent(request.type(), request);
      }
    }
    return creates;
  }

  /**
   * Validates the body of a {@code createInstance} or {@code updateInstance} operation.
   *
   * @param pathId the {@code {id}} of the URL; required for updates, ignored for creates
   * @throws ApiException 422 when the body is not a JSON:API document, 409 when it does not match
   *     the operation
   */
  public WriteRequest validateResource(Operation operation, Optional<String> pathId, JsonNode body) {
    RequestBody request = resourceRequest(operation);
    boolean update = operation.kind() == OperationKind.UPDATE_INSTANCE;
    if (update && pathId.isEmpty()) {
      throw new IllegalArgumentException(operation.id() + " is an update; the engine must pass the path id");
    }
    throwAll(DocumentStructure.ofResourceDocument(body));

    String type = request.type() != null ? request.type() : operation.type();
    JsonNode data = body.get("data");
    Pointer at = Pointer.ROOT.member("data");
    List<ApiError> problems = new ArrayList<>();
    checkType(data, type, at, problems);
    Optional<String> id =
        update || request.idRequired()
            ? requiredId(data, update ? pathId : Optional.empty(), at, problems)
            : noId(data, type, at, problems);
    Rules rules = new Rules(type, Optional.of(request), true);
    Map<String, Object> attributes = reader.attributes(data, rules, at, problems);
    var relationships = reader.relationships(data, rules, at, problems);
    List<IncludedResource> included = included(body.get("included"), request, problems);
    throwAll(problems);
    return new WriteRequest(type, id, attributes, relationships, included);
  }

  /**
   * Validates the body of a relationship endpoint ({@code …/relationships/{name}}).
   *
   * @return the identifiers sent: any number for to-many; for to-one one, or none when the
   *     client sent {@code "data": null} to clear the relationship
   * @throws ApiException 422 when the body is not a linkage document, 409 for a bad identifier
   */
  public List<Identifier> validateLinkage(Operation operation, JsonNode body) {
    RequestBody request = operation.request();
    boolean toOne = operation.kind() == OperationKind.UPDATE_TO_ONE_RELATIONSHIP;
    boolean toMany =
        switch (operation.kind()) {
          case CREATE_TO_MANY_RELATIONSHIP, REPLACE_TO_MANY_RELATIONSHIP, DELETE_TO_MANY_RELATIONSHIP -> true;
          default -> false;
        };
    if (request == null || !toOne && !toMany) {
      throw new IllegalArgumentException(operation.id() + " does not take a linkage body");
    }
    throwAll(DocumentStructure.ofLinkageDocument(body, toMany));

    JsonNode data = body.get("data");
    Optional<String> target = Optional.ofNullable(request.type());
    String name = operation.relationship() != null ? operation.relationship() : target.orElse("data");
    Pointer at = Pointer.ROOT.member("data");
    List<ApiError> problems = new ArrayList<>();
    List<Identifier> identifiers;
    if (toMany) {
      identifiers = LinkageReader.identifiers(data, target, name, at, problems).orElse(List.of());
    } else if (data.isNull()) {
      identifiers = List.of();
    } else {
      identifiers = LinkageReader.identifier(data, target, name, at, problems).map(List::of).orElse(List.of());
    }
    throwAll(problems);
    return identifiers;
  }

  private static RequestBody resourceRequest(Operation operation) {
    boolean write =
        operation.kind() == OperationKind.CREATE_INSTANCE || operation.kind() == OperationKind.UPDATE_INSTANCE;
    if (!write || operation.request() == null || operation.request().linkage()) {
      throw new IllegalArgumentException(operation.id() + " does not take a resource body");
    }
    return operation.request();
  }

  private static void checkType(JsonNode resource, String expected, Pointer at, List<ApiError> problems) {
    JsonNode type = resource.get("type");
    Pointer typeAt = at.member("type");
    if (type == null || type.isNull()) {
      problems.add(Errors.typeRequired(typeAt.text()));
    } else if (!type.isTextual()) {
      problems.add(Errors.typeInvalid(typeAt.text(), "'type' must be a string; expected '" + expected + "'."));
    } else if (!type.textValue().equals(expected)) {
      problems.add(
          Errors.typeInvalid(
              typeAt.text(), "'" + type.textValue() + "' is not the type of this request; expected '" + expected + "'."));
    }
  }

  /** The id of an update, which must name the resource of the URL. */
  private static Optional<String> requiredId(
      JsonNode resource, Optional<String> pathId, Pointer at, List<ApiError> problems) {
    JsonNode id = resource.get("id");
    Pointer idAt = at.member("id");
    if (id == null || id.isNull()) {
      problems.add(Errors.idRequired(idAt.text()));
      return Optional.empty();
    }
    if (!id.isTextual() || id.textValue().isEmpty()) {
      problems.add(Errors.idInvalid(idAt.text(), "'id' must be a non-empty string."));
      return Optional.empty();
    }
    if (pathId.isPresent() && !pathId.get().equals(id.textValue())) {
      problems.add(
          Errors.idInvalid(
              idAt.text(), "The id '" + id.textValue() + "' does not match the id '" + pathId.get() + "' in the URL."));
      return Optional.empty();
    }
    return Optional.of(id.textValue());
  }

  /** A create takes no id: the server assigns it. {@code "id": null} counts as not sent. */
  private static Optional<String> noId(JsonNode resource, String type, Pointer at, List<ApiError> problems) {
    JsonNode id = resource.get("id");
    if (id != null && !id.isNull()) {
      problems.add(Errors.unexpectedId(at.member("id").text(), type));
    }
    return Optional.empty();
  }

  private List<IncludedResource> included(JsonNode included, RequestBody request, List<ApiError> problems) {
    if (included == null) {
      return List.of();
    }
    Pointer includedAt = Pointer.ROOT.member("included");
    List<IncludedResource> resources = new ArrayList<>();
    Set<Identifier> seen = new HashSet<>();
    for (int i = 0; i < included.size(); i++) {
      JsonNode resource = included.get(i);
      Pointer at = includedAt.index(i);
      Optional<String> type = includedType(resource, request, at, problems);
      Optional<String> id = requiredId(resource, Optional.empty(), at, problems);
      if (type.isPresent() && id.isPresent() && !seen.add(new Identifier(type.get(), id.get()))) {
        problems.add(
            Errors.includedInvalid(
                at.member("id").text(), "The resource '" + type.get() + "' with id '" + id.get() + "' is included twice."));
      }
      String resourceType = type.orElse("included");
      Rules rules = new Rules(resourceType, type.map(includedSchemas::get), false);
      Map<String, Object> attributes = reader.attributes(resource, rules, at, problems);
      var relationships = reader.relationships(resource, rules, at, problems);
      if (type.isPresent() && id.isPresent()) {
        resources.add(new IncludedResource(type.get(), id.get(), attributes, relationships));
      }
    }
    return resources;
  }

  private static Optional<String> includedType(
      JsonNode resource, RequestBody request, Pointer at, List<ApiError> problems) {
    JsonNode type = resource.get("type");
    Pointer typeAt = at.member("type");
    if (type == null || type.isNull()) {
      problems.add(Errors.typeRequired(typeAt.text()));
      return Optional.empty();
    }
    if (type.isTextual() && request.includedTypes().contains(type.textValue())) {
      return Optional.of(type.textValue());
    }
    String sent = type.isTextual() ? "'" + type.textValue() + "'" : type.toString();
    problems.add(
        Errors.includedInvalid(
            typeAt.text(),
            request.includedTypes().isEmpty()
                ? "This request does not take included resources."
                : sent + " cannot be included in this request; expected one of " + String.join(", ", request.includedTypes()) + "."));
    return Optional.empty();
  }

  private static void throwAll(List<ApiError> problems) {
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
  }
}
