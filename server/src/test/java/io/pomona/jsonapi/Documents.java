package io.pomona.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds JSON:API request documents for tests as trees, never as strings (style.md §2.4):
 * {@code Documents.resource("bundleIds").attribute("name", "x").toOne("app", "apps", "1").document()}.
 */
public final class Documents {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Converts values the way {@link BodyReader} reads bodies: decimals exact, as written. */
  private static final ObjectMapper VALUES =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private Documents() {}

  public static ResourceBuilder resource(String type) {
    return new ResourceBuilder(type);
  }

  /** A resource object without a type member. */
  public static ResourceBuilder untypedResource() {
    return new ResourceBuilder(null);
  }

  public static ObjectNode identifier(String type, String id) {
    ObjectNode identifier = NODES.objectNode();
    identifier.put("type", type);
    identifier.put("id", id);
    return identifier;
  }

  /** {@code {"data": [identifiers]}} for a to-many relationship endpoint. */
  public static ObjectNode toManyLinkage(JsonNode... identifiers) {
    ObjectNode document = NODES.objectNode();
    document.putArray("data").addAll(List.of(identifiers));
    return document;
  }

  /** {@code {"data": identifier}} or {@code {"data": null}} for a to-one relationship endpoint. */
  public static ObjectNode toOneLinkage(JsonNode identifierOrNull) {
    ObjectNode document = NODES.objectNode();
    document.set("data", identifierOrNull == null ? NODES.nullNode() : identifierOrNull);
    return document;
  }

  /** Any Java value (String, Number, Boolean, List, Map, null) as a JSON node. */
  public static JsonNode value(Object value) {
    return VALUES.valueToTree(value);
  }

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A resource object under construction; {@link #document()} wraps it (and its includes). */
  public static final class ResourceBuilder {
    private final ObjectNode resource = NODES.objectNode();
    private final List<ObjectNode> included = new ArrayList<>();

    private ResourceBuilder(String type) {
      if (type != null) {
        resource.put("type", type);
      }
    }

    public ResourceBuilder id(String id) {
      resource.put("id", id);
      return this;
    }

    /** Sets any member of the resource object, e.g. a misspelled {@code atributes}. */
    public ResourceBuilder member(String name, Object value) {
      resource.set(name, value(value));
      return this;
    }

    public ResourceBuilder attribute(String name, Object value) {
      attributes().set(name, value(value));
      return this;
    }

    public ResourceBuilder toOne(String name, String type, String id) {
      relationship(name, identifier(type, id));
      return this;
    }

    public ResourceBuilder toMany(String name, ObjectNode... identifiers) {
      relationship(name, NODES.arrayNode().addAll(List.of(identifiers)));
      return this;
    }

    /** {@code relationships.<name> = {"data": data}}; data may be any node, e.g. null. */
    public ResourceBuilder relationship(String name, JsonNode data) {
      ObjectNode relationships = resource.has("relationships") ? (ObjectNode) resource.get("relationships") : resource.putObject("relationships");
      relationships.putObject(name).set("data", data);
      return this;
    }

    public ResourceBuilder include(ResourceBuilder other) {
      included.add(other.node());
      return this;
    }

    public ObjectNode node() {
      return resource.deepCopy();
    }

    public ObjectNode document() {
      ObjectNode document = NODES.objectNode();
      document.set("data", node());
      if (!included.isEmpty()) {
        document.putArray("included").addAll(included);
      }
      return document;
    }

    private ObjectNode attributes() {
      return resource.has("attributes") ? (ObjectNode) resource.get("attributes") : resource.putObject("attributes");
    }
  }
}
