package io.pomona.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.catalog.Catalog;
import io.pomona.catalog.Operation;
import io.pomona.catalog.OperationKind;
import io.pomona.catalog.RequestBody;
import io.pomona.catalog.RequestBody.RequestRelationship;
import io.pomona.catalog.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Synthesizes valid request bodies for catalog operations, deterministically: the same catalog
 * gives the same bodies, byte for byte. Used by the validator's catalog test and by the
 * conformance sweep.
 *
 * <p>A minimal body carries the type, the id (updates), the required attributes and the required
 * relationships; a full body carries every attribute and relationship the request takes. Values
 * are the simplest valid ones for their shape: the first enum value, the lower bound (or 1),
 * {@code true}, a fixed date, {@code "sample-<member>"} for free text. Related ids come from a
 * function of the target type, so a sweep can point them at resources it created. To-many
 * relationships to a type the request may include point at an included resource with a
 * temporary id ({@code "${appPrices1}"}), the way Apple's price schedule examples do.
 */
public final class SampleBodies {
  /** Nested shapes can refer to themselves; full bodies stop descending here. */
  private static final int MAX_DEPTH = 6;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, Shape> shapes;
  private final Map<String, RequestBody> includedSchemas;
  private final Function<String, String> idForType;

  /** Bodies for a catalog, with related ids {@code "sample-<type>"}. */
  public static SampleBodies forCatalog(Catalog catalog) {
    return new SampleBodies(catalog.shapes(), BodyValidator.includedSchemas(catalog), type -> "sample-" + type);
  }

  /**
   * @param shapes the catalog's named shapes
   * @param includedSchemas by type, the schema whose attributes an included resource carries
   *     (see {@link BodyValidator#includedSchemas})
   * @param idForType the id of the related resource of a type
   */
  public SampleBodies(
      Map<String, Shape> shapes, Map<String, RequestBody> includedSchemas, Function<String, String> idForType) {
    this.shapes = Map.copyOf(shapes);
    this.includedSchemas = Map.copyOf(includedSchemas);
    this.idForType = idForType;
  }

  /** The smallest valid body of a create or update operation. */
  public ObjectNode minimalResource(Operation operation, Optional<String> pathId) {
    return resourceDocument(operation, pathId, false);
  }

  /** A valid body of a create or update operation that sets every attribute and relationship. */
  public ObjectNode fullResource(Operation operation, Optional<String> pathId) {
    return resourceDocument(operation, pathId, true);
  }

  /** A valid body of a relationship endpoint: one identifier of the target type. */
  public ObjectNode linkage(Operation operation) {
    String type = operation.request().type();
    ObjectNode document = NODES.objectNode();
    ObjectNode identifier = identifier(type, idForType.apply(type));
    if (operation.kind() == OperationKind.UPDATE_TO_ONE_RELATIONSHIP) {
      document.set("data", identifier);
    } else {
      document.putArray("data").add(identifier);
    }
    return document;
  }

  /** The sample value of a shape; objects carry their required members, or all when full. */
  public JsonNode value(Shape shape, String memberName, boolean full) {
    return value(shape, memberName, full, 0);
  }

  private ObjectNode resourceDocument(Operation operation, Optional<String> pathId, boolean full) {
    RequestBody request = operation.request();
    String type = request.type() != null ? request.type() : operation.type();
    ObjectNode document = NODES.objectNode();
    ObjectNode data = document.putObject("data");
    data.put("type", type);
    if (operation.kind() == OperationKind.UPDATE_INSTANCE || request.idRequired()) {
      data.put("id", pathId.orElse(idForType.apply(type)));
    }
    ObjectNode attributes = NODES.objectNode();
    request.attributes().forEach((name, shape) -> {
      if (full || request.requiredAttributes().contains(name)) {
        attributes.set(name, value(shape, name, full, 0));
      }
    });
    if (!attributes.isEmpty()) {
      data.set("attributes", attributes);
    }
    ObjectNode relationships = NODES.objectNode();
    List<ObjectNode> included = new ArrayList<>();
    request.relationships().forEach((name, relationship) -> {
      if (full || request.requiredRelationships().contains(name)) {
        relationships.putObject(name).set("data", linkageData(relationship, request, full, included));
      }
    });
    if (!relationships.isEmpty()) {
      data.set("relationships", relationships);
    }
    if (!included.isEmpty()) {
      document.putArray("included").addAll(included);
    }
    return document;
  }

  private JsonNode linkageData(
      RequestRelationship relationship, RequestBody request, boolean full, List<ObjectNode> included) {
    String target = relationship.target();
    if (!relationship.toMany()) {
      return identifier(target, idForType.apply(target));
    }
    ArrayNode identifiers = NODES.arrayNode();
    if (request.includedTypes().contains(target)) {
      String temporaryId = "${" + target + (included.size() + 1) + "}";
      identifiers.add(identifier(target, temporaryId));
      included.add(includedResource(target, temporaryId, full));
    } else {
      identifiers.add(identifier(target, idForType.apply(target)));
    }
    return identifiers;
  }

  /** An included resource with the attributes its schema requires (all of them when full). */
  private ObjectNode includedResource(String type, String temporaryId, boolean full) {
    ObjectNode resource = identifier(type, temporaryId);
    RequestBody schema = includedSchemas.get(type);
    if (schema != null) {
      ObjectNode attributes = NODES.objectNode();
      schema.attributes().forEach((name, shape) -> {
        if (full || schema.requiredAttributes().contains(name)) {
          attributes.set(name, value(shape, name, full, 0));
        }
      });
      if (!attributes.isEmpty()) {
        resource.set("attributes", attributes);
      }
    }
    return resource;
  }

  private JsonNode value(Shape shape, String memberName, boolean full, int depth) {
    Shape resolved = resolve(shape);
    if (!resolved.enumValues().isEmpty()) {
      return NODES.textNode(resolved.enumValues().get(0));
    }
    String type = resolved.type() == null ? "any" : resolved.type();
    return switch (type) {
      case "string" -> NODES.textNode(sampleText(resolved.format(), memberName));
      case "integer" -> NODES.numberNode(sampleNumber(resolved).longValueExact());
      case "number" -> NODES.numberNode(sampleNumber(resolved));
      case "boolean" -> NODES.booleanNode(true);
      case "array" -> sampleArray(resolved, memberName, full, depth);
      case "object" -> sampleObject(resolved, full, depth);
      default -> NODES.textNode("sample-" + memberName);
    };
  }

  private JsonNode sampleArray(Shape array, String memberName, boolean full, int depth) {
    ArrayNode items = NODES.arrayNode();
    if (array.items() != null && depth < MAX_DEPTH) {
      items.add(value(array.items(), memberName, full, depth + 1));
    }
    return items;
  }

  private JsonNode sampleObject(Shape object, boolean full, int depth) {
    ObjectNode members = NODES.objectNode();
    object.properties().forEach((name, member) -> {
      if (object.required().contains(name) || full && depth < MAX_DEPTH) {
        members.set(name, value(member, name, full, depth + 1));
      }
    });
    if (object.properties().isEmpty() && object.additionalProperties() != null && depth < MAX_DEPTH) {
      members.set("key", value(object.additionalProperties(), "key", full, depth + 1));
    }
    return members;
  }

  private static String sampleText(String format, String memberName) {
    if (format == null) {
      return "sample-" + memberName;
    }
    return switch (format) {
      case "date" -> "2024-01-01";
      case "date-time" -> "2024-01-01T00:00:00Z";
      case "uri" -> "https://example.com/" + memberName;
      case "email" -> memberName.toLowerCase(java.util.Locale.ROOT) + "@example.com";
      case "number" -> "1";
      case "duration" -> "P1D";
      default -> "sample-" + memberName;
    };
  }

  private static BigDecimal sampleNumber(Shape shape) {
    BigDecimal sample = BigDecimal.ONE;
    if (shape.minimum() != null && sample.compareTo(shape.minimum()) < 0) {
      sample = shape.minimum();
    }
    if (shape.maximum() != null && sample.compareTo(shape.maximum()) > 0) {
      sample = shape.maximum();
    }
    return sample;
  }

  private static ObjectNode identifier(String type, String id) {
    ObjectNode identifier = NODES.objectNode();
    identifier.put("type", type);
    identifier.put("id", id);
    return identifier;
  }

  private Shape resolve(Shape shape) {
    Shape current = shape;
    for (int hops = 0; current.isRef() && hops < MAX_DEPTH; hops++) {
      current = shapes.get(current.ref());
      if (current == null) {
        throw new IllegalStateException("catalog shape '" + shape.ref() + "' is not defined");
      }
    }
    return current;
  }
}
