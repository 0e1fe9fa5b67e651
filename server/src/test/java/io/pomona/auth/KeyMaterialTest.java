package io.pomona.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {
  private final KeyPair pair = KeyMaterial.generateKeyPair();

  @Test
  void keyIdIsTenUppercaseLettersOrDigits() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 200; i++) {
      assertThat(KeyMaterial.newKeyId(random)).matches("[A-Z0-9]{10}");
    }
    assertThat(KeyMaterial.newKeyId()).matches("[A-Z0-9]{10}");
  }

  @Test
  void privateKeyPemHasApplesP8Layout() {
    String pem = KeyMaterial.privateKeyPem(pair);

    List<String> lines = pem.lines().toList();
    assertThat(lines.get(0)).isEqualTo("-----BEGIN PRIVATE KEY-----");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("-----END PRIVATE KEY-----");
    List<String> body = lines.subList(1, lines.size() - 1);
    // 150 DER bytes: 200 Base64 characters as 64 + 64 + 64 + 8, like AuthKey_<KEYID>.p8.
    assertThat(body).extracting(String::length).containsExactly(64, 64, 64, 8);
    assertThat(body.get(0)).startsWith("MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg");
  }

  @Test
  void privateKeyPemEmbedsThePublicPoint() throws Exception {
    byte[] der = Base64.getMimeDecoder().decode(
        KeyMaterial.privateKeyPem(pair)
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", ""));
    byte[] point = Arrays.copyOfRange(der, der.length - 65, der.length);
    byte[] expected = Arrays.copyOfRange(pair.getPublic().getEncoded(), 26, 91); // after SPKI header

    assertThat(point).isEqualTo(expected);
    assertThat(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)))
        .isInstanceOf(ECPrivateKey.class);
  }

  @Test
  void privateKeyRoundTripsAndStillSigns() throws Exception {
    ECPrivateKey read = KeyMaterial.readPrivateKey(KeyMaterial.privateKeyPem(pair));

    assertThat(read.getS()).isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(read);
    signer.update(new byte[] {1, 2, 3});
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(pair.getPublic());
    verifier.update(new byte[] {1, 2, 3});
    assertThat(verifier.verify(signer.sign())).isTrue();
  }

  @Test
  void readsJdkEncodedPrivateKeysWithoutThePublicPointToo() {
    String jdkPem =
        "-----BEGIN PRIVATE KEY-----\r\n"
            + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
            + "\r\n-----END PRIVATE KEY-----\r\n";

    assertThat(KeyMaterial.readPrivateKey(jdkPem).getS())
        .isEqualTo(((ECPrivateKey) pair.getPrivate()).getS());
  }

  @Test
  void publicKeyRoundTrips() {
    String pem = KeyMaterial.publicKeyPem((ECPublicKey) pair.getPublic());

    assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
    assertThat(pem.lines().skip(1).limit(2)).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(64));
    assertThat(KeyMaterial.readPublicKey(pem).getW()).isEqualTo(((ECPublicKey) pair.getPublic()).getW());
  }

  @Test
  void keysOnOtherCurvesAreRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    KeyPair p384 = generator.generateKeyPair();
    String p384Pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(p384.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";

    assertThatThrownBy(() -> KeyMaterial.readPublicKey(p384Pem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-256");
    assertThatThrownBy(() -> KeyMaterial.privateKeyPem(p384))
        .isInstanceOf(IllegalArgumentException.class);
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair rsaPair = rsa.generateKeyPair();
    assertThatThrownBy(() -> KeyMaterial.privateKeyPem(rsaPair))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void malformedPemIsRefused() {
    assertThatThrownBy(() -> KeyMaterial.readPublicKey("hello"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> KeyMaterial.readPublicKey(
                "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> KeyMaterial.readPrivateKey(KeyMaterial.publicKeyPem((ECPublicKey) pair.getPublic())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> KeyMaterial.readPrivateKey(
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
