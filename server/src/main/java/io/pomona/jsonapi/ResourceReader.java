package io.pomona.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pomona.catalog.RequestBody;
import io.pomona.catalog.RequestBody.RequestRelationship;
import io.pomona.catalog.Shape;
import io.pomona.error.ApiError;
import io.pomona.error.Errors;
import io.pomona.jsonapi.LinkageReader.Expectation;
import io.pomona.jsonapi.LinkageReader.Linkage;
import io.pomona.jsonapi.ShapeChecker.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code attributes} and {@code relationships} of one resource object (primary data
 * or an included resource) against the operation's request schema. The attribute and
 * relationship lists are strict per operation (api-facts.md §2: Apple rejects {@code name} on
 * analyticsReportRequests). Without a schema (an included type the catalog has no create body
 * for) the members are only checked for JSON:API structure.
 */
final class ResourceReader {
  private final ShapeChecker checker;

  ResourceReader(ShapeChecker checker) {
    this.checker = checker;
  }

  /**
   * How to read a resource object.
   *
   * @param resourceType the type named in "not an attribute on the resource" details
   * @param schema the request schema, when known
   * @param relationshipsRequired whether the schema's required relationships are enforced; not
   *     for included resources, whose link to the primary resource is implied
   */
  record Rules(String resourceType, Optional<RequestBody> schema, boolean relationshipsRequired) {}

  Map<String, Object> attributes(JsonNode resource, Rules rules, Pointer at, List<ApiError> problems) {
    JsonNode sent = membersOf(resource, "attributes");
    Pointer attributesAt = at.member("attributes");
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : sent.properties()) {
      String name = entry.getKey();
      JsonNode value = entry.getValue();
      Location valueAt = new Location(attributesAt.member(name), name);
      if (rules.schema().isEmpty()) {
        attributes.put(name, checker.anyValue(value, valueAt, problems));
        continue;
      }
      RequestBody schema = rules.schema().get();
      Shape shape = schema.attributes().get(name);
      if (shape == null) {
        problems.add(Errors.attributeUnknown(valueAt.pointer().text(), name, rules.resourceType()));
      } else if (value.isNull()) {
        // Clients send null to clear an attribute; a required one cannot be cleared.
        if (schema.requiredAttributes().contains(name)) {
          problems.add(Errors.attributeRequired(valueAt.pointer().text(), name));
        } else {
          attributes.put(name, null);
        }
      } else {
        attributes.put(name, checker.check(value, shape, valueAt, problems));
      }
    }
    rules.schema().ifPresent(schema -> {
      for (String required : schema.requiredAttributes()) {
        if (!sent.has(required)) {
          problems.add(Errors.attributeRequired(attributesAt.member(required).text(), required));
        }
      }
    });
    return attributes;
  }

  Map<String, Optional<List<Identifier>>> relationships(
      JsonNode resource, Rules rules, Pointer at, List<ApiError> problems) {
    JsonNode sent = membersOf(resource, "relationships");
    Pointer relationshipsAt = at.member("relationships");
    List<String> required =
        rules.relationshipsRequired()
            ? rules.schema().map(RequestBody::requiredRelationships).orElse(List.of())
            : List.of();
    Map<String, Optional<List<Identifier>>> relationships = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : sent.properties()) {
      String name = entry.getKey();
      Pointer memberAt = relationshipsAt.member(name);
      Expectation expected = Expectation.UNKNOWN;
      if (rules.schema().isPresent()) {
        RequestRelationship relationship = rules.schema().get().relationships().get(name);
        if (relationship == null) {
          problems.add(Errors.relationshipUnknown(memberAt.text(), name, rules.resourceType()));
          continue;
        }
        expected = Expectation.of(relationship);
      }
      Linkage linkage = LinkageReader.relationship(name, entry.getValue(), expected, memberAt, problems);
      if (linkage instanceof Linkage.Sent given) {
        // A to-one "data": null clears the relationship, which a required one cannot be.
        if (given.identifiers().isEmpty() && required.contains(name)) {
          problems.add(Errors.relationshipRequired(memberAt.text(), name));
        } else {
          relationships.put(name, given.identifiers());
        }
      }
    }
    for (String name : required) {
      if (!sent.has(name)) {
        problems.add(Errors.relationshipRequired(relationshipsAt.member(name).text(), name));
      }
    }
    return relationships;
  }

  /** The object under {@code member}; an empty object when absent or null (nothing sent). */
  private static JsonNode membersOf(JsonNode resource, String member) {
    JsonNode value = resource.get(member);
    return value != null && value.isObject() ? value : JsonNodeFactory.instance.objectNode();
  }
}
