package io.pomona.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A keyset position behind an opaque cursor: the sort values and insertion sequence of the last
 * item of a page, bound to the query that produced it by a fingerprint, so that a cursor replayed
 * with other filters is refused (400) rather than silently paging something else (moto's
 * paginator does the same).
 *
 * @param fingerprint hex digest of the query's selecting parts
 * @param sortValues the last item's values of the sort keys, in order (strings, numbers,
 *     booleans or null)
 * @param seq the last item's insertion sequence, the final tie-breaker
 */
public record Cursor(String fingerprint, List<Object> sortValues, long seq) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final byte[] NULL = JsonBytes.syntax("null");
  private static final byte[] TRUE = JsonBytes.syntax("true");
  private static final byte[] FALSE = JsonBytes.syntax("false");
  /** Cloned per digest: looking SHA-256 up among the providers each time costs more than hashing. */
  private static final MessageDigest SHA_256 = sha256();

  public Cursor {
    sortValues = java.util.Collections.unmodifiableList(new ArrayList<>(sortValues));
  }

  public String encode() {
    return ENCODER.encodeToString(plainValues() ? written() : viaJackson());
  }

  /**
   * Sort values of the kinds {@link #written} writes as Jackson does: strings without surrogate
   * pairs (Jackson's byte generator escapes those), whole numbers, booleans, null.
   */
  private boolean plainValues() {
    for (Object value : sortValues) {
      boolean plain = switch (value) {
        case null -> true;
        case String text -> text.chars().noneMatch(c -> Character.isSurrogate((char) c));
        case Long number -> true;
        case Integer number -> true;
        case Boolean flag -> true;
        default -> false;
      };
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code ["<fingerprint>",<seq>,[<values>]]} written directly, byte for byte what Jackson writes
   * for the same array (a tree and a generator per page showed in a list's profile).
   */
  private byte[] written() {
    JsonBytes out = new JsonBytes(64);
    out.raw('[').string(fingerprint).raw(',').number(seq).raw(',').raw('[');
    for (int i = 0; i < sortValues.size(); i++) {
      if (i > 0) {
        out.raw(',');
      }
      switch (sortValues.get(i)) {
        case null -> out.raw(NULL);
        case String text -> out.string(text);
        case Boolean flag -> out.raw(flag ? TRUE : FALSE);
        case Number number -> out.number(number.longValue());
        default -> throw new IllegalStateException("not a plain sort value");
      }
    }
    return out.raw(']').raw(']').toByteArray();
  }

  private byte[] viaJackson() {
    ArrayNode node = JSON.createArrayNode();
    node.add(fingerprint);
    node.add(seq);
    ArrayNode values = node.addArray();
    sortValues.forEach(value -> values.add(JSON.valueToTree(value)));
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("a cursor always serializes", e);
    }
  }

  /**
   * Decodes and checks the binding and shape (one value per sort key); anything wrong is a 400
   * naming {@code cursor}.
   */
  public static Cursor decode(String encoded, String expectedFingerprint, int sortKeys) {
    JsonNode node;
    try {
      node = JSON.readTree(DECODER.decode(encoded));
    } catch (IllegalArgumentException | IOException e) {
      throw invalid("The cursor is malformed.");
    }
    if (node == null || !node.isArray() || node.size() != 3 || !node.get(0).isTextual()
        || !node.get(1).canConvertToLong() || !node.get(2).isArray()) {
      throw invalid("The cursor is malformed.");
    }
    if (!node.get(0).asText().equals(expectedFingerprint)) {
      throw invalid("The cursor does not belong to this request; it was made for other parameters.");
    }
    List<Object> values = new ArrayList<>();
    for (JsonNode value : node.get(2)) {
      if (value.isContainerNode()) {
        throw invalid("The cursor is malformed.");
      }
      values.add(value.isNull() ? null : JSON.convertValue(value, Object.class));
    }
    if (values.size() != sortKeys) {
      throw invalid("The cursor is malformed.");
    }
    return new Cursor(node.get(0).asText(), values, node.get(1).asLong());
  }

  /** A short digest of the parts of a request that decide which items a page holds. */
  public static String fingerprint(String... parts) {
    try {
      MessageDigest digest = (MessageDigest) SHA_256.clone();
      for (String part : parts) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static ApiException invalid(String detail) {
    return new ApiException(Errors.invalidParameter("cursor", detail));
  }
}
