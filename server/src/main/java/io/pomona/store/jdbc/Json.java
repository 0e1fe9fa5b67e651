package io.pomona.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.store.StoreException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON text for the stores' JSON columns and parameters: attributes and role sets written and read
 * by Jackson, and (for PostgreSQL) the scalars that conditions and keysets compare, written as JSON
 * so that PostgreSQL compares them as typed jsonb values.
 */
public final class Json {
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  /**
   * Beyond every number a double can hold, and still a valid jsonb number: where an infinite
   * double (from a tampered cursor) goes.
   */
  private static final String HUGE = "1e400";

  private final ObjectMapper mapper = new ObjectMapper();
  // Exact decimals for sort values read back, so that a keyset continues exactly where it stopped.
  private final ObjectMapper exactMapper =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** Fails with {@link IllegalArgumentException} for values Jackson cannot write: a caller bug. */
  public String writeObject(Map<String, Object> attributes) {
    try {
      return mapper.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("attributes are not JSON-compatible: " + attributes, e);
    }
  }

  public Map<String, Object> readObject(String json) {
    try {
      return mapper.readValue(json, OBJECT);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored attributes are not a JSON object", e);
    }
  }

  /** Sorted, so that equal sets are stored as equal JSON. */
  public String writeStrings(Set<String> values) {
    try {
      return mapper.writeValueAsString(new TreeSet<>(values));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not writable as JSON: " + values, e);
    }
  }

  public Set<String> readStrings(String json) {
    try {
      return Set.copyOf(mapper.readValue(json, STRINGS));
    } catch (JsonProcessingException e) {
      throw new StoreException("stored value is not a JSON array of strings", e);
    }
  }

  /**
   * A condition's or keyset's value as JSON text, for a jsonb parameter: a String, Boolean or
   * number (an infinite double as a number beyond every double).
   */
  public String scalar(Object value) {
    switch (value) {
      case Double number when number.isNaN() ->
          throw new IllegalArgumentException("NaN is not a JSON value");
      case Double number when number.isInfinite() -> {
        return number > 0 ? HUGE : "-" + HUGE;
      }
      case Float number -> {
        return scalar(number.doubleValue());
      }
      default -> {
        try {
          return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException("not a JSON scalar: " + value, e);
        }
      }
    }
  }

  /**
   * A sort value as jsonb text gives it back: a String, Boolean, Long (BigInteger beyond a long),
   * Double, or BigDecimal where a double would not be exact; null for SQL NULL.
   */
  public Object readScalar(String jsonText) {
    if (jsonText == null) {
      return null;
    }
    JsonNode node;
    try {
      node = exactMapper.readTree(jsonText);
    } catch (JsonProcessingException e) {
      throw new StoreException("a sort value is not JSON: " + jsonText, e);
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      BigInteger number = node.bigIntegerValue();
      return fitsInLong(number) ? (Object) number.longValue() : number;
    }
    if (node.isNumber()) {
      BigDecimal number = node.decimalValue();
      double approximation = number.doubleValue();
      boolean exact =
          Double.isFinite(approximation)
              && new BigDecimal(Double.toString(approximation)).compareTo(number) == 0;
      return exact ? (Object) approximation : number;
    }
    // Arrays and objects sort too (after every scalar); the keyset carries their JSON text.
    return jsonText;
  }

  private static boolean fitsInLong(BigInteger number) {
    return number.compareTo(LONG_MIN) >= 0 && number.compareTo(LONG_MAX) <= 0;
  }
}
