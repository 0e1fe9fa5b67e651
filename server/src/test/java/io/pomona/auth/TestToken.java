package io.pomona.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds compact JWS tokens field by field, signed with the JDK directly (not with Nimbus, the
 * library under test), so that tests can make every kind of wrong token.
 */
final class TestToken {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** Produces the signature bytes for a signing input. */
  @FunctionalInterface
  interface Signer {
    byte[] sign(byte[] signingInput) throws GeneralSecurityException;
  }

  private final Map<String, Object> header = new LinkedHashMap<>();
  private final Map<String, Object> claims = new LinkedHashMap<>();
  private Signer signer;
  private byte[] rawPayload;

  private TestToken(String alg, String keyId, Signer signer) {
    header.put("alg", alg);
    header.put("kid", keyId);
    header.put("typ", "JWT");
    this.signer = signer;
  }

  static TestToken es256(String keyId, PrivateKey key) {
    return new TestToken("ES256", keyId, jdk("SHA256withECDSAinP1363Format", key));
  }

  /** The raw R || S form JWS requires (RFC 7518); the JDK calls it P1363. */
  static Signer rawEcdsa(String hash, PrivateKey key) {
    return jdk(hash + "withECDSAinP1363Format", key);
  }

  /** What a naive client gets from SHA256withECDSA: an ASN.1 DER sequence, 70–72 bytes. */
  static Signer derEcdsa(PrivateKey key) {
    return jdk("SHA256withECDSA", key);
  }

  static Signer jdk(String algorithm, PrivateKey key) {
    return input -> {
      Signature signature = Signature.getInstance(algorithm);
      signature.initSign(key);
      signature.update(input);
      return signature.sign();
    };
  }

  static Signer hmac(String algorithm, byte[] secret) {
    return input -> {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret, algorithm));
      return mac.doFinal(input);
    };
  }

  TestToken header(String name, Object value) {
    header.put(name, value);
    return this;
  }

  TestToken withoutHeader(String name) {
    header.remove(name);
    return this;
  }

  TestToken claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  TestToken without(String name) {
    claims.remove(name);
    return this;
  }

  /** Sends these bytes as the payload instead of the claims: for hostile, non-JSON payloads. */
  TestToken rawPayload(byte[] bytes) {
    this.rawPayload = bytes.clone();
    return this;
  }

  TestToken signedWith(Signer newSigner) {
    this.signer = newSigner;
    return this;
  }

  String compact() {
    String payload = rawPayload == null ? encode(claims) : BASE64URL.encodeToString(rawPayload);
    String signingInput = encode(header) + "." + payload;
    try {
      byte[] signature = signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("test signer failed", e);
    }
  }

  String bearer() {
    return "Bearer " + compact();
  }

  private static String encode(Map<String, Object> json) {
    try {
      return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
