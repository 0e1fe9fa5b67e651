package io.pomona.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.store.StoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Attributes and role sets to and from the JSON text kept in SQLite columns. */
final class Json {
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final ObjectMapper mapper = new ObjectMapper();

  /** Fails with {@link IllegalArgumentException} for values Jackson cannot write: a caller bug. */
  String writeObject(Map<String, Object> attributes) {
    try {
      return mapper.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("attributes are not JSON-compatible: " + attributes, e);
    }
  }

  Map<String, Object> readObject(String json) {
    try {
      return mapper.readValue(json, OBJECT);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored attributes are not a JSON object", e);
    }
  }

  /** Sorted, so that equal sets are stored as equal text. */
  String writeStrings(Set<String> values) {
    try {
      return mapper.writeValueAsString(new TreeSet<>(values));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not writable as JSON: " + values, e);
    }
  }

  Set<String> readStrings(String json) {
    try {
      return Set.copyOf(mapper.readValue(json, STRINGS));
    } catch (JsonProcessingException e) {
      throw new StoreException("stored value is not a JSON array of strings", e);
    }
  }
}
