package io.pomona.error;

import io.pomona.error.ApiError.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Apple's error codes and texts, in one place. Where a text was observed rather than
 * documented, the source is {@code ../shared/docs/api-facts.md} §2 unless noted.
 */
public final class Errors {
  private Errors() {}

  public static ApiException notAuthorized() {
    return new ApiException(
        new ApiError(
            401,
            "NOT_AUTHORIZED",
            "Authentication credentials are missing or invalid.",
            "Provide a properly configured and signed bearer token, and make sure that it has"
                + " not expired."));
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(
        new ApiError(403, "FORBIDDEN_ERROR", "This request is forbidden for security reasons", detail));
  }

  public static ApiException rateLimitExceeded() {
    return new ApiException(
        new ApiError(
            429,
            "RATE_LIMIT_EXCEEDED",
            "The request rate limit has been reached.",
            "We've received too many requests for this API. Please wait and try again or slow"
                + " down your request rate."));
  }

  public static ApiException pathNotFound(String path) {
    return new ApiException(
        new ApiError(
            404,
            "PATH_ERROR",
            "The URL path is not valid",
            "The path provided does not match a defined resource type."));
  }

  public static ApiException notFound(String type, String id) {
    return new ApiException(
        new ApiError(
            404,
            "NOT_FOUND",
            "The specified resource does not exist",
            "There is no resource of type '" + type + "' with id '" + id + "'"));
  }

  /**
   * A resource with this id already exists. Apple's clients never choose ids on create (that is
   * {@code ENTITY_ERROR.UNEXPECTED_ID}), so this reaches them only through Pomona's own paths
   * (admin import, seeding); the code is Apple's 409 family, the text is Pomona's.
   */
  public static ApiException alreadyExists(String type, String id) {
    return duplicate("There is already a resource of type '" + type + "' with id '" + id + "'");
  }

  /** As {@link #alreadyExists}, for a clash on something other than the id. */
  public static ApiException duplicate(String detail) {
    return new ApiException(
        new ApiError(409, "ENTITY_ERROR", "The resource already exists", detail));
  }

  /**
   * An update based on a version that another write has since replaced. The code is Apple's 409
   * family for state conflicts; the text is Pomona's.
   */
  public static ApiException staleVersion(String type, String id) {
    return new ApiException(
        new ApiError(
            409,
            "STATE_ERROR",
            "The resource was changed by another request",
            "The resource of type '" + type + "' with id '" + id + "' has changed since it was"
                + " read; read it again and retry."));
  }

  /**
   * A request that the resource's current state does not allow (Apple's 409 {@code STATE_ERROR}
   * family, api-facts.md §2); e.g. deciding a simulated transition that already fired.
   */
  public static ApiException stateConflict(String detail) {
    return new ApiException(
        new ApiError(409, "STATE_ERROR", "The request cannot be fulfilled in the current state", detail));
  }

  /**
   * A relationship names a resource the caller's team does not have (observed family:
   * {@code ENTITY_ERROR.RELATIONSHIP.INVALID}, api-facts.md §2).
   */
  public static ApiError relationshipTargetNotFound(String pointer, String type, String id) {
    return new ApiError(
            409,
            "ENTITY_ERROR.RELATIONSHIP.INVALID",
            "The provided entity includes a relationship with an invalid value",
            "There is no resource of type '" + type + "' with id '" + id + "'")
        .withSource(ApiError.Source.pointer(pointer));
  }

  public static ApiException methodNotAllowed(String method, String allowed) {
    return new ApiException(
        new ApiError(
            405,
            "METHOD_NOT_ALLOWED",
            "The request method is not valid for the resource path.",
            "The request method '" + method + "' is not allowed here. Allowed: " + allowed + "."));
  }

  public static ApiException notImplemented(String operationId) {
    return new ApiException(
        new ApiError(
            501,
            "NOT_IMPLEMENTED",
            "This operation is not implemented yet.",
            "Pomona routes '" + operationId + "' but does not serve it yet."));
  }

  /**
   * A parameter the API allows but whose meaning is not a plain attribute, relationship or id
   * (e.g. {@code exists[publishedResponse]} on customer reviews): its domain issue will serve it.
   * Until then it answers 501 naming the parameter, never a wrong result.
   */
  public static ApiException parameterNotImplemented(String parameter, String type) {
    return new ApiException(
        new ApiError(
                501,
                "NOT_IMPLEMENTED",
                "This parameter is not implemented yet.",
                "Pomona does not serve '" + parameter + "' on '" + type + "' yet.")
            .withSource(ApiError.Source.parameter(parameter)));
  }

  public static ApiError invalidParameter(String parameter, String detail) {
    return new ApiError(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value", detail)
        .withSource(Source.parameter(parameter));
  }

  public static ApiError illegalParameter(String parameter, String detail) {
    return new ApiError(
            400,
            "PARAMETER_ERROR.ILLEGAL",
            "A given parameter is not allowed for this request",
            detail)
        .withSource(Source.parameter(parameter));
  }

  public static ApiError requiredParameter(String parameter) {
    return new ApiError(
            400,
            "PARAMETER_ERROR.REQUIRED",
            "A required parameter is missing",
            "The parameter '" + parameter + "' is required for this request")
        .withSource(Source.parameter(parameter));
  }

  /** The body is not JSON, not UTF-8, or not an object. */
  public static ApiException entityInvalid(String detail) {
    return new ApiException(
        new ApiError(400, "ENTITY_INVALID", "The provided entity is invalid", detail));
  }

  /** JSON that is not a JSON:API document. */
  public static ApiError entityUnprocessable(String pointer, String detail) {
    return new ApiError(
            422,
            "ENTITY_UNPROCESSABLE",
            "The request entity is not processable",
            detail)
        .withSource(Source.pointer(pointer));
  }

  // Request-body problems, all 409 ENTITY_ERROR.* (api-facts.md §2). Codes, titles and details are
  // observed unless a comment says "Inf" (our inference: Apple's exact text is unknown).

  /** Obs: a create that sends {@code data.id}. Title and detail: Inf. */
  public static ApiError unexpectedId(String pointer, String resourceType) {
    return entityError(
        "ENTITY_ERROR.UNEXPECTED_ID",
        "The provided entity includes an unexpected id",
        "An id cannot be provided when creating a resource of type '" + resourceType + "'",
        pointer);
  }

  /** Inf: {@code data.type} is missing; coded like ATTRIBUTE.REQUIRED. */
  public static ApiError typeRequired(String pointer) {
    return entityError(
        "ENTITY_ERROR.TYPE.REQUIRED",
        "The provided entity is missing its resource type",
        "You must provide the member 'type' with this request",
        pointer);
  }

  /** Inf: {@code data.type} is not the type the request writes; coded like ATTRIBUTE.INVALID. */
  public static ApiError typeInvalid(String pointer, String detail) {
    return entityError(
        "ENTITY_ERROR.TYPE.INVALID", "The provided entity has an invalid resource type", detail, pointer);
  }

  /** Inf: an update without {@code data.id}. */
  public static ApiError idRequired(String pointer) {
    return entityError(
        "ENTITY_ERROR.ID.REQUIRED",
        "The provided entity is missing its id",
        "You must provide the member 'id' with this request",
        pointer);
  }

  /** Inf: {@code data.id} is not a string or differs from the id in the URL. */
  public static ApiError idInvalid(String pointer, String detail) {
    return entityError("ENTITY_ERROR.ID.INVALID", "The provided entity has an invalid id", detail, pointer);
  }

  /** Obs: "'name' is not an attribute on the resource 'analyticsReportRequests'". */
  public static ApiError attributeUnknown(String pointer, String attribute, String resourceType) {
    return entityError(
        "ENTITY_ERROR.ATTRIBUTE.UNKNOWN",
        "The provided entity includes an unknown attribute",
        "'" + attribute + "' is not an attribute on the resource '" + resourceType + "'",
        pointer);
  }

  /** Obs: "You must provide a value for the attribute 'supportUrl' with this request". */
  public static ApiError attributeRequired(String pointer, String attribute) {
    return entityError(
        "ENTITY_ERROR.ATTRIBUTE.REQUIRED",
        "The provided entity is missing a required attribute",
        "You must provide a value for the attribute '" + attribute + "' with this request",
        pointer);
  }

  /** Obs title; the detail names the problem (our wording). */
  public static ApiError attributeInvalid(String pointer, String detail) {
    return entityError(
        "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "An attribute in the provided entity has invalid value",
        detail,
        pointer);
  }

  /**
   * Obs code ({@code ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE}, api-facts.md §2): a value that must
   * be unique is taken (a device's UDID, a profile's name). Title as ATTRIBUTE.INVALID; the detail
   * names the clash (our wording).
   */
  public static ApiError attributeDuplicate(String pointer, String detail) {
    return entityError(
        "ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE",
        "An attribute in the provided entity has invalid value",
        detail,
        pointer);
  }

  /** Obs code (wrong relationship names on reviewSubmissionItems); title and detail Inf. */
  public static ApiError relationshipUnknown(
      String pointer, String relationship, String resourceType) {
    return entityError(
        "ENTITY_ERROR.RELATIONSHIP.UNKNOWN",
        "The provided entity includes an unknown relationship",
        "'" + relationship + "' is not a relationship on the resource '" + resourceType + "'",
        pointer);
  }

  /** Obs code and detail ("You must provide a value for the relationship 'app'"); title Inf. */
  public static ApiError relationshipRequired(String pointer, String relationship) {
    return entityError(
        "ENTITY_ERROR.RELATIONSHIP.REQUIRED",
        "The provided entity is missing a required relationship",
        "You must provide a value for the relationship '" + relationship + "'",
        pointer);
  }

  /** Obs title; the detail names the problem (our wording). */
  public static ApiError relationshipInvalid(String pointer, String detail) {
    return entityError(
        "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "The provided entity includes a relationship with an invalid value",
        detail,
        pointer);
  }

  /** Inf: an {@code included} resource of a type the request does not take, or without an id. */
  public static ApiError includedInvalid(String pointer, String detail) {
    return entityError(
        "ENTITY_ERROR.INCLUDED.INVALID",
        "The provided entity includes an invalid included resource",
        detail,
        pointer);
  }

  /** Obs: "Only one appStoreVersion can be present in reviewSubmissions." */
  public static ApiError relationshipNotAllowed(String pointer, String detail) {
    return entityError(
        "ENTITY_ERROR.RELATIONSHIP.INVALID.NOT_ALLOWED",
        "The provided entity includes a relationship with an invalid value",
        detail,
        pointer);
  }

  /** Obs code (an item already in another review submission); title and detail Inf. */
  public static ApiError stateNotAllowed(String pointer, String detail) {
    return entityError(
        "ENTITY_ERROR.STATE_NOT_ALLOWED", "The provided entity is not allowed in its current state", detail, pointer);
  }

  private static final String STATE_TITLE =
      "The request cannot be fulfilled because of the state of another resource.";

  /** Obs: "appStoreVersions with id '…' is not in valid state." (api-facts.md §2). */
  public static ApiError entityStateInvalid(String pointer, String type, String id) {
    return new ApiError(409, "STATE_ERROR.ENTITY_STATE_INVALID", STATE_TITLE,
            type + " with id '" + id + "' is not in valid state.")
        .withSource(Source.pointer(pointer));
  }

  /** Obs: "App screenshot missing (APP_IPHONE_55)." (api-facts.md §2), as an associated error. */
  public static ApiError screenshotRequired(String displayType) {
    return new ApiError(409, "STATE_ERROR.SCREENSHOT_REQUIRED." + displayType, STATE_TITLE,
        "App screenshot missing (" + displayType + ").");
  }

  /**
   * Obs (api-facts.md §2, §6.3): a review submission that cannot be submitted, "Submit for review
   * errors found.", each missing piece an entry of {@code meta.associatedErrors} under the path of
   * the resource concerned ({@code /v1/appStoreVersions/<id>}, {@code /v1/appScreenshots/}).
   */
  public static ApiException submitForReviewErrors(String pointer, Map<String, List<ApiError>> associated) {
    Map<String, Object> byPath = new LinkedHashMap<>();
    associated.forEach((path, errors) -> byPath.put(path, errors.stream().map(Errors::asMeta).toList()));
    return new ApiException(new ApiError(409, "STATE_ERROR.ENTITY_STATE_INVALID", STATE_TITLE,
            "Submit for review errors found.")
        .withSource(Source.pointer(pointer))
        .withMeta(Map.of("associatedErrors", byPath)));
  }

  /** An error as plain values, for nesting under another error's {@code meta}. */
  private static Map<String, Object> asMeta(ApiError error) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("status", Integer.toString(error.status()));
    value.put("code", error.code());
    value.put("title", error.title());
    error.detail().ifPresent(detail -> value.put("detail", detail));
    error.source().flatMap(ApiError.Source::pointer).ifPresent(pointer -> value.put("source", Map.of("pointer", pointer)));
    return value;
  }

  private static ApiError entityError(String code, String title, String detail, String pointer) {
    return new ApiError(409, code, title, detail).withSource(Source.pointer(pointer));
  }

  public static ApiException payloadTooLarge(long limit) {
    return new ApiException(
        new ApiError(
            413,
            "ENTITY_TOO_LARGE",
            "The request entity is too large",
            "The request body exceeds the limit of " + limit + " bytes."));
  }

  public static ApiException unsupportedMediaType(String contentType) {
    return new ApiException(
        new ApiError(
            415,
            "UNSUPPORTED_MEDIA_TYPE",
            "The request entity has an unsupported media type",
            "Content-Type '" + contentType + "' is not supported; send application/json."));
  }

  /**
   * A request the HTTP layer could not parse (malformed URI, headers too large, ...). Apple's
   * front end answers these before the API sees them; the code is our choice (api-facts.md §2 has
   * none), kept in the PARAMETER_ERROR family clients already handle.
   */
  public static ApiException malformedRequest(int status, String reason) {
    return new ApiException(
        new ApiError(
            status,
            "PARAMETER_ERROR.INVALID",
            "The request could not be understood",
            reason.isEmpty() ? "The request is malformed." : "The request is malformed: " + reason));
  }

  public static ApiException unexpected() {
    return new ApiException(
        new ApiError(
            500,
            "UNEXPECTED_ERROR",
            "An unexpected error occurred.",
            "An unexpected error occurred on the server side."));
  }
}
