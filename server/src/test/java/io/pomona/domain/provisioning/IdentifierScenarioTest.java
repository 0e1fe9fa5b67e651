package io.pomona.domain.provisioning;

import static io.pomona.domain.provisioning.ProvisioningClient.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.engine.Resources;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundle IDs, capabilities and devices over HTTP, with Apple's rules and errors. */
class IdentifierScenarioTest {
  @TempDir Path directory;
  TestPomona pomona;
  ProvisioningClient client;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory);
    client = new ProvisioningClient(pomona);
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  private TestPomona.Response newBundleId(String identifier, Map<String, Object> more) {
    Documents document = Documents.resource("bundleIds").attribute("identifier", identifier)
        .attribute("name", "Weather").attribute("platform", "IOS");
    more.forEach(document::attribute);
    return client.post(document, "/v1/bundleIds");
  }

  private int total(String path) {
    return client.get(path).path("meta").path("paging").path("total").asInt();
  }

  // ---- bundle IDs ----

  @Test
  void bundleIdGetsTheTeamAsSeedIdAndIdentifiersMustBeReverseDnsOrWildcards() {
    JsonNode created = client.created(newBundleId("com.example.weather", Map.of()));
    assertThat(created.path("attributes").path("seedId").asText()).isEqualTo(pomona.team().id());
    client.created(newBundleId("com.example.*", Map.of()));
    client.created(newBundleId("*", Map.of()));
    for (String bad : List.of("com.example weather", "com..example", "com.*.weather", "com.example.we_ather",
        "com.example.**", ".com.example", "")) {
      assertError(newBundleId(bad, Map.of()), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/identifier");
    }
    assertError(newBundleId("com.example.other", Map.of("seedId", "not-a-prefix")), 409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/seedId");
    assertThat(total("/v1/bundleIds")).isEqualTo(3);
    JsonNode legacyPrefix = client.created(newBundleId("com.example.legacy", Map.of("seedId", "ABCDE12345")));
    assertThat(legacyPrefix.path("attributes").path("seedId").asText()).isEqualTo("ABCDE12345");
    assertThat(total("/v1/bundleIds?filter[identifier]=com.example")).as("a substring match, as Apple's")
        .isEqualTo(3);
  }

  @Test
  void aTakenIdentifierIs409WithApplesText() {
    client.created(newBundleId("com.example.weather", Map.of()));
    TestPomona.Response duplicate = newBundleId("com.example.weather", Map.of());
    assertError(duplicate, 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/identifier");
    assertThat(duplicate.json().path("errors").path(0).path("detail").asText())
        .isEqualTo("An App ID with Identifier 'com.example.weather' is not available. Please enter a different string.");
    assertThat(total("/v1/bundleIds")).isEqualTo(1);
  }

  @Test
  void aBundleIdAnAppUsesCannotBeDeletedAndAnUnusedOneTakesItsCapabilitiesAlong() {
    String used = client.bundleId("com.example.weather", "IOS");
    Resources resources = pomona.pomona().engine().resources();
    resources.create(pomona.team().id(), "apps", Optional.empty(), Map.of("name", "Weather",
        "bundleId", "com.example.weather", "sku", "WEATHER", "primaryLocale", "en-US"), Map.of());
    TestPomona.Response refused = pomona.send("DELETE", "/v1/bundleIds/" + used, null);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("STATE_ERROR");

    String unused = client.bundleId("com.example.radar", "IOS");
    String capability = client.created(client.enable(unused, "PUSH_NOTIFICATIONS", null)).path("id").asText();
    assertThat(pomona.send("DELETE", "/v1/bundleIds/" + unused, null).status()).isEqualTo(204);
    assertThat(pomona.get("/v1/bundleIds/" + unused).status()).isEqualTo(404);
    Optional<io.pomona.store.StoredResource> left =
        pomona.pomona().store().read(tx -> tx.get(pomona.team().id(), "bundleIdCapabilities", capability));
    assertThat(left).isEmpty();
  }

  // ---- capabilities ----

  @Test
  void capabilitiesAreEnabledOnceWithCheckedSettingsAndListedOnTheirBundleId() {
    String bundleId = client.bundleId("com.example.weather", "IOS");
    JsonNode iCloud = client.created(client.enable(bundleId, "ICLOUD", null));
    assertThat(iCloud.path("attributes").path("settings").path(0).path("key").asText()).isEqualTo("ICLOUD_VERSION");
    assertThat(iCloud.path("attributes").path("settings").path(0).path("options").path(0).path("key").asText())
        .as("the default option").isEqualTo("XCODE_6");
    assertError(client.enable(bundleId, "ICLOUD", null), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE",
        "/data/attributes/capabilityType");
    assertError(client.enable(bundleId, "PUSH_NOTIFICATIONS",
        ProvisioningClient.setting("ICLOUD_VERSION", "XCODE_5")), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/settings/0/key");
    assertError(client.enable(bundleId, "DATA_PROTECTION",
        ProvisioningClient.setting("DATA_PROTECTION_PERMISSION_LEVEL", "XCODE_5")), 409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/settings/0/options/0/key");
    assertThat(client.get("/v1/bundleIds/" + bundleId + "/bundleIdCapabilities").path("data")).hasSize(1);

    String id = iCloud.path("id").asText();
    TestPomona.Response patched = pomona.send("PATCH", "/v1/bundleIdCapabilities/" + id,
        Documents.resource("bundleIdCapabilities").id(id).attribute("capabilityType", "ICLOUD")
            .attribute("settings", ProvisioningClient.setting("ICLOUD_VERSION", "XCODE_5")).document());
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().path("data").path("attributes").path("settings").path(0).path("options").path(0)
        .path("key").asText()).isEqualTo("XCODE_5");
    assertError(pomona.send("PATCH", "/v1/bundleIdCapabilities/" + id,
        Documents.resource("bundleIdCapabilities").id(id).attribute("capabilityType", "GAME_CENTER").document()),
        409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/capabilityType");

    assertThat(pomona.send("DELETE", "/v1/bundleIdCapabilities/" + id, null).status()).isEqualTo(204);
    assertThat(client.get("/v1/bundleIds/" + bundleId + "/bundleIdCapabilities").path("data")).isEmpty();
    client.created(client.enable(bundleId, "ICLOUD", null));
  }

  @Test
  void appSpecificCapabilitiesAreRefusedOnWildcards() {
    String wildcard = client.bundleId("com.example.*", "IOS");
    assertError(client.enable(wildcard, "PUSH_NOTIFICATIONS", null), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/capabilityType");
    client.created(client.enable(wildcard, "DATA_PROTECTION", null));
  }

  @Test
  void everyCapabilityCertificateAndProfileTypeOfTheApiHasItsRules() {
    List<String> apiTypes = pomona.pomona().catalog().shapes().get("CapabilityType").enumValues();
    assertThat(CapabilityCatalog.types()).containsExactlyInAnyOrderElementsOf(apiTypes);
    assertThat(CertificateKinds.types()).containsExactlyInAnyOrderElementsOf(
        pomona.pomona().catalog().shapes().get("CertificateType").enumValues());
    assertThat(ProfileKinds.types()).containsExactlyInAnyOrderElementsOf(
        pomona.pomona().catalog().schemas().get("Profile").attributes().get("profileType").enumValues());
  }

  // ---- devices ----

  @Test
  void devicesGetUdidsInApplesCaseAndServerFilledAttributes() {
    JsonNode phone = client.created(client.device("Jane's iPhone", "IOS", "00008030-001a2b3c4d5e6f70"));
    assertThat(phone.path("attributes").path("udid").asText()).isEqualTo("00008030-001A2B3C4D5E6F70");
    assertThat(phone.path("attributes").path("deviceClass").asText()).isEqualTo("IPHONE");
    assertThat(phone.path("attributes").path("model").asText()).isEqualTo("iPhone");
    assertThat(phone.path("attributes").path("status").asText()).isEqualTo("ENABLED");
    assertThat(phone.path("attributes").path("addedDate").asText()).isNotEmpty();
    JsonNode legacy = client.created(client.device("Old iPad", "IOS", "0123456789ABCDEF0123456789ABCDEF01234567"));
    assertThat(legacy.path("attributes").path("udid").asText()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    assertThat(legacy.path("attributes").path("deviceClass").asText()).isEqualTo("IPAD");
    JsonNode mac = client.created(client.device("Studio", "MAC_OS", "6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"));
    assertThat(mac.path("attributes").path("deviceClass").asText()).isEqualTo("MAC");

    String id = phone.path("id").asText();
    TestPomona.Response disabled = pomona.send("PATCH", "/v1/devices/" + id, Documents.resource("devices").id(id)
        .attribute("status", "DISABLED").document());
    assertThat(disabled.json().path("data").path("attributes").path("status").asText()).isEqualTo("DISABLED");
    assertThat(pomona.send("DELETE", "/v1/devices/" + id, null).status()).as("no delete, as with Apple")
        .isEqualTo(405);
  }

  @Test
  void udidsOfTheWrongShapeAndDuplicatesAre409NamingTheUdid() {
    assertError(client.device("Mac", "MAC_OS", "0123456789abcdef0123456789abcdef01234567"), 409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/udid");
    assertError(client.device("Phone", "IOS", "6F1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"), 409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/udid");
    assertError(client.device("Phone", "IOS", "00008030-001A2B3C4D5E6F7"), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/udid");
    assertError(client.device("Phone", "UNIVERSAL", "00008030-001A2B3C4D5E6F70"), 409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/platform");
    client.created(client.device("Phone", "IOS", "00008030-001A2B3C4D5E6F70"));
    assertError(client.device("Same phone", "IOS", "00008030-001a2b3c4d5e6f70"), 409,
        "ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE", "/data/attributes/udid");
    assertThat(total("/v1/devices")).isEqualTo(1);
  }

  @Test
  void theHundredAndFirstDeviceOfAFamilyThisYearIs409AndDisablingFreesNoSlot() {
    Resources resources = pomona.pomona().engine().resources();
    for (int i = 0; i < DeviceRules.YEARLY_LIMIT; i++) {
      resources.create(pomona.team().id(), "devices", Optional.empty(), Map.of("name", "iPad " + i,
          "platform", "IOS", "udid", String.format("%040x", i), "status", i == 0 ? "DISABLED" : "ENABLED"), Map.of());
    }
    assertError(client.device("iPad 100", "IOS", String.format("%040x", 100)), 409, "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "/data/attributes/udid");
    client.created(client.device("iPhone", "IOS", "00008030-001A2B3C4D5E6F70"));
    assertThat(total("/v1/devices")).isEqualTo(DeviceRules.YEARLY_LIMIT + 1);
  }
}
