package io.pomona.catalog.generator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The subset of JSON Patch (RFC 6902) the spec corrections need: {@code add}, {@code replace} and
 * {@code remove}. Entries may carry extra members (a {@code why} for the reader); they are ignored.
 * Hand-written because three operations over Jackson's {@link JsonPointer} are shorter than a
 * dependency.
 */
final class JsonPatch {
  private JsonPatch() {}

  /** Applies {@code patches} to {@code document} in place, in order; fails on the first bad one. */
  static void apply(JsonNode document, JsonNode patches) {
    if (!patches.isArray()) {
      throw new IllegalArgumentException("a JSON Patch is an array of operations");
    }
    for (JsonNode patch : patches) {
      String op = patch.path("op").asText();
      JsonPointer pointer = JsonPointer.compile(patch.path("path").asText());
      if (pointer.matches()) {
        throw new IllegalArgumentException(
            "patching the whole document is not supported: " + patch);
      }
      JsonNode parent = document.at(pointer.head());
      String key = pointer.last().getMatchingProperty();
      switch (op) {
        case "add" -> add(parent, key, value(patch), patch);
        case "replace" -> {
          requireExisting(parent, key, patch);
          set(parent, key, value(patch));
        }
        case "remove" -> {
          requireExisting(parent, key, patch);
          if (parent instanceof ObjectNode object) {
            object.remove(key);
          } else {
            ((ArrayNode) parent).remove(Integer.parseInt(key));
          }
        }
        default -> throw new IllegalArgumentException("unsupported patch operation: " + patch);
      }
    }
  }

  private static void add(JsonNode parent, String key, JsonNode value, JsonNode patch) {
    if (parent instanceof ObjectNode object) {
      object.set(key, value);
    } else if (parent instanceof ArrayNode array) {
      if (key.equals("-")) {
        array.add(value);
      } else {
        int index = arrayIndex(key, patch);
        if (index > array.size()) {
          throw new IllegalArgumentException("array index out of range: " + patch);
        }
        array.insert(index, value);
      }
    } else {
      throw new IllegalArgumentException("no object or array at the parent of: " + patch);
    }
  }

  private static void set(JsonNode parent, String key, JsonNode value) {
    if (parent instanceof ObjectNode object) {
      object.set(key, value);
    } else {
      ((ArrayNode) parent).set(Integer.parseInt(key), value);
    }
  }

  private static void requireExisting(JsonNode parent, String key, JsonNode patch) {
    boolean exists =
        parent instanceof ObjectNode object
            ? object.has(key)
            : parent instanceof ArrayNode array && arrayIndex(key, patch) < array.size();
    if (!exists) {
      throw new IllegalArgumentException("nothing to change at the path of: " + patch);
    }
  }

  private static int arrayIndex(String key, JsonNode patch) {
    if (!key.matches("0|[1-9][0-9]*")) {
      throw new IllegalArgumentException("not an array index: " + patch);
    }
    return Integer.parseInt(key);
  }

  private static JsonNode value(JsonNode patch) {
    if (!patch.has("value")) {
      throw new IllegalArgumentException("operation without a value: " + patch);
    }
    return patch.get("value").deepCopy();
  }
}
