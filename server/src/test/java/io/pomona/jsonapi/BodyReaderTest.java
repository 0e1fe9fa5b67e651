package io.pomona.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BodyReaderTest {
  private final BodyReader reader = new BodyReader(new ObjectMapper());

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsAJsonObject() {
    assertThat(reader.read(Optional.of("application/json; charset=utf-8"), utf8("{\"data\":{}}")).has("data")).isTrue();
  }

  @ParameterizedTest(name = "{0} → {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "application/json | {\"data\": | 400 | ENTITY_INVALID",
      "application/json | [1,2] | 400 | ENTITY_INVALID",
      "application/json | {} {} | 400 | ENTITY_INVALID",
      "application/json | \"text\" | 400 | ENTITY_INVALID",
      "application/json | {\"a\":1,\"a\":2} | 400 | ENTITY_INVALID",
      "text/plain | {} | 415 | UNSUPPORTED_MEDIA_TYPE",
      "application/xml | {} | 415 | UNSUPPORTED_MEDIA_TYPE",
  })
  void rejectsBadBodies(String contentType, String body, int status, String code) {
    assertThatThrownBy(() -> reader.read(Optional.of(contentType), utf8(body)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(status);
          assertThat(e.errors().get(0).code()).isEqualTo(code);
        });
  }

  @Test
  void rejectsMissingContentTypeEmptyBodyAndBadUtf8() {
    assertThatThrownBy(() -> reader.read(Optional.empty(), utf8("{}")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(415));
    assertThatThrownBy(() -> reader.read(Optional.of("application/json"), new byte[0]))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("ENTITY_INVALID"));
    byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThatThrownBy(() -> reader.read(Optional.of("application/json"), badUtf8))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).detail()).hasValue("The request body is not valid UTF-8."));
  }

  @Test
  void keepsDecimalsExactAsSent() {
    var tree = reader.read(Optional.of("application/json"), utf8("{\"a\":0.1,\"b\":1.50,\"c\":12345678901234567890.123456789}"));
    assertThat(tree.get("a").decimalValue()).isEqualTo(new java.math.BigDecimal("0.1"));
    assertThat(tree.get("b").decimalValue()).isEqualTo(new java.math.BigDecimal("1.50"));
    assertThat(tree.get("c").decimalValue()).isEqualTo(new java.math.BigDecimal("12345678901234567890.123456789"));
  }
}
