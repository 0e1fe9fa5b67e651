package io.pomona.domain.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import java.util.List;
import java.util.Map;

/** Provisioning requests as a client sends them, for the scenario tests. */
record ProvisioningClient(TestPomona pomona) {

  JsonNode created(TestPomona.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().path("data");
  }

  TestPomona.Response post(Documents document, String path) {
    return pomona.send("POST", path, document.document());
  }

  String bundleId(String identifier, String platform) {
    return created(post(Documents.resource("bundleIds").attribute("identifier", identifier)
        .attribute("name", "App " + identifier.replace('.', ' ').replace('*', ' ').strip())
        .attribute("platform", platform), "/v1/bundleIds")).path("id").asText();
  }

  TestPomona.Response enable(String bundleId, String capabilityType, List<Map<String, Object>> settings) {
    Documents document = Documents.resource("bundleIdCapabilities").attribute("capabilityType", capabilityType)
        .toOne("bundleId", "bundleIds", bundleId);
    if (settings != null) {
      document.attribute("settings", settings);
    }
    return post(document, "/v1/bundleIdCapabilities");
  }

  static List<Map<String, Object>> setting(String key, String option) {
    return List.of(Map.of("key", key, "options", List.of(Map.of("key", option, "enabled", true))));
  }

  TestPomona.Response device(String name, String platform, String udid) {
    return post(Documents.resource("devices").attribute("name", name).attribute("platform", platform)
        .attribute("udid", udid), "/v1/devices");
  }

  String deviceId(String name, String platform, String udid) {
    return created(device(name, platform, udid)).path("id").asText();
  }

  JsonNode certificate(String type) {
    return created(post(Documents.resource("certificates").attribute("certificateType", type)
        .attribute("csrContent", Csrs.ec().pem()), "/v1/certificates"));
  }

  TestPomona.Response profile(String name, String type, String bundleId, List<String> certificates,
      List<String> devices) {
    Documents document = Documents.resource("profiles").attribute("name", name).attribute("profileType", type)
        .toOne("bundleId", "bundleIds", bundleId)
        .toMany("certificates", "certificates", certificates.toArray(String[]::new));
    if (devices != null) {
      document.toMany("devices", "devices", devices.toArray(String[]::new));
    }
    return post(document, "/v1/profiles");
  }

  JsonNode get(String path) {
    TestPomona.Response response = pomona.get(path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  static void assertError(TestPomona.Response response, int status, String code, String pointer) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.errorCode()).as(response.toString()).isEqualTo(code);
    assertThat(response.json().path("errors").path(0).path("source").path("pointer").asText())
        .as(response.toString()).isEqualTo(pointer);
  }
}
