package io.pomona.domain.testflight;

import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import java.util.List;

/**
 * The errors of TestFlight's rules, in Apple's code families (api-facts.md §2, §6.1, §14). Where
 * Apple's exact text is unknown the detail is ours and names what is wrong.
 */
final class TestFlightErrors {
  private TestFlightErrors() {}

  /** Obs code {@code ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE}; a duplicate build number, a group name. */
  static ApiException duplicate(String pointer, String detail) {
    return new ApiException(new ApiError(409, "ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE",
        "The provided entity includes an attribute with a value that has already been used", detail)
        .withSource(ApiError.Source.pointer(pointer)));
  }

  static ApiException attributeInvalid(String pointer, String detail) {
    return new ApiException(new ApiError(409, "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "An attribute in the provided entity has invalid value", detail).withSource(ApiError.Source.pointer(pointer)));
  }

  static ApiException relationshipInvalid(String pointer, String detail) {
    return new ApiException(new ApiError(409, "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "The provided entity includes a relationship with an invalid value", detail)
        .withSource(ApiError.Source.pointer(pointer)));
  }

  static ApiException relationshipTargetMissing(String pointer, String type, String id) {
    return relationshipInvalid(pointer, "There is no resource of type '" + type + "' with id '" + id + "'");
  }

  /** Obs {@code STATE_ERROR.ENTITY_STATE_INVALID}: "… is not in valid state". */
  static ApiException stateInvalid(String pointer, String detail) {
    return new ApiException(new ApiError(409, "STATE_ERROR.ENTITY_STATE_INVALID",
        "The request cannot be fulfilled because of the state of another resource.", detail)
        .withSource(ApiError.Source.pointer(pointer)));
  }

  /** A rule that only holds one at a time or up to a limit (a tester limit): Apple's 409 family. */
  static ApiException limitReached(String pointer, String detail) {
    return new ApiException(new ApiError(409, "ENTITY_ERROR.RELATIONSHIP.INVALID",
        "The provided entity includes a relationship with an invalid value", detail)
        .withSource(ApiError.Source.pointer(pointer)));
  }

  /** Several problems at once, each its own error (api-facts.md §2: one response, many errors). */
  static ApiException all(List<ApiException> problems) {
    return new ApiException(problems.stream().flatMap(p -> p.errors().stream()).toList());
  }
}
