package io.pomona.domain.provisioning;

import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads a certificate signing request as clients send it in {@code csrContent}: PKCS#10 as PEM
 * ({@code BEGIN CERTIFICATE REQUEST}) or as bare base64 of the DER (api-facts.md §8, Inf: accept
 * both). The request must be signed by the key it carries, and that key must be RSA of 2048 bits
 * or more, or EC P-256 — what Keychain Access, fastlane and OpenSSL make, and what Apple accepts.
 * Every problem is a 409 {@code ENTITY_ERROR.ATTRIBUTE.INVALID} naming {@code csrContent}.
 */
final class CsrReader {
  static final String POINTER = "/data/attributes/csrContent";
  static final int MINIMUM_RSA_BITS = 2048;

  private CsrReader() {}

  static PKCS10CertificationRequest read(String content) {
    PKCS10CertificationRequest csr = parse(content.strip());
    requireSelfSigned(csr);
    requireStrongKey(csr.getSubjectPublicKeyInfo());
    return csr;
  }

  private static PKCS10CertificationRequest parse(String content) {
    try {
      if (content.startsWith("-----BEGIN")) {
        try (PEMParser parser = new PEMParser(new StringReader(content))) {
          if (parser.readObject() instanceof PKCS10CertificationRequest csr) {
            return csr;
          }
          throw invalid("The PEM in csrContent is not a certificate signing request (BEGIN CERTIFICATE REQUEST).");
        }
      }
      return new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(content));
    } catch (IllegalArgumentException notBase64) {
      throw invalid("csrContent is neither PEM nor base64 of a DER certificate signing request.");
    } catch (IOException | RuntimeException malformed) {
      // BouncyCastle reports malformed ASN.1 as IOException or as one of several runtime exceptions.
      if (malformed instanceof ApiException api) {
        throw api;
      }
      throw invalid("csrContent is not a valid PKCS#10 certificate signing request.");
    }
  }

  private static void requireSelfSigned(PKCS10CertificationRequest csr) {
    boolean valid;
    try {
      valid = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()));
    } catch (OperatorCreationException | PKCSException | RuntimeException unverifiable) {
      valid = false;
    }
    if (!valid) {
      throw invalid("The certificate signing request's signature does not verify with the key it carries.");
    }
  }

  private static void requireStrongKey(SubjectPublicKeyInfo key) {
    ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
    if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      int bits = rsaBits(key);
      if (bits < MINIMUM_RSA_BITS) {
        throw invalid("The certificate signing request's RSA key has " + bits + " bits; at least "
            + MINIMUM_RSA_BITS + " are required.");
      }
      return;
    }
    if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      if (SECObjectIdentifiers.secp256r1.equals(key.getAlgorithm().getParameters())) {
        return;
      }
      throw invalid("The certificate signing request's EC key is not on curve P-256.");
    }
    throw invalid("The certificate signing request's key must be RSA (2048 bits or more) or EC P-256.");
  }

  private static int rsaBits(SubjectPublicKeyInfo key) {
    try {
      BigInteger modulus = RSAPublicKey.getInstance(key.parsePublicKey()).getModulus();
      return modulus.bitLength();
    } catch (IOException | RuntimeException malformed) {
      throw invalid("The certificate signing request's RSA key is malformed.");
    }
  }

  private static ApiException invalid(String detail) {
    return new ApiException(Errors.attributeInvalid(POINTER, detail));
  }
}
