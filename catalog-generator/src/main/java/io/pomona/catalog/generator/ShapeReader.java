package io.pomona.catalog.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.Shape;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns schema nodes into {@link Shape}s. A {@code $ref} becomes a reference, and the named schema
 * is converted once and kept for {@code Catalog.shapes}. Descriptions, titles, examples and
 * deprecation flags are dropped; composition keywords fail loudly, since attributes and parameters
 * in 4.4.1 never use them and silently dropping one would lose a fact.
 */
final class ShapeReader {
  private static final Set<String> UNSUPPORTED = Set.of("oneOf", "anyOf", "allOf", "not");

  private final OpenApi openApi;
  private final Map<String, Shape> named = new LinkedHashMap<>();
  private final Set<String> inProgress = new LinkedHashSet<>();

  ShapeReader(OpenApi openApi) {
    this.openApi = openApi;
  }

  Shape read(JsonNode schema, String where) {
    var ref = OpenApi.refName(schema);
    if (ref.isPresent()) {
      register(ref.get(), where);
      return Shape.reference(ref.get(), schema.path("nullable").asBoolean(false));
    }
    for (String keyword : UNSUPPORTED) {
      if (schema.has(keyword)) {
        throw new IllegalArgumentException(
            "unsupported '" + keyword + "' in the shape at " + where);
      }
    }
    Map<String, Shape> properties = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      properties.put(property.getKey(), read(property.getValue(), where + "/" + property.getKey()));
    }
    Shape items = schema.has("items") ? read(schema.get("items"), where + "/items") : null;
    return new Shape(
        null,
        type(schema),
        schema.has("format") ? schema.get("format").asText() : null,
        texts(schema.path("enum")),
        schema.path("nullable").asBoolean(false),
        properties,
        texts(schema.path("required")),
        items,
        additionalProperties(schema.get("additionalProperties"), where),
        decimal(schema.get("minimum")),
        decimal(schema.get("maximum")));
  }

  /** Named shapes referenced so far, in the order the document declares them. */
  Map<String, Shape> namedShapes() {
    Map<String, Shape> ordered = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> schema : openApi.schemas().properties()) {
      if (named.containsKey(schema.getKey())) {
        ordered.put(schema.getKey(), named.get(schema.getKey()));
      }
    }
    return ordered;
  }

  private void register(String name, String where) {
    if (named.containsKey(name) || !inProgress.add(name)) {
      return; // converted already, or a self-reference (DiagnosticLogCallStackNode.subFrames)
    }
    JsonNode schema =
        openApi
            .schema(name)
            .orElseThrow(
                () -> new IllegalArgumentException("unknown schema " + name + " at " + where));
    named.put(name, read(schema, name));
    inProgress.remove(name);
  }

  private static String type(JsonNode schema) {
    if (schema.has("type")) {
      return schema.get("type").asText();
    }
    return schema.has("properties") ? "object" : "any";
  }

  private Shape additionalProperties(JsonNode node, String where) {
    if (node == null || node.isBoolean() && !node.asBoolean()) {
      return null;
    }
    return node.isBoolean() ? Shape.of("any") : read(node, where + "/additionalProperties");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asText()));
    return texts;
  }

  private static BigDecimal decimal(JsonNode node) {
    return node == null ? null : node.decimalValue();
  }
}
