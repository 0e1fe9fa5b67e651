package io.pomona.auth;

import com.nimbusds.jose.jwk.Curve;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * EC P-256 keys as App Store Connect hands them out: generation, key ids, and PEM files. Used by
 * the CLI and tests; the server itself keeps public keys only.
 *
 * <p>Malformed input raises {@link IllegalArgumentException}: these methods read files and
 * operator input, not API requests.
 */
public final class KeyMaterial {

  private static final String KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final int KEY_ID_LENGTH = 10;
  private static final int COORDINATE_BYTES = 32;
  private static final int PEM_LINE_LENGTH = 64;

  /*
   * Apple's AuthKey_<KEYID>.p8 is PKCS#8 whose inner ECPrivateKey (RFC 5915) also carries the
   * curve and the public point; the JDK's own encoding leaves both out. We write Apple's layout
   * so that our files are interchangeable with Apple's byte for byte in structure. For P-256 the
   * layout is fixed: prefix, 32-byte secret, middle, 0x04 || X || Y.
   */
  private static final byte[] APPLE_P8_PREFIX =
      HexFormat.of()
          .parseHex(
              "308193" // SEQUENCE (147): PrivateKeyInfo
                  + "020100" // version 0
                  + "301306072a8648ce3d020106082a8648ce3d030107" // id-ecPublicKey, prime256v1
                  + "0479" // OCTET STRING (121)
                  + "3077" // SEQUENCE (119): ECPrivateKey
                  + "020101" // version 1
                  + "0420"); // OCTET STRING (32): the secret
  private static final byte[] APPLE_P8_MIDDLE =
      HexFormat.of()
          .parseHex(
              "a00a06082a8648ce3d030107" // [0] parameters: prime256v1
                  + "a144034200" // [1] publicKey: BIT STRING (66), no unused bits
                  + "04"); // uncompressed point

  private KeyMaterial() {}

  /** A fresh EC P-256 key pair. */
  public static KeyPair generateKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot generate EC P-256 keys", e);
    }
  }

  /** A key id like Apple's: 10 characters of A–Z and 0–9. */
  public static String newKeyId() {
    return newKeyId(new SecureRandom());
  }

  public static String newKeyId(SecureRandom random) {
    StringBuilder id = new StringBuilder(KEY_ID_LENGTH);
    for (int i = 0; i < KEY_ID_LENGTH; i++) {
      id.append(KEY_ID_ALPHABET.charAt(random.nextInt(KEY_ID_ALPHABET.length())));
    }
    return id.toString();
  }

  /**
   * The private key as Apple's {@code AuthKey_<KEYID>.p8}: PEM {@code BEGIN PRIVATE KEY}, 64
   * characters a line, with the public point embedded (hence the whole pair is needed).
   */
  public static String privateKeyPem(KeyPair keyPair) {
    if (!(keyPair.getPrivate() instanceof ECPrivateKey privateKey)
        || !(keyPair.getPublic() instanceof ECPublicKey publicKey)) {
      throw new IllegalArgumentException("not an EC key pair");
    }
    requireP256(privateKey);
    requireP256(publicKey);
    ByteArrayOutputStream der = new ByteArrayOutputStream(150);
    der.writeBytes(APPLE_P8_PREFIX);
    der.writeBytes(unsigned(privateKey.getS()));
    der.writeBytes(APPLE_P8_MIDDLE);
    ECPoint point = publicKey.getW();
    der.writeBytes(unsigned(point.getAffineX()));
    der.writeBytes(unsigned(point.getAffineY()));
    return pem("PRIVATE KEY", der.toByteArray());
  }

  /** The public key as PEM {@code BEGIN PUBLIC KEY} (X.509 SubjectPublicKeyInfo). */
  public static String publicKeyPem(ECPublicKey publicKey) {
    return pem("PUBLIC KEY", requireP256(publicKey).getEncoded());
  }

  /** Reads a PEM {@code BEGIN PUBLIC KEY} holding an EC P-256 key. */
  public static ECPublicKey readPublicKey(String pem) {
    byte[] der = unpem(pem, "PUBLIC KEY");
    try {
      return requireP256(
          (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not an EC public key", e);
    }
  }

  /** Reads a PKCS#8 PEM {@code BEGIN PRIVATE KEY} holding an EC P-256 key (Apple's .p8). */
  public static ECPrivateKey readPrivateKey(String pem) {
    byte[] der = unpem(pem, "PRIVATE KEY");
    try {
      return requireP256(
          (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not a PKCS#8 EC private key", e);
    }
  }

  private static <K extends ECKey> K requireP256(K key) {
    if (!Curve.P_256.equals(Curve.forECParameterSpec(key.getParams()))) {
      throw new IllegalArgumentException("the key is not on curve P-256");
    }
    return key;
  }

  /** A coordinate or scalar as exactly 32 big-endian bytes, as the fixed layout needs. */
  private static byte[] unsigned(BigInteger value) {
    byte[] twosComplement = value.toByteArray();
    byte[] fixed = new byte[COORDINATE_BYTES];
    int length = Math.min(twosComplement.length, COORDINATE_BYTES);
    System.arraycopy(
        twosComplement, twosComplement.length - length, fixed, COORDINATE_BYTES - length, length);
    return fixed;
  }

  private static String pem(String label, byte[] der) {
    Base64.Encoder lines =
        Base64.getMimeEncoder(PEM_LINE_LENGTH, "\n".getBytes(StandardCharsets.US_ASCII));
    return "-----BEGIN " + label + "-----\n"
        + lines.encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  private static byte[] unpem(String pem, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int start = pem.indexOf(begin);
    int stop = pem.indexOf(end);
    if (start < 0 || stop < start) {
      throw new IllegalArgumentException("not a PEM " + label + " (expected " + begin + ")");
    }
    String body = pem.substring(start + begin.length(), stop).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM " + label + " body is not Base64", e);
    }
  }
}
