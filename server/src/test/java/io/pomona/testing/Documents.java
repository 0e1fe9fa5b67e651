package io.pomona.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds JSON:API request documents for tests, so no test writes JSON by hand. */
public final class Documents {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode data = NODES.objectNode();

  private Documents(String type) {
    data.put("type", type);
  }

  public static Documents resource(String type) {
    return new Documents(type);
  }

  public Documents id(String id) {
    data.put("id", id);
    return this;
  }

  public Documents attribute(String name, Object value) {
    ObjectNode attributes = data.has("attributes") ? (ObjectNode) data.get("attributes") : data.putObject("attributes");
    attributes.set(name, TestPomona.JSON.valueToTree(value));
    return this;
  }

  public Documents toOne(String name, String type, String id) {
    relationships().putObject(name).set("data", identifier(type, id));
    return this;
  }

  public Documents toMany(String name, String type, String... ids) {
    ArrayNode array = relationships().putObject(name).putArray("data");
    for (String id : ids) {
      array.add(identifier(type, id));
    }
    return this;
  }

  public ObjectNode document() {
    ObjectNode document = NODES.objectNode();
    document.set("data", data.deepCopy());
    return document;
  }

  /** The document with resources to create inline in {@code included} (a price schedule's prices). */
  public ObjectNode document(Documents... included) {
    ObjectNode document = document();
    ArrayNode array = document.putArray("included");
    for (Documents resource : included) {
      array.add(resource.data.deepCopy());
    }
    return document;
  }

  /** A linkage body: {@code {"data": [{type, id}, ...]}}. */
  public static ObjectNode linkage(String type, String... ids) {
    ObjectNode document = NODES.objectNode();
    ArrayNode array = document.putArray("data");
    for (String id : ids) {
      array.add(identifier(type, id));
    }
    return document;
  }

  /** A to-one linkage body: {@code {"data": {type, id}}}. */
  public static ObjectNode linkageToOne(String type, String id) {
    ObjectNode document = NODES.objectNode();
    document.set("data", identifier(type, id));
    return document;
  }

  private ObjectNode relationships() {
    return data.has("relationships") ? (ObjectNode) data.get("relationships") : data.putObject("relationships");
  }

  private static ObjectNode identifier(String type, String id) {
    ObjectNode node = NODES.objectNode();
    node.put("type", type);
    node.put("id", id);
    return node;
  }
}
