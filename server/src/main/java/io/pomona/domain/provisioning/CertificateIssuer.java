package io.pomona.domain.provisioning;

import io.pomona.domain.provisioning.CertificateKinds.Kind;
import java.io.IOException;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Issues a client's signing certificate from its CSR: the CSR's public key (never one of ours),
 * Apple's subject layout — {@code UID=<team id>, CN=<kind>: <team name> (<team id>), OU=<team id>,
 * O=<team name>, C=US} — a random serial, the kind's validity from now, keyUsage
 * digitalSignature, the kind's extended key usages and Apple marker, signed by the intermediate.
 * The subject the CSR asks for is ignored, as Apple ignores it.
 */
final class CertificateIssuer {
  private final CertificateAuthority authority;

  CertificateIssuer(CertificateAuthority authority) {
    this.authority = authority;
  }

  /**
   * @param forIdentifier for pass type and merchant certificates, the identifier they are for: it
   *     takes the team's place in the common name and UID, as in Apple's
   */
  X509Certificate issue(PKCS10CertificationRequest csr, Kind kind, String teamId, String teamName,
      Optional<String> forIdentifier, Instant now) {
    PublicKey key = publicKey(csr);
    String commonName = forIdentifier.map(id -> kind.subjectPrefix() + ": " + id)
        .orElse(kind.subjectPrefix() + ": " + teamName + " (" + teamId + ")");
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.UID, forIdentifier.orElse(teamId))
        .addRDN(BCStyle.CN, commonName)
        .addRDN(BCStyle.OU, teamId)
        .addRDN(BCStyle.O, teamName)
        .addRDN(BCStyle.C, "US")
        .build();
    BigInteger serial = authority.newSerial();
    CertificateAuthority.Signer issuer = authority.issuer();
    X509v3CertificateBuilder builder = CertificateAuthority.leaf(issuer.certificate(), subject, key, now,
        now.plus(kind.validity()), serial);
    try {
      builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(kind.extendedKeyUsages().stream()
          .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid))).toArray(KeyPurposeId[]::new)));
      builder.addExtension(new ASN1ObjectIdentifier(kind.marker()), false, DERNull.INSTANCE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot add the certificate's extensions", e);
    }
    return CertificateAuthority.sign(builder, issuer.key());
  }

  private static PublicKey publicKey(PKCS10CertificationRequest csr) {
    try {
      return new JcaPEMKeyConverter().getPublicKey(csr.getSubjectPublicKeyInfo());
    } catch (IOException e) {
      // CsrReader accepted the key already; a failure here is ours.
      throw new IllegalStateException("a key the CSR reader accepted cannot be converted", e);
    }
  }

  static String serialHex(BigInteger serial) {
    return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
  }

}
