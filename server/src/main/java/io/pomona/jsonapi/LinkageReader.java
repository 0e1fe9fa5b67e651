package io.pomona.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.RequestBody.RequestRelationship;
import io.pomona.error.ApiError;
import io.pomona.error.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads resource linkage: relationship members of a resource object ({@code {"data": {...}}})
 * and the identifiers inside them. Every problem is a 409 {@code
 * ENTITY_ERROR.RELATIONSHIP.INVALID} pointing at the offending member.
 */
final class LinkageReader {
  private static final Set<String> RELATIONSHIP_MEMBERS = Set.of("data", "links", "meta");
  private static final Set<String> IDENTIFIER_MEMBERS = Set.of("type", "id", "meta");

  /** What a relationship member is, as far as the request schema says. */
  record Expectation(Optional<String> target, Optional<Boolean> toMany) {
    static final Expectation UNKNOWN = new Expectation(Optional.empty(), Optional.empty());

    static Expectation of(RequestRelationship relationship) {
      return new Expectation(Optional.of(relationship.target()), Optional.of(relationship.toMany()));
    }
  }

  /** The outcome of reading one relationship member. */
  sealed interface Linkage {
    /** Identifiers sent (to-one: one) or cleared with {@code "data": null} (empty). */
    record Sent(Optional<List<Identifier>> identifiers) implements Linkage {}

    /** The member was unusable; its problems are already reported. */
    record Invalid() implements Linkage {}
  }

  private LinkageReader() {}

  /**
   * Reads {@code relationships.<name>} of a resource object. A to-one {@code "data": null} is
   * returned as a clear; whether a clear is allowed (required relationships) is the caller's call.
   */
  static Linkage relationship(
      String name, JsonNode member, Expectation expected, Pointer at, List<ApiError> problems) {
    if (!member.isObject()) {
      problems.add(invalid(at, "The relationship '" + name + "' must be an object with a 'data' member."));
      return new Linkage.Invalid();
    }
    boolean clean = noOtherMembers(member, RELATIONSHIP_MEMBERS, at, "a relationship object", problems);
    JsonNode data = member.get("data");
    if (data == null) {
      problems.add(invalid(at, "The relationship '" + name + "' must have a 'data' member."));
      return new Linkage.Invalid();
    }
    Pointer dataAt = at.member("data");
    boolean toMany = expected.toMany().orElse(data.isArray());
    if (toMany) {
      if (!data.isArray()) {
        problems.add(invalid(dataAt, "The relationship '" + name + "' is to-many; 'data' must be an array of resource identifiers."));
        return new Linkage.Invalid();
      }
      Optional<List<Identifier>> identifiers = identifiers(data, expected.target(), name, dataAt, problems);
      return clean && identifiers.isPresent() ? new Linkage.Sent(identifiers) : new Linkage.Invalid();
    }
    if (data.isNull()) {
      return clean ? new Linkage.Sent(Optional.empty()) : new Linkage.Invalid();
    }
    if (!data.isObject()) {
      problems.add(invalid(dataAt, "The relationship '" + name + "' is to-one; 'data' must be a resource identifier or null."));
      return new Linkage.Invalid();
    }
    Optional<Identifier> identifier = identifier(data, expected.target(), name, dataAt, problems);
    return clean && identifier.isPresent()
        ? new Linkage.Sent(Optional.of(List.of(identifier.get())))
        : new Linkage.Invalid();
  }

  /** Reads an array of identifiers; empty when any of them is invalid. */
  static Optional<List<Identifier>> identifiers(
      JsonNode array, Optional<String> target, String name, Pointer at, List<ApiError> problems) {
    List<Identifier> identifiers = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < array.size(); i++) {
      Optional<Identifier> identifier = identifier(array.get(i), target, name, at.index(i), problems);
      identifier.ifPresent(identifiers::add);
      valid &= identifier.isPresent();
    }
    return valid ? Optional.of(identifiers) : Optional.empty();
  }

  /** Reads one {@code {type, id}}, checking the type against the relationship's target. */
  static Optional<Identifier> identifier(
      JsonNode node, Optional<String> target, String name, Pointer at, List<ApiError> problems) {
    if (!node.isObject()) {
      problems.add(invalid(at, "A resource identifier of '" + name + "' must be an object with 'type' and 'id'."));
      return Optional.empty();
    }
    boolean valid = noOtherMembers(node, IDENTIFIER_MEMBERS, at, "a resource identifier", problems);
    Optional<String> type = nonEmptyString(node, "type", name, at, problems);
    Optional<String> id = nonEmptyString(node, "id", name, at, problems);
    if (type.isPresent() && target.isPresent() && !type.get().equals(target.get())) {
      problems.add(
          invalid(
              at.member("type"),
              "'" + type.get() + "' is not a valid type for the relationship '" + name + "'; expected '" + target.get() + "'."));
      valid = false;
    }
    if (!valid || type.isEmpty() || id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Identifier(type.get(), id.get()));
  }

  private static Optional<String> nonEmptyString(
      JsonNode node, String member, String name, Pointer at, List<ApiError> problems) {
    JsonNode value = node.get(member);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      problems.add(
          invalid(at.member(member), "A resource identifier of '" + name + "' must have a non-empty string '" + member + "'."));
      return Optional.empty();
    }
    return Optional.of(value.textValue());
  }

  private static boolean noOtherMembers(
      JsonNode object, Set<String> allowed, Pointer at, String what, List<ApiError> problems) {
    boolean clean = true;
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      if (!allowed.contains(member.getKey())) {
        problems.add(invalid(at.member(member.getKey()), "'" + member.getKey() + "' is not a member of " + what + "."));
        clean = false;
      }
    }
    return clean;
  }

  private static ApiError invalid(Pointer at, String detail) {
    return Errors.relationshipInvalid(at.text(), detail);
  }
}
