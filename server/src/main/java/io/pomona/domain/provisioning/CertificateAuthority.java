package io.pomona.domain.provisioning;

import io.pomona.store.Store;
import io.pomona.store.Tx;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Pomona's own certificate authority, standing in for Apple's: a root, an intermediate that issues
 * the clients' signing certificates (Apple's "Worldwide Developer Relations" role), and a leaf that
 * signs provisioning profiles. Generated once per installation and kept in the store's settings,
 * so it survives restarts and every node of a shared store uses the same one; users download the
 * root and intermediate (admin endpoint, {@code pomona ca}) to build a trust chain.
 *
 * <p>Keys are EC P-256 (ECDSA with SHA-256): instant to generate, and accepted by every current
 * verifier (OpenSSL, Apple's and Java's). Only the JDK's providers do the cryptography;
 * BouncyCastle builds the ASN.1 structures, so no provider has to be registered or signed.
 */
public final class CertificateAuthority {
  static final String SETTING_PREFIX = "provisioning.ca.";
  private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
  private static final Duration INTERMEDIATE_VALIDITY = Duration.ofDays(15 * 365);
  /** A new CA is back-dated a little so that clocks slightly behind still accept it. */
  private static final Duration BACKDATE = Duration.ofDays(1);
  static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private final X509Certificate root;
  private final Signer intermediate;
  private final Signer profileSigner;
  private final SecureRandom random;

  /** A certificate and its private key. */
  record Signer(X509Certificate certificate, PrivateKey key) {}

  private CertificateAuthority(X509Certificate root, Signer intermediate, Signer profileSigner, SecureRandom random) {
    this.root = root;
    this.intermediate = intermediate;
    this.profileSigner = profileSigner;
    this.random = random;
  }

  /** The installation's CA: the stored one, or a new one stored now (in one transaction). */
  public static CertificateAuthority loadOrCreate(Store store, Clock clock) {
    SecureRandom random = new SecureRandom();
    return store.transaction(tx -> tx.setting(SETTING_PREFIX + "root.certificate").isPresent()
        ? load(tx, random)
        : create(tx, clock.instant(), random));
  }

  private static CertificateAuthority load(Tx tx, SecureRandom random) {
    return new CertificateAuthority(Pem.certificate(required(tx, "root.certificate")),
        new Signer(Pem.certificate(required(tx, "intermediate.certificate")),
            Pem.privateKey(required(tx, "intermediate.key"))),
        new Signer(Pem.certificate(required(tx, "signer.certificate")), Pem.privateKey(required(tx, "signer.key"))),
        random);
  }

  private static String required(Tx tx, String name) {
    return tx.setting(SETTING_PREFIX + name)
        .orElseThrow(() -> new IllegalStateException("the stored CA lacks its setting " + SETTING_PREFIX + name));
  }

  private static CertificateAuthority create(Tx tx, Instant now, SecureRandom random) {
    Instant from = now.minus(BACKDATE);
    KeyPair rootKeys = newKeyPair(random);
    X500Name rootName = new X500Name("CN=Pomona Root CA,OU=Pomona Certification Authority,O=Pomona,C=US");
    X509Certificate root = sign(caCertificate(rootName, rootName, rootKeys.getPublic(), null, from,
        from.plus(ROOT_VALIDITY), serial(random), -1), rootKeys.getPrivate());

    KeyPair intermediateKeys = newKeyPair(random);
    X509Certificate intermediate = sign(caCertificate(new X500Name(
            "CN=Pomona Worldwide Developer Relations Certification Authority,OU=G1,O=Pomona,C=US"),
        rootName, intermediateKeys.getPublic(), root, from, from.plus(INTERMEDIATE_VALIDITY), serial(random), 0),
        rootKeys.getPrivate());

    KeyPair signerKeys = newKeyPair(random);
    X509Certificate signer = sign(leaf(intermediate, new X500Name(
            "CN=Pomona Provisioning Profile Signing,OU=Pomona Certification Authority,O=Pomona,C=US"),
        signerKeys.getPublic(), from, from.plus(INTERMEDIATE_VALIDITY), serial(random)),
        intermediateKeys.getPrivate());

    tx.putSetting(SETTING_PREFIX + "root.certificate", Pem.of(root));
    tx.putSetting(SETTING_PREFIX + "root.key", Pem.of(rootKeys.getPrivate()));
    tx.putSetting(SETTING_PREFIX + "intermediate.certificate", Pem.of(intermediate));
    tx.putSetting(SETTING_PREFIX + "intermediate.key", Pem.of(intermediateKeys.getPrivate()));
    tx.putSetting(SETTING_PREFIX + "signer.certificate", Pem.of(signer));
    tx.putSetting(SETTING_PREFIX + "signer.key", Pem.of(signerKeys.getPrivate()));
    return new CertificateAuthority(root, new Signer(intermediate, intermediateKeys.getPrivate()),
        new Signer(signer, signerKeys.getPrivate()), random);
  }

  public X509Certificate root() {
    return root;
  }

  public X509Certificate intermediate() {
    return intermediate.certificate();
  }

  /** Root and intermediate, PEM, intermediate first: a trust chain for {@code -CAfile} and keychains. */
  public String chainPem() {
    return Pem.of(intermediate.certificate()) + Pem.of(root);
  }

  /** The issuer of clients' certificates. */
  Signer issuer() {
    return intermediate;
  }

  /** The signer of provisioning profiles, and the chain above it. */
  Signer profileSigner() {
    return profileSigner;
  }

  List<X509Certificate> profileSignerChain() {
    return List.of(profileSigner.certificate(), intermediate.certificate(), root);
  }

  /** A fresh positive serial number of 64 random bits (RFC 5280 allows up to 20 octets). */
  BigInteger newSerial() {
    return serial(random);
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(63, random).setBit(62);
  }

  private static KeyPair newKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make EC P-256 keys", e);
    }
  }

  private static X509v3CertificateBuilder caCertificate(X500Name subject, X500Name issuer, PublicKey key,
      X509Certificate issuerCertificate, Instant from, Instant until, BigInteger serial, int pathLength) {
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from),
          Date.from(until), subject, key)
          .addExtension(Extension.basicConstraints, true,
              pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key));
      if (issuerCertificate != null) {
        builder.addExtension(Extension.authorityKeyIdentifier, false,
            extensions.createAuthorityKeyIdentifier(issuerCertificate));
      }
      return builder;
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot build a CA certificate", e);
    }
  }

  /**
   * A leaf certificate issued by {@code issuer}: not a CA, digitalSignature, identified by key
   * identifiers. Callers add their own extensions before signing.
   */
  static X509v3CertificateBuilder leaf(X509Certificate issuer, X500Name subject, PublicKey key, Instant from,
      Instant until, BigInteger serial) {
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(until), subject, key)
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key))
          .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuer));
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("cannot build a certificate", e);
    }
  }

  static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
    try {
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key)));
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException("cannot sign a certificate", e);
    }
  }
}
