package io.pomona.sim.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void matchesApplesDocumentedVector() {
    byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookSignature.hex("This is my secret", body))
        .isEqualTo("7f062172b01cb00b53ca068614674a3d982a34062a0f5d37687d5e3377e54657");
    assertThat(WebhookSignature.headerValue("This is my secret", body))
        .isEqualTo("hmacsha256=7f062172b01cb00b53ca068614674a3d982a34062a0f5d37687d5e3377e54657");
  }

  @Test
  void anotherSecretGivesAnotherSignature() {
    byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookSignature.hex("This is my secret!", body))
        .isNotEqualTo(WebhookSignature.hex("This is my secret", body))
        .hasSize(64)
        .matches("[0-9a-f]{64}");
  }
}
