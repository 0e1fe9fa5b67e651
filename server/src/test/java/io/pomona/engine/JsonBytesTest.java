package io.pomona.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The renderer's bytes must be Jackson's bytes: documents stayed byte-identical when it replaced Jackson. */
class JsonBytesTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void stringsAreEscapedAndEncodedAsJacksonDoes() throws Exception {
    List<String> samples = List.of(
        "", "plain", "quote \" and backslash \\", "slash / stays", "tab\tnew\nline\rfeed\fback\b",
        "\u0000\u0001\u001f controls", "\u007f delete", "é ü ß", "日本語", "emoji 😀 pair", "€ euro");
    for (String sample : samples) {
      String ours = new String(new JsonBytes(4).string(sample).toByteArray(), StandardCharsets.UTF_8);
      assertThat(ours).as(sample).isEqualTo(JACKSON.writeValueAsString(sample));
    }
  }

  @Test
  void encodedPiecesAreTheStringsContent() throws Exception {
    List<String> samples = List.of("", "483e25a3-67ac-6cf9-f7ad-c5f3fc3cf928", "1400000000", "a\"b", "a\\b",
        "tab\tx", "\u0000", "\u007f", "é", "日本", "😀");
    for (String sample : samples) {
      String ours = new String(JsonBytes.encoded(sample), StandardCharsets.UTF_8);
      String jackson = JACKSON.writeValueAsString(sample);
      assertThat("\"" + ours + "\"").as(sample).isEqualTo(jackson);
    }
  }

  @Test
  void numbersAreWrittenAsJacksonDoes() throws Exception {
    List<Number> samples = List.of(0, 7, -3, 42, Integer.MAX_VALUE, Long.MIN_VALUE, 1.5, 0.1, 1e21, -2.5e-8,
        Double.NaN, Double.POSITIVE_INFINITY, 3.25f, (short) 12, (byte) -1,
        new BigInteger("123456789012345678901234567890"), new BigDecimal("1.50"), new BigDecimal("1E+3"));
    for (Number sample : samples) {
      String ours = new String(new JsonBytes(4).number(sample).toByteArray(), StandardCharsets.UTF_8);
      assertThat(ours).as(String.valueOf(sample)).isEqualTo(JACKSON.writeValueAsString(sample));
    }
  }

  @Test
  void growsPastItsInitialCapacity() {
    String text = "x".repeat(10_000);
    byte[] written = new JsonBytes(64).string(text).number(12345L).toByteArray();
    assertThat(written).hasSize(10_000 + 2 + 5);
  }
}
