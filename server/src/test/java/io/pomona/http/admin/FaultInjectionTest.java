package io.pomona.http.admin;

import static io.pomona.http.admin.AdminApiTest.assertBadBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.testing.Admin;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault rules reach API responses, clear, and show in the request log. */
class FaultInjectionTest {
  @TempDir Path directory;
  TestPomona pomona;
  Admin admin;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory);
    admin = new Admin(pomona);
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  @Test
  void aFaultRuleAnswersWithAppleErrorDocumentsUntilCleared() {
    assertThat(pomona.get("/v1/apps").status()).isEqualTo(200);
    Response added = admin.post("/_pomona/faults", rule("/v1/apps").put("status", 503).put("errorCode", "SERVICE_UNAVAILABLE")
        .put("title", "The service is temporarily unavailable."));
    assertThat(added.status()).as(added.toString()).isEqualTo(201);
    String ruleId = added.json().path("id").asText();

    Response faulted = pomona.get("/v1/apps");
    assertThat(faulted.status()).isEqualTo(503);
    JsonNode error = faulted.json().path("errors").path(0);
    assertThat(error.path("status").asText()).isEqualTo("503");
    assertThat(error.path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(error.path("title").asText()).isEqualTo("The service is temporarily unavailable.");
    assertThat(error.path("id").asText()).isNotEmpty();
    assertThat(pomona.get("/v1/builds").status()).isEqualTo(200);

    Response listed = admin.get("/_pomona/faults");
    JsonNode rule = listed.json().path("faults").path(0);
    assertThat(rule.path("id").asText()).isEqualTo(ruleId);
    assertThat(rule.path("hits").asLong()).isEqualTo(1);

    Response cleared = admin.delete("/_pomona/faults");
    assertThat(cleared.json().path("cleared").asInt()).isEqualTo(1);
    assertThat(admin.get("/_pomona/faults").json().path("faults")).isEmpty();
    assertThat(pomona.get("/v1/apps").status()).isEqualTo(200);
  }

  @Test
  void theRequestLogShowsFaultedRequestsWithTheirKeyAndRule() {
    String ruleId = admin.post("/_pomona/faults", rule("/v1/builds").put("method", "GET").put("status", 500)
        .put("errorCode", "UNEXPECTED_ERROR").put("count", 1)).json().path("id").asText();

    assertThat(pomona.get("/v1/builds?limit=5").status()).isEqualTo(500);
    assertThat(pomona.get("/v1/builds?limit=5").status()).isEqualTo(200);
    assertThat(admin.get("/_pomona/faults").json().path("faults")).isEmpty();

    Response log = admin.get("/_pomona/requests?limit=2");
    assertThat(log.status()).isEqualTo(200);
    JsonNode requests = log.json().path("requests");
    assertThat(requests).hasSize(2);
    JsonNode first = requests.path(0);
    assertThat(first.path("method").asText()).isEqualTo("GET");
    assertThat(first.path("path").asText()).isEqualTo("/v1/builds");
    assertThat(first.path("query").asText()).isEqualTo("limit=5");
    assertThat(first.path("status").asInt()).isEqualTo(500);
    assertThat(first.path("faulted").asBoolean()).isTrue();
    assertThat(first.path("faultRule").asText()).isEqualTo(ruleId);
    assertThat(first.path("keyId").asText()).isEqualTo(pomona.key().key().keyId());
    assertThat(first.path("latencyMs").asDouble()).isPositive();
    assertThat(requests.path(1).path("status").asInt()).isEqualTo(200);
    assertThat(requests.path(1).path("faulted").asBoolean()).isFalse();
    assertThat(requests.path(1).path("seq").asLong()).isEqualTo(first.path("seq").asLong() + 1);
  }

  @Test
  void unauthenticatedRequestsAreLoggedWithoutAKeyAndNeverFaulted() {
    admin.post("/_pomona/faults", rule("/v1/**").put("status", 500).put("errorCode", "UNEXPECTED_ERROR"));

    Response anonymous = pomona.send(java.net.http.HttpRequest.newBuilder(pomona.url("/v1/apps")).GET().build());

    assertThat(anonymous.status()).isEqualTo(401);
    JsonNode logged = admin.get("/_pomona/requests?limit=1").json().path("requests").path(0);
    assertThat(logged.path("status").asInt()).isEqualTo(401);
    assertThat(logged.has("keyId")).isFalse();
    assertThat(logged.path("faulted").asBoolean()).isFalse();
  }

  @Test
  void aDelayRuleHoldsTheRequestAndTheLogShowsTheLatency() {
    admin.post("/_pomona/faults", rule("/v1/apps").put("delayMs", 150));

    Response delayed = pomona.get("/v1/apps");

    assertThat(delayed.status()).isEqualTo(200);
    JsonNode logged = admin.get("/_pomona/requests?limit=1").json().path("requests").path(0);
    assertThat(logged.path("faulted").asBoolean()).isTrue();
    assertThat(logged.path("latencyMs").asDouble()).isGreaterThanOrEqualTo(150.0);
  }

  @Test
  void oneRuleCanBeRemovedByItsId() {
    String first = admin.post("/_pomona/faults", rule("/v1/apps").put("status", 500).put("errorCode", "UNEXPECTED_ERROR"))
        .json().path("id").asText();
    admin.post("/_pomona/faults", rule("/v1/builds").put("status", 500).put("errorCode", "UNEXPECTED_ERROR"));

    assertThat(admin.delete("/_pomona/faults/" + first).status()).isEqualTo(200);
    assertThat(admin.delete("/_pomona/faults/" + first).status()).isEqualTo(404);
    List<String> left = new ArrayList<>();
    admin.get("/_pomona/faults").json().path("faults").forEach(rule -> left.add(rule.path("pathPattern").asText()));
    assertThat(left).containsExactly("/v1/builds");
    assertThat(pomona.get("/v1/apps").status()).isEqualTo(200);
  }

  @Test
  void badRulesGet400() {
    assertBadBody(admin.post("/_pomona/faults", rule("/v1/apps").put("delayMs", -5)), "delayMs");
    assertBadBody(admin.post("/_pomona/faults", rule("/v1/apps").put("status", 500).put("errorCode", "UNEXPECTED_ERROR")
        .put("probability", 1.5)), "probability");
    assertBadBody(admin.post("/_pomona/faults", rule("/v1/apps").put("status", 200).put("errorCode", "OK")), "status");
    assertBadBody(admin.post("/_pomona/faults", rule("/v1/apps").put("status", "500").put("errorCode", "X")),
        "'status' must be a whole number");
    assertBadBody(admin.post("/_pomona/faults", rule("/v1/apps").put("status", 500)), "errorCode");
    assertBadBody(admin.post("/_pomona/faults", rule("/v1/apps").put("delay", 5)), "'delay' is not a member");
    assertBadBody(admin.post("/_pomona/faults", TestPomona.JSON.createObjectNode().put("status", 500)), "pathPattern");
    assertThat(admin.get("/_pomona/faults").json().path("faults")).isEmpty();
  }

  @Test
  void badRequestLogLimitsGet400() {
    Response tooMany = admin.get("/_pomona/requests?limit=100000");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.errorCode()).isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(admin.get("/_pomona/requests?limit=ten").status()).isEqualTo(400);
    Response unknown = admin.get("/_pomona/requests?lmit=5");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorCode()).isEqualTo("PARAMETER_ERROR.ILLEGAL");
  }

  @Test
  void adminRequestsAreNotLogged() {
    admin.get("/_pomona/teams");
    admin.get("/_pomona/faults");

    assertThat(admin.get("/_pomona/requests").json().path("requests")).isEmpty();
  }

  private static ObjectNode rule(String pathPattern) {
    return TestPomona.JSON.createObjectNode().put("pathPattern", pathPattern);
  }
}
