package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.Person;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The certificate signing requests the demo team's members "made in Keychain Access": a new key
 * pair per certificate and a PKCS#10 request signed with it, naming the person as Keychain Access
 * does (email, common name, country). Pomona issues the certificate from it like any client's.
 *
 * <p>Deterministic: keys and request signatures come from a generator seeded from the demo's seed
 * ({@code SHA1PRNG}, which, seeded before first use, yields the same bytes on every JDK), so the
 * same seed gives the same public keys. EC P-256 rather than Keychain Access's RSA 2048: Apple and
 * Pomona accept both, and an EC key takes a millisecond where an RSA key takes up to a second,
 * which would dominate seeding. The private keys are dropped, as Apple never sees them either.
 */
final class SigningRequests {
  private SigningRequests() {}

  /** A PEM {@code CERTIFICATE REQUEST} for a new key pair of {@code person}'s. */
  static String pem(Person person, long seed) {
    SecureRandom random = seeded(seed);
    KeyPair keys = keyPair(random);
    try {
      var subject = new X500NameBuilder(BCStyle.INSTANCE)
          .addRDN(BCStyle.EmailAddress, person.email())
          .addRDN(BCStyle.CN, person.firstName() + " " + person.lastName())
          .addRDN(BCStyle.C, "US")
          .build();
      var request = new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withECDSA").setSecureRandom(random).build(keys.getPrivate()));
      StringWriter text = new StringWriter();
      try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
        writer.writeObject(request);
      }
      return text.toString();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("this JDK cannot sign with ECDSA", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed); // before any output: the generator then never seeds itself
      return random;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no SHA1PRNG", e);
    }
  }

  private static KeyPair keyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot make EC P-256 keys", e);
    }
  }
}
