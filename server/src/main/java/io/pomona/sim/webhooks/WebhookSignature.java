package io.pomona.sim.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Apple's webhook signature (api-facts.md §13): header {@code x-apple-signature} with value
 * {@code hmacsha256=<lowercase hex HMAC-SHA256(secret, raw body)>}, the key being the webhook's
 * secret as UTF-8 bytes.
 */
public final class WebhookSignature {
  /** The header that carries the signature. */
  public static final String HEADER = "x-apple-signature";

  private static final String ALGORITHM = "HmacSHA256";
  private static final String PREFIX = "hmacsha256=";

  private WebhookSignature() {}

  /** The lowercase hex HMAC-SHA256 of {@code body} keyed with {@code secret}. */
  public static String hex(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java runtime ships HmacSHA256, and any byte string is a valid HMAC key.
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** The header's value: {@code hmacsha256=<hex>}. */
  public static String headerValue(String secret, byte[] body) {
    return PREFIX + hex(secret, body);
  }
}
