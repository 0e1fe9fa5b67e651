package io.pomona.domain.provisioning;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Certificate signing requests as clients make them (Keychain Access, fastlane, OpenSSL). */
final class Csrs {
  private Csrs() {}

  record Request(KeyPair keys, PKCS10CertificationRequest csr) {
    String pem() {
      StringWriter text = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
        writer.writeObject(csr);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return text.toString();
    }

    String base64Der() {
      try {
        return Base64.getEncoder().encodeToString(csr.getEncoded());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static Request ec() {
    return request(keys("EC", 256, true), "SHA256withECDSA");
  }

  static Request rsa(int bits) {
    return request(keys("RSA", bits, false), "SHA256withRSA");
  }

  static Request ecOnCurve(String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curve));
      return request(generator.generateKeyPair(), "SHA256withECDSA");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keys(String algorithm, int bits, boolean ec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (ec) {
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        generator.initialize(bits);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Request request(KeyPair keys, String signatureAlgorithm) {
    try {
      PKCS10CertificationRequest csr = new JcaPKCS10CertificationRequestBuilder(
          new X500Name("CN=Jane Appleseed,E=jane@example.com,C=US"), keys.getPublic())
          .build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate()));
      return new Request(keys, csr);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }
}
