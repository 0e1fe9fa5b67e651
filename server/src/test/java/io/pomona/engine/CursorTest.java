package io.pomona.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cursors go out in next links: their bytes must stay what Jackson wrote for them before. */
class CursorTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void encodesAsJacksonWritesTheSameArray() throws Exception {
    List<List<Object>> samples = List.of(
        List.of(),
        Arrays.asList("2026-11-07T10:00:00.000Z", null),
        List.of("quote \" backslash \\ tab\t é 日本", 42L, 7, true, false),
        List.of("emoji 😀 pair", "\u0001 control"),
        List.of(1.5, new java.math.BigDecimal("1.50")),
        List.of(Long.MIN_VALUE, Integer.MAX_VALUE));
    for (List<Object> values : samples) {
      Cursor cursor = new Cursor("0123456789abcdef", values, 123_456_789L);
      // As cursors were written before: a Jackson tree of the values, written to bytes.
      var array = JACKSON.createArrayNode().add("0123456789abcdef").add(123_456_789L);
      var inner = array.addArray();
      values.forEach(value -> inner.add(JACKSON.valueToTree(value)));
      byte[] expected = JACKSON.writeValueAsBytes(array);
      assertThat(Base64.getUrlDecoder().decode(cursor.encode())).as(values.toString()).isEqualTo(expected);
      Cursor decoded = Cursor.decode(cursor.encode(), "0123456789abcdef", values.size());
      assertThat(decoded.seq()).isEqualTo(123_456_789L);
    }
  }

  @Test
  void fingerprintsAreStableSha256Prefixes() {
    assertThat(Cursor.fingerprint("a", "b")).isEqualTo(Cursor.fingerprint("a", "b")).hasSize(16)
        .isNotEqualTo(Cursor.fingerprint("ab", ""));
    // SHA-256 of "a\0b\0", first 8 bytes in hex.
    assertThat(Cursor.fingerprint("a", "b")).isEqualTo(java.util.HexFormat.of().formatHex(sha("a\0b\0"), 0, 8));
  }

  private static byte[] sha(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
