package io.pomona.domain.provisioning;

import static io.pomona.domain.provisioning.ProvisioningClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.app.Pomona;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Profiles over HTTP: validated as Apple does, signed by Pomona's CA, readable by real parsers. */
class ProfileScenarioTest {
  private static final String IPHONE_UDID = "00008030-001A2B3C4D5E6F70";
  private static final String IPAD_UDID = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path directory;
  TestPomona pomona;
  ProvisioningClient client;
  String bundleId;
  JsonNode development;
  String iphone;
  String ipad;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory);
    client = new ProvisioningClient(pomona);
    bundleId = client.bundleId("com.example.weather", "IOS");
    client.created(client.enable(bundleId, "PUSH_NOTIFICATIONS", null));
    client.created(client.enable(bundleId, "DATA_PROTECTION",
        ProvisioningClient.setting("DATA_PROTECTION_PERMISSION_LEVEL", "PROTECTED_UNLESS_OPEN")));
    development = client.certificate("DEVELOPMENT");
    iphone = client.deviceId("Jane's iPhone", "IOS", IPHONE_UDID.toLowerCase());
    ipad = client.deviceId("Jane's iPad", "IOS", IPAD_UDID.toUpperCase());
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  private JsonNode developmentProfile() {
    return client.created(client.profile("Weather Development", "IOS_APP_DEVELOPMENT", bundleId,
        List.of(development.path("id").asText()), List.of(iphone, ipad)));
  }

  private List<X509Certificate> caChain() throws Exception {
    TestPomona.Response response = pomona.send(HttpRequest.newBuilder(pomona.url(Pomona.CA_PATH)).GET().build());
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(response.raw().body().getBytes(StandardCharsets.US_ASCII)))
        .stream().map(X509Certificate.class::cast).toList();
  }

  private String profileState(String id) {
    return client.get("/v1/profiles/" + id).path("data").path("attributes").path("profileState").asText();
  }

  @Test
  void profileIsCmsSignedByTheCaAroundAPlistWithEveryField() throws Exception {
    JsonNode profile = developmentProfile();
    JsonNode attributes = profile.path("attributes");
    assertThat(attributes.path("profileState").asText()).isEqualTo("ACTIVE");
    assertThat(attributes.path("platform").asText()).isEqualTo("IOS");
    assertThat(attributes.path("profileType").asText()).isEqualTo("IOS_APP_DEVELOPMENT");
    Instant created = Instant.parse(attributes.path("createdDate").asText());
    Instant expires = Instant.parse(attributes.path("expirationDate").asText());
    Instant certificateExpires = Instant.parse(development.path("attributes").path("expirationDate").asText());
    assertThat(expires).as("a year, or sooner when the certificate expires sooner")
        .isEqualTo(certificateExpires.isBefore(created.plus(Duration.ofDays(365)))
            ? certificateExpires : created.plus(Duration.ofDays(365)));
    assertThat(Duration.between(created, expires)).isBetween(Duration.ofDays(364), Duration.ofDays(365));

    CMSSignedData cms = new CMSSignedData(Base64.getDecoder().decode(attributes.path("profileContent").asText()));
    Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
    assertThat(signers).hasSize(1);
    SignerInformation signer = signers.iterator().next();
    @SuppressWarnings("unchecked")
    X509CertificateHolder signerHolder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
        .iterator().next();
    assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerHolder))).isTrue();
    X509Certificate signerCertificate = new JcaX509CertificateConverter().getCertificate(signerHolder);
    List<X509Certificate> chain = caChain();
    PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(chain.get(1), null)));
    pkix.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
        .generateCertPath(List.of(signerCertificate, chain.get(0))), pkix);

    byte[] plistBytes = (byte[]) cms.getSignedContent().getContent();
    assertThat(new String(plistBytes, StandardCharsets.UTF_8)).startsWith("<?xml").contains("<plist");
    NSDictionary plist = (NSDictionary) PropertyListParser.parse(plistBytes);
    String teamId = pomona.team().id();
    assertThat(plist.get("AppIDName").toJavaObject()).isEqualTo("App com example weather");
    assertThat(strings(plist.get("ApplicationIdentifierPrefix"))).containsExactly(teamId);
    assertThat(((NSDate) plist.get("CreationDate")).getDate().toInstant()).isEqualTo(created);
    assertThat(strings(plist.get("Platform"))).containsExactly("iOS");
    NSObject[] certificates = ((NSArray) plist.get("DeveloperCertificates")).getArray();
    assertThat(certificates).hasSize(1);
    assertThat(((NSData) certificates[0]).bytes()).isEqualTo(
        Base64.getDecoder().decode(development.path("attributes").path("certificateContent").asText()));
    assertThat(((NSDate) plist.get("ExpirationDate")).getDate().toInstant()).isEqualTo(expires);
    assertThat(plist.get("Name").toJavaObject()).isEqualTo("Weather Development");
    assertThat(strings(plist.get("ProvisionedDevices"))).containsExactlyInAnyOrder(IPHONE_UDID, IPAD_UDID);
    assertThat(strings(plist.get("TeamIdentifier"))).containsExactly(teamId);
    assertThat(plist.get("TeamName").toJavaObject()).isEqualTo("Test Team");
    assertThat(((NSNumber) plist.get("TimeToLive")).longValue()).isEqualTo(Duration.between(created, expires).toDays());
    assertThat(plist.get("UUID").toJavaObject()).isEqualTo(attributes.path("uuid").asText());
    assertThat(((NSNumber) plist.get("Version")).intValue()).isEqualTo(1);
    assertThat(plist.containsKey("ProvisionsAllDevices")).isFalse();

    NSDictionary entitlements = (NSDictionary) plist.get("Entitlements");
    assertThat(entitlements.get("application-identifier").toJavaObject())
        .isEqualTo(teamId + ".com.example.weather");
    assertThat(entitlements.get("com.apple.developer.team-identifier").toJavaObject()).isEqualTo(teamId);
    assertThat(entitlements.get("get-task-allow").toJavaObject()).isEqualTo(true);
    assertThat(entitlements.get("aps-environment").toJavaObject()).isEqualTo("development");
    assertThat(entitlements.get("com.apple.developer.default-data-protection").toJavaObject())
        .isEqualTo("NSFileProtectionCompleteUnlessOpen");
    assertThat(strings(entitlements.get("keychain-access-groups"))).containsExactly(teamId + ".*", "com.apple.token");

    String id = profile.path("id").asText();
    assertThat(client.get("/v1/profiles/" + id + "/devices").path("data")).hasSize(2);
    assertThat(client.get("/v1/profiles/" + id + "/certificates").path("data").path(0).path("id").asText())
        .isEqualTo(development.path("id").asText());
    assertThat(client.get("/v1/profiles/" + id + "/bundleId").path("data").path("id").asText()).isEqualTo(bundleId);
    assertThat(client.get("/v1/bundleIds/" + bundleId + "/profiles").path("data")).hasSize(1);
  }

  private static List<String> strings(NSObject array) {
    return Arrays.stream(((NSArray) array).getArray()).map(item -> String.valueOf(item.toJavaObject())).toList();
  }

  @Test
  void appStoreProfileHasProductionEntitlementsAndNoDevices() throws Exception {
    JsonNode distribution = client.certificate("DISTRIBUTION");
    JsonNode profile = client.created(client.profile("Weather App Store", "IOS_APP_STORE", bundleId,
        List.of(distribution.path("id").asText()), null));
    byte[] plistBytes = (byte[]) new CMSSignedData(Base64.getDecoder().decode(
        profile.path("attributes").path("profileContent").asText())).getSignedContent().getContent();
    NSDictionary plist = (NSDictionary) PropertyListParser.parse(plistBytes);
    NSDictionary entitlements = (NSDictionary) plist.get("Entitlements");
    assertThat(entitlements.get("aps-environment").toJavaObject()).isEqualTo("production");
    assertThat(entitlements.get("get-task-allow").toJavaObject()).isEqualTo(false);
    assertThat(entitlements.get("beta-reports-active").toJavaObject()).isEqualTo(true);
    assertThat(plist.containsKey("ProvisionedDevices")).isFalse();
  }

  @Test
  void revokingItsCertificateMakesTheProfileInvalid() {
    String profile = developmentProfile().path("id").asText();
    assertThat(pomona.send("DELETE", "/v1/certificates/" + development.path("id").asText(), null).status())
        .isEqualTo(204);
    assertThat(profileState(profile)).isEqualTo("INVALID");
  }

  @Test
  void disablingOneOfItsDevicesMakesTheProfileInvalid() {
    String profile = developmentProfile().path("id").asText();
    TestPomona.Response patch = pomona.send("PATCH", "/v1/devices/" + ipad, Documents.resource("devices").id(ipad)
        .attribute("status", "DISABLED").document());
    assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
    assertThat(profileState(profile)).isEqualTo("INVALID");
  }

  @Test
  void changingTheBundleIdsCapabilitiesMakesItsProfilesInvalid() {
    String profile = developmentProfile().path("id").asText();
    client.created(client.enable(bundleId, "GAME_CENTER", null));
    assertThat(profileState(profile)).isEqualTo("INVALID");
    JsonNode recreated = client.created(client.profile("Weather Development 2", "IOS_APP_DEVELOPMENT", bundleId,
        List.of(development.path("id").asText()), List.of(iphone)));
    assertThat(recreated.path("attributes").path("profileState").asText()).isEqualTo("ACTIVE");
    assertThat(pomona.send("DELETE", "/v1/profiles/" + profile, null).status()).isEqualTo(204);
    assertThat(pomona.get("/v1/profiles/" + profile).status()).isEqualTo(404);
  }

  @Test
  void invalidCombinationsAre409NamingTheRelationshipAndStoreNothing() {
    String developmentId = development.path("id").asText();
    String distribution = client.certificate("DISTRIBUTION").path("id").asText();
    String mac = client.deviceId("Studio", "MAC_OS", "6F1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D");

    assertError(client.profile("A", "IOS_APP_STORE", bundleId, List.of(distribution), List.of(iphone)), 409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/devices/data");
    assertError(client.profile("B", "IOS_APP_STORE", bundleId, List.of(developmentId), null), 409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/certificates/data/0");
    assertError(client.profile("C", "IOS_APP_DEVELOPMENT", bundleId, List.of(developmentId), List.of()), 409,
        "ENTITY_ERROR.RELATIONSHIP.REQUIRED", "/data/relationships/devices");
    assertError(client.profile("D", "IOS_APP_ADHOC", bundleId, List.of(distribution), List.of(iphone, mac)), 409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/devices/data/1");
    assertError(client.profile("E", "MAC_APP_DEVELOPMENT", bundleId, List.of(developmentId), List.of(mac)), 409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/bundleId/data");
    String secondDistribution = client.certificate("IOS_DISTRIBUTION").path("id").asText();
    assertError(client.profile("F", "IOS_APP_STORE", bundleId, List.of(distribution, secondDistribution), null),
        409, "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/certificates/data");
    pomona.send("PATCH", "/v1/devices/" + ipad, Documents.resource("devices").id(ipad)
        .attribute("status", "DISABLED").document());
    assertError(client.profile("G", "IOS_APP_DEVELOPMENT", bundleId, List.of(developmentId), List.of(ipad)), 409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/devices/data/0");
    assertThat(client.get("/v1/profiles").path("data")).isEmpty();
  }

  @Test
  void duplicateNameIs409NamingTheName() {
    developmentProfile();
    assertError(client.profile("Weather Development", "IOS_APP_DEVELOPMENT", bundleId,
        List.of(development.path("id").asText()), List.of(iphone)), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE",
        "/data/attributes/name");
    assertThat(client.get("/v1/profiles").path("data")).hasSize(1);
  }

  @Test
  void aCertificateOfAnotherTeamIsNotFoundForThisOne() {
    io.pomona.account.Team other = new io.pomona.app.Accounts(pomona.pomona().store(), java.time.Clock.systemUTC())
        .createTeam("Other Team");
    String foreign = pomona.pomona().engine().resources().create(other.id(), "certificates", Optional.empty(),
        Map.of("certificateType", "DEVELOPMENT", "certificateContent",
            development.path("attributes").path("certificateContent").asText()), Map.of()).id();
    assertError(client.profile("Foreign", "IOS_APP_DEVELOPMENT", bundleId, List.of(foreign), List.of(iphone)), 409,
        "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/certificates/data/0");
    assertThat(client.get("/v1/profiles").path("data")).isEmpty();
  }

  @Test
  void opensslVerifiesTheProfileAgainstTheCaAndYieldsThePlist() throws Exception {
    OpenSsl.assumeAvailable();
    JsonNode profile = developmentProfile();
    byte[] signed = Base64.getDecoder().decode(profile.path("attributes").path("profileContent").asText());
    Path file = directory.resolve("weather.mobileprovision");
    Files.write(file, signed);
    Path root = directory.resolve("root.pem");
    Files.writeString(root, Pem.of(caChain().get(1)));
    Path out = directory.resolve("weather.plist");

    OpenSsl.Result verify = OpenSsl.run("cms", "-verify", "-inform", "DER", "-in", file.toString(),
        "-CAfile", root.toString(), "-out", out.toString());
    assertThat(verify.exitCode()).as(verify.output()).isZero();
    assertThat(verify.output()).contains("Verification successful");
    NSDictionary plist = (NSDictionary) PropertyListParser.parse(Files.readAllBytes(out));
    assertThat(plist.get("UUID").toJavaObject()).isEqualTo(profile.path("attributes").path("uuid").asText());

    OpenSsl.Result smime = OpenSsl.run("smime", "-verify", "-inform", "DER", "-in", file.toString(),
        "-CAfile", root.toString(), "-noout");
    assertThat(smime.exitCode()).as(smime.output()).isZero();
  }

}
