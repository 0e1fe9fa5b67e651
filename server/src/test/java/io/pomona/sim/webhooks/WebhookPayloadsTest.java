package io.pomona.sim.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadsTest {
  private final ObjectMapper json = new ObjectMapper();
  private final WebhookPayloads payloads = new WebhookPayloads(json);

  @Test
  void stateUpdateHasApplesEnvelope() throws Exception {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("oldValue", "PREPARE_FOR_SUBMISSION");
    attributes.put("newValue", "WAITING_FOR_REVIEW");
    attributes.put("timestamp", "2026-01-02T03:04:05.678Z");

    String payload = payloads.render("appStoreVersionAppVersionStateUpdated", "0b6f6f4e-1111-2222-3333-444455556666",
        attributes, new WebhookPayloads.Instance("appStoreVersions", "v1", "http://h/v1/appStoreVersions/v1", false));

    JsonNode data = json.readTree(payload).path("data");
    assertThat(data.path("type").asText()).isEqualTo("appStoreVersionAppVersionStateUpdated");
    assertThat(data.path("id").asText()).isEqualTo("0b6f6f4e-1111-2222-3333-444455556666");
    assertThat(data.path("version").asInt()).isEqualTo(1);
    assertThat(data.path("attributes").path("newValue").asText()).isEqualTo("WAITING_FOR_REVIEW");
    JsonNode instance = data.path("relationships").path("instance");
    assertThat(instance.path("data").path("type").asText()).isEqualTo("appStoreVersions");
    assertThat(instance.path("data").path("id").asText()).isEqualTo("v1");
    assertThat(instance.path("links").path("self").asText()).isEqualTo("http://h/v1/appStoreVersions/v1");
    assertThat(payload).startsWith("{\"data\":{\"type\":");
  }

  @Test
  void flatInstancePutsIdentifierOnTheInstance() throws Exception {
    String payload = payloads.render("backgroundAssetVersionStateUpdated", "id-1", Map.of("newState", "COMPLETE"),
        new WebhookPayloads.Instance("backgroundAssetVersions", "b1", "http://h/v1/backgroundAssetVersions/b1", true));

    JsonNode instance = json.readTree(payload).path("data").path("relationships").path("instance");
    assertThat(instance.has("data")).isFalse();
    assertThat(instance.path("type").asText()).isEqualTo("backgroundAssetVersions");
    assertThat(instance.path("id").asText()).isEqualTo("b1");
    assertThat(instance.path("links").path("self").asText()).isEqualTo("http://h/v1/backgroundAssetVersions/b1");
  }

  @Test
  void eventTypesBecomeCamelCaseDataTypes() {
    assertThat(WebhookPayloads.dataType("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED"))
        .isEqualTo("appStoreVersionAppVersionStateUpdated");
    assertThat(WebhookPayloads.dataType("BUILD_BETA_DETAIL_EXTERNAL_BUILD_STATE_UPDATED"))
        .isEqualTo("buildBetaDetailExternalBuildStateUpdated");
    assertThat(WebhookPayloads.dataType("BETA_FEEDBACK_CRASH_SUBMISSION_CREATED"))
        .isEqualTo("betaFeedbackCrashSubmissionCreated");
  }
}
