package io.pomona.domain.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.app.Accounts;
import io.pomona.app.Pomona;
import io.pomona.auth.KeyMaterial;
import io.pomona.auth.TokenMinter;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates over HTTP with real tokens: CSR in, a real certificate from Pomona's CA out. */
class CertificateScenarioTest {
  @TempDir Path directory;
  TestPomona pomona;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory);
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  private TestPomona.Response create(String type, String csrContent) {
    return pomona.send("POST", "/v1/certificates", Documents.resource("certificates")
        .attribute("certificateType", type).attribute("csrContent", csrContent).document());
  }

  private List<X509Certificate> caChain() throws Exception {
    TestPomona.Response response = pomona.send(HttpRequest.newBuilder(pomona.url(Pomona.CA_PATH)).GET().build());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(response.raw().body().getBytes(StandardCharsets.US_ASCII)))
        .stream().map(X509Certificate.class::cast).toList();
  }

  static X509Certificate certificateOf(JsonNode resource) throws Exception {
    byte[] der = Base64.getDecoder().decode(resource.path("attributes").path("certificateContent").asText());
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  private static String rdn(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
    RDN[] rdns = name.getRDNs(type);
    assertThat(rdns).as("subject has " + type).hasSize(1);
    return IETFUtils.valueToString(rdns[0].getFirst().getValue());
  }

  private void assertError(TestPomona.Response response, int status, String code, String pointer) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.errorCode()).isEqualTo(code);
    assertThat(response.json().path("errors").path(0).path("source").path("pointer").asText()).isEqualTo(pointer);
  }

  private int certificateCount() {
    return pomona.get("/v1/certificates").json().path("meta").path("paging").path("total").asInt();
  }

  @Test
  void csrBecomesACertificateForItsKeyThatChainsToPomonasCa() throws Exception {
    Csrs.Request request = Csrs.ec();
    TestPomona.Response response = create("DISTRIBUTION", request.pem());
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    JsonNode data = response.json().path("data");
    X509Certificate certificate = certificateOf(data);

    assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(request.keys().getPublic().getEncoded());

    List<X509Certificate> chain = caChain();
    assertThat(chain).hasSize(2);
    X509Certificate intermediate = chain.get(0);
    X509Certificate root = chain.get(1);
    certificate.verify(intermediate.getPublicKey());
    intermediate.verify(root.getPublicKey());
    root.verify(root.getPublicKey());
    PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
    pkix.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(
        CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate, intermediate)), pkix);

    String teamId = pomona.team().id();
    X500Name subject = new X509CertificateHolder(certificate.getEncoded()).getSubject();
    assertThat(rdn(subject, BCStyle.CN)).isEqualTo("Apple Distribution: Test Team (" + teamId + ")");
    assertThat(rdn(subject, BCStyle.OU)).isEqualTo(teamId);
    assertThat(rdn(subject, BCStyle.O)).isEqualTo("Test Team");
    assertThat(rdn(subject, BCStyle.C)).isEqualTo("US");
    assertThat(rdn(subject, BCStyle.UID)).isEqualTo(teamId);
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(certificate.getKeyUsage()[5]).as("keyCertSign").isFalse();
    assertThat(certificate.getExtendedKeyUsage()).containsExactly(CertificateKinds.CODE_SIGNING);
    assertThat(certificate.getNonCriticalExtensionOIDs()).contains("1.2.840.113635.100.6.1.4");
    assertThat(Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(365));

    JsonNode attributes = data.path("attributes");
    assertThat(attributes.path("certificateType").asText()).isEqualTo("DISTRIBUTION");
    assertThat(attributes.path("serialNumber").asText()).isEqualTo(certificate.getSerialNumber().toString(16).toUpperCase());
    assertThat(Instant.parse(attributes.path("expirationDate").asText()))
        .isEqualTo(certificate.getNotAfter().toInstant());
    assertThat(attributes.path("name").asText()).isEqualTo("Apple Distribution: Test Team");
    assertThat(attributes.path("displayName").asText()).isEqualTo("Test Team");
    assertThat(attributes.path("activated").asBoolean()).isTrue();
    assertThat(attributes.has("csrContent")).isFalse();

    JsonNode read = pomona.get("/v1/certificates/" + data.path("id").asText()).json().path("data");
    assertThat(read.path("attributes").path("certificateContent").asText())
        .isEqualTo(attributes.path("certificateContent").asText());
  }

  @Test
  void base64DerCsrWithRsaKeyIsAcceptedAndPlatformFollowsTheType() throws Exception {
    Csrs.Request request = Csrs.rsa(2048);
    TestPomona.Response response = create("IOS_DEVELOPMENT", request.base64Der());
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    X509Certificate certificate = certificateOf(response.json().path("data"));
    assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(request.keys().getPublic().getEncoded());
    assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=iPhone Developer: Test Team");
    assertThat(response.json().path("data").path("attributes").path("platform").asText()).isEqualTo("IOS");
  }

  @Test
  void weakKeysBadSignaturesAndGarbageAre409NamingCsrContentAndStoreNothing() throws Exception {
    String pointer = "/data/attributes/csrContent";
    assertError(create("DEVELOPMENT", Csrs.rsa(1024).pem()), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", pointer);
    assertError(create("DEVELOPMENT", Csrs.ecOnCurve("secp384r1").pem()), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID",
        pointer);
    byte[] tampered = Csrs.ec().csr().getEncoded();
    tampered[tampered.length - 5] ^= 0x01; // inside the signature
    assertError(create("DEVELOPMENT", Base64.getEncoder().encodeToString(tampered)), 409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID", pointer);
    assertError(create("DEVELOPMENT", "not base64 at all!"), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", pointer);
    assertError(create("DEVELOPMENT", Base64.getEncoder().encodeToString("hello".getBytes())), 409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID", pointer);
    assertError(create("DEVELOPMENT", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----"),
        409, "ENTITY_ERROR.ATTRIBUTE.INVALID", pointer);
    assertThat(certificateCount()).isZero();
  }

  @Test
  void aFourthActiveDistributionCertificateIs409NamingTheType() {
    for (int i = 0; i < 3; i++) {
      assertThat(create("DISTRIBUTION", Csrs.ec().pem()).status()).isEqualTo(201);
    }
    assertError(create("DISTRIBUTION", Csrs.ec().pem()), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/certificateType");
    assertThat(certificateCount()).isEqualTo(3);
    assertThat(create("DEVELOPMENT", Csrs.ec().pem()).status()).as("development certificates have no limit")
        .isEqualTo(201);
  }

  @Test
  void revokingFreesASlotAndTheCertificateDisappears() {
    String first = create("IOS_DISTRIBUTION", Csrs.ec().pem()).json().path("data").path("id").asText();
    create("IOS_DISTRIBUTION", Csrs.ec().pem());
    create("IOS_DISTRIBUTION", Csrs.ec().pem());
    assertThat(pomona.send("DELETE", "/v1/certificates/" + first, null).status()).isEqualTo(204);
    assertThat(pomona.get("/v1/certificates/" + first).status()).isEqualTo(404);
    assertThat(create("IOS_DISTRIBUTION", Csrs.ec().pem()).status()).isEqualTo(201);
  }

  @Test
  void passTypeCertificatesNeedTheirPassTypeId() throws Exception {
    assertError(create("PASS_TYPE_ID", Csrs.ec().pem()), 409, "ENTITY_ERROR.RELATIONSHIP.REQUIRED",
        "/data/relationships/passTypeId");
    String passTypeId = pomona.send("POST", "/v1/passTypeIds", Documents.resource("passTypeIds")
        .attribute("name", "Tickets").attribute("identifier", "pass.com.example.tickets").document())
        .json().path("data").path("id").asText();
    TestPomona.Response response = pomona.send("POST", "/v1/certificates", Documents.resource("certificates")
        .attribute("certificateType", "PASS_TYPE_ID").attribute("csrContent", Csrs.ec().pem())
        .toOne("passTypeId", "passTypeIds", passTypeId).document());
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(certificateOf(response.json().path("data")).getSubjectX500Principal().getName())
        .contains("CN=Pass Type ID: pass.com.example.tickets");
    assertThat(pomona.get("/v1/passTypeIds/" + passTypeId + "/certificates").json().path("data")).hasSize(1);
  }

  @Test
  void individualKeysAreRefusedEveryProvisioningOperation() throws Exception {
    Accounts.CreatedKey individual = new Accounts(pomona.pomona().store(), Clock.systemUTC()).createKey(
        pomona.team(), "mine", Set.of("ADMIN"), Optional.of("user-1"), directory.resolve("individual"));
    String token = new TokenMinter(individual.key().keyId(),
        KeyMaterial.readPrivateKey(Files.readString(individual.privateKeyFile())), Clock.systemUTC())
        .individualToken(Duration.ofMinutes(10), List.of());
    for (String path : List.of("/v1/certificates", "/v1/bundleIds", "/v1/devices", "/v1/profiles")) {
      TestPomona.Response response = pomona.send(HttpRequest.newBuilder(pomona.url(path))
          .header("Authorization", "Bearer " + token).GET().build());
      assertThat(response.status()).as(path + " " + response).isEqualTo(403);
      assertThat(response.errorCode()).isEqualTo("FORBIDDEN_ERROR");
    }
    TestPomona.Response write = pomona.send(HttpRequest.newBuilder(pomona.url("/v1/certificates"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Documents.resource("certificates")
            .attribute("certificateType", "DEVELOPMENT").attribute("csrContent", Csrs.ec().pem()).document()
            .toString())).build());
    assertThat(write.status()).isEqualTo(403);
    assertThat(certificateCount()).isZero();
  }

  @Test
  void theCaSurvivesARestart() throws Exception {
    List<X509Certificate> before = caChain();
    pomona.close();
    pomona = TestPomona.start(directory);
    assertThat(caChain()).isEqualTo(before);
  }

  @Test
  void opensslReadsTheCertificateAndVerifiesItAgainstTheCa() throws Exception {
    OpenSsl.assumeAvailable();
    X509Certificate certificate = certificateOf(create("DEVELOPMENT", Csrs.rsa(2048).pem()).json().path("data"));
    Path der = directory.resolve("development.cer");
    Files.write(der, certificate.getEncoded());
    List<X509Certificate> chain = caChain();
    Path root = directory.resolve("root.pem");
    Files.writeString(root, Pem.of(chain.get(1)));
    Path intermediate = directory.resolve("intermediate.pem");
    Files.writeString(intermediate, Pem.of(chain.get(0)));
    Path leaf = directory.resolve("development.pem");

    OpenSsl.Result read = OpenSsl.run("x509", "-inform", "der", "-in", der.toString(), "-noout", "-subject",
        "-ext", "keyUsage,extendedKeyUsage");
    assertThat(read.exitCode()).as(read.output()).isZero();
    assertThat(read.output()).contains("Apple Development: Test Team").contains("Digital Signature")
        .contains("Code Signing");
    OpenSsl.Result convert = OpenSsl.run("x509", "-inform", "der", "-in", der.toString(), "-out", leaf.toString());
    assertThat(convert.exitCode()).as(convert.output()).isZero();
    OpenSsl.Result verify = OpenSsl.run("verify", "-CAfile", root.toString(), "-untrusted", intermediate.toString(),
        "-purpose", "any", leaf.toString());
    assertThat(verify.exitCode()).as(verify.output()).isZero();
    assertThat(verify.output()).contains("OK");
  }
}
