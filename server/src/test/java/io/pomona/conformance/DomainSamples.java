package io.pomona.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.function.IntFunction;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Attribute values that domain behaviours accept where the generic samples ({@code
 * "sample-<member>"}, the first enum value, a 2024 date) break a domain rule: bundle identifiers
 * and UDIDs of the right shape and unique, a real CSR, profile names that do not clash, a
 * certificate type that needs no merchant, certificates that have not expired, beta groups with
 * their own names and external. One table, by type
 * and attribute; each value is made afresh for the n-th resource so that uniqueness rules hold.
 */
final class DomainSamples {
  private static final Map<String, Map<String, IntFunction<Object>>> VALUES = Map.of(
      "bundleIds", Map.of(
          "identifier", n -> "com.example.sweep" + n,
          "seedId", n -> "SWEEP12345"),
      "devices", Map.of(
          "udid", n -> String.format("%040x", n),
          "platform", n -> "IOS"),
      "certificates", Map.of(
          "certificateType", n -> "DEVELOPMENT",
          "csrContent", n -> csr(),
          "expirationDate", n -> "2099-01-01T00:00:00.000Z"),
      "profiles", Map.of(
          "name", n -> "Sweep profile " + n),
      // Group names are unique per app; an internal group takes only team users and has no public link.
      "betaGroups", Map.of(
          "name", n -> "Sweep group " + n,
          "isInternalGroup", n -> false));

  private int made;

  /** The fixture attributes of a type with the domain's values in place. */
  Map<String, Object> apply(String type, Map<String, Object> attributes) {
    Map<String, IntFunction<Object>> values = VALUES.getOrDefault(type, Map.of());
    int n = ++made;
    values.forEach((name, value) -> {
      if (attributes.containsKey(name)) {
        attributes.put(name, value.apply(n));
      }
    });
    return attributes;
  }

  /** A request document's attributes with the domain's values in place. */
  ObjectNode apply(String type, ObjectNode document) {
    if (document.path("data").path("attributes") instanceof ObjectNode attributes) {
      int n = ++made;
      VALUES.getOrDefault(type, Map.of()).forEach((name, value) -> {
        if (attributes.has(name)) {
          attributes.putPOJO(name, value.apply(n));
        }
      });
    }
    return document;
  }

  private static String csr() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      StringWriter pem = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
        writer.writeObject(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Sweep"), keys.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      }
      return pem.toString();
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
