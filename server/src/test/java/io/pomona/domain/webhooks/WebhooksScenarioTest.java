package io.pomona.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.sim.webhooks.WebhookDelivery;
import io.pomona.sim.webhooks.WebhookPoster;
import io.pomona.sim.webhooks.WebhookSignature;
import io.pomona.store.StoredResource;
import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import io.pomona.testing.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhooks through HTTP, end to end: a real receiver on 127.0.0.1 gets Apple's signed payloads,
 * failures are retried on the simulated clock and recorded as deliveries, pings arrive, pending
 * deliveries survive a restart, and the secret never comes back.
 */
class WebhooksScenarioTest {
  /** The bound of every wait for the worker or the receiver; they poll this often meanwhile. */
  private static final Duration WAIT = Duration.ofSeconds(30);
  /**
   * The worker as configured by default, but patient with receivers: a held request must stay in
   * flight for as long as a test holds it, however slow the build machine.
   */
  private static final WebhookDelivery.Settings PATIENT = new WebhookDelivery.Settings(
      WebhookDelivery.Settings.DEFAULT.pollInterval(), WebhookDelivery.Settings.DEFAULT.senders(),
      WebhookDelivery.Settings.DEFAULT.retries(), new WebhookPoster.Limits(Duration.ofSeconds(5), Duration.ofMinutes(2), 4096));
  private static final Duration POLL = Duration.ofMillis(20);
  private static final String SECRET = "This is my secret";

  @TempDir Path directory;
  private TestPomona pomona;
  private WebhookReceiver receiver;
  private String appId;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory, settings -> settings.withWebhooks(PATIENT));
    receiver = WebhookReceiver.start();
    appId = pomona.pomona().engine().resources().create(pomona.team().id(), "apps", Optional.empty(),
        Map.of("name", "Orchard", "bundleId", "com.example.orchard", "sku", "ORCHARD", "primaryLocale", "en-US"),
        Map.of()).id();
  }

  @AfterEach
  void stop() throws Exception {
    receiver.close();
    pomona.close();
  }

  @Test
  void stateChangeReachesReceiverWithVerifiableSignature() throws Exception {
    String webhookId = createWebhook(receiver.url(), List.of("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED"));
    String versionId = createVersion();

    setVersionState(versionId, "WAITING_FOR_REVIEW");

    WebhookReceiver.Received received = receiver.next(WAIT);
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.path()).isEqualTo("/hooks/asc");
    assertThat(received.header("Content-Type")).contains("application/json");
    assertThat(received.header("x-apple-signature"))
        .contains("hmacsha256=" + WebhookSignature.hex(SECRET, received.body()));
    JsonNode data = TestPomona.JSON.readTree(received.body()).path("data");
    assertThat(data.path("type").asText()).isEqualTo("appStoreVersionAppVersionStateUpdated");
    assertThat(data.path("version").asInt()).isEqualTo(1);
    assertThat(data.path("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(data.path("attributes").path("oldValue").asText()).isEqualTo("PREPARE_FOR_SUBMISSION");
    assertThat(data.path("attributes").path("newValue").asText()).isEqualTo("WAITING_FOR_REVIEW");
    assertThat(Instant.parse(data.path("attributes").path("timestamp").asText())).isNotNull();
    JsonNode instance = data.path("relationships").path("instance");
    assertThat(instance.path("data").path("type").asText()).isEqualTo("appStoreVersions");
    assertThat(instance.path("data").path("id").asText()).isEqualTo(versionId);
    assertThat(instance.path("links").path("self").asText())
        .isEqualTo(pomona.pomona().baseUrl() + "/v1/appStoreVersions/" + versionId);

    JsonNode deliveries = awaitDeliveries(webhookId, list -> list.size() == 1
        && list.get(0).path("attributes").path("deliveryState").asText().equals("SUCCEEDED"));
    JsonNode delivery = deliveries.path("data").path(0);
    assertThat(delivery.path("attributes").path("redelivery").asBoolean()).isFalse();
    assertThat(delivery.path("attributes").path("request").path("url").asText()).isEqualTo(receiver.url());
    assertThat(delivery.path("attributes").path("response").path("httpStatusCode").asInt()).isEqualTo(200);
    assertThat(delivery.path("attributes").path("response").path("body").asText()).isEqualTo("thanks");
    assertThat(delivery.path("attributes").has("pomonaAttempt")).isFalse();
    JsonNode event = deliveries.path("included").path(0);
    assertThat(event.path("type").asText()).isEqualTo("webhookEvents");
    assertThat(event.path("id").asText()).isEqualTo(data.path("id").asText());
    assertThat(delivery.path("relationships").path("event").path("data").path("id").asText())
        .isEqualTo(event.path("id").asText());
    assertThat(event.path("attributes").path("eventType").asText()).isEqualTo("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED");
    assertThat(event.path("attributes").path("ping").asBoolean()).isFalse();
    assertThat(event.path("attributes").path("payload").asText()).isEqualTo(received.bodyText());
  }

  @Test
  void buildUploadStateChangeFindsItsAppThroughTheAppsSide() throws Exception {
    String webhookId = createWebhook(receiver.url(), List.of("BUILD_UPLOAD_STATE_UPDATED"));
    // A client's upload names its app (a relationship only apps declare); Apple sets its state.
    TestPomona.Response upload = pomona.send("POST", "/v1/buildUploads", Documents.resource("buildUploads")
        .attribute("cfBundleShortVersionString", "1.0").attribute("cfBundleVersion", "7").attribute("platform", "IOS")
        .toOne("app", "apps", appId).document());
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    String uploadId = upload.json().path("data").path("id").asText();
    TestPomona.Response linked = pomona.get("/v1/apps/" + appId + "/buildUploads");
    assertThat(linked.json().path("data").path(0).path("id").asText()).as(linked.toString()).isEqualTo(uploadId);

    pomona.pomona().engine().resources().update(pomona.team().id(), "buildUploads", uploadId,
        Map.of("state", Map.of("state", "PROCESSING")));

    JsonNode data = TestPomona.JSON.readTree(receiver.next(WAIT).body()).path("data");
    assertThat(data.path("type").asText()).isEqualTo("buildUploadStateUpdated");
    // A new upload awaits its file (TestFlight's BuildUploadFlow), so the first change has an old state.
    assertThat(data.path("attributes").path("oldState").asText()).isEqualTo("AWAITING_UPLOAD");
    assertThat(data.path("attributes").path("newState").asText()).isEqualTo("PROCESSING");
    assertThat(data.path("attributes").has("timestamp")).isFalse();
    assertThat(data.path("relationships").path("instance").path("data").path("type").asText())
        .isEqualTo("buildUploads");
    assertThat(data.path("relationships").path("instance").path("data").path("id").asText()).isEqualTo(uploadId);
    awaitDeliveries(webhookId, states("SUCCEEDED"));

    pomona.pomona().engine().resources().update(pomona.team().id(), "buildUploads", uploadId,
        Map.of("state", Map.of("state", "COMPLETE", "errors", List.of())));

    JsonNode next = TestPomona.JSON.readTree(receiver.next(WAIT).body()).path("data");
    assertThat(next.path("attributes").path("oldState").asText()).isEqualTo("PROCESSING");
    assertThat(next.path("attributes").path("newState").asText()).isEqualTo("COMPLETE");
    awaitDeliveries(webhookId, states("SUCCEEDED", "SUCCEEDED"));
    assertThat(receiver.received()).hasSize(2);
  }

  @Test
  void redeliveryOfUnknownDeliveryIsRefused() {
    TestPomona.Response redelivery = pomona.send("POST", "/v1/webhookDeliveries",
        Documents.resource("webhookDeliveries").toOne("template", "webhookDeliveries", "no-such-delivery").document());

    assertThat(redelivery.status()).as(redelivery.toString()).isEqualTo(409);
    assertThat(redelivery.errorCode()).startsWith("ENTITY_ERROR.RELATIONSHIP");
    assertThat(redelivery.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/relationships/template/data");
  }

  @Test
  void onlyEnabledWebhooksSubscribedToTheEventTypeReceiveIt() throws Exception {
    try (WebhookReceiver other = WebhookReceiver.start(); WebhookReceiver disabled = WebhookReceiver.start()) {
      createWebhook(other.url(), List.of("BUILD_UPLOAD_STATE_UPDATED"));
      String disabledId = createWebhook(disabled.url(), List.of("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED"));
      assertThat(pomona.send("PATCH", "/v1/webhooks/" + disabledId, Documents.resource("webhooks").id(disabledId)
          .attribute("enabled", false).document()).status()).isEqualTo(200);
      String subscribedId = createWebhook(receiver.url(), List.of("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED"));
      String versionId = createVersion();

      setVersionState(versionId, "WAITING_FOR_REVIEW");

      receiver.next(WAIT);
      awaitDeliveries(subscribedId, list -> list.size() == 1);
      assertThat(deliveries(other.url())).isEmpty();
      assertThat(pomona.get("/v1/webhooks/" + disabledId + "/deliveries").json().path("data").size()).isZero();
      assertThat(other.received()).isEmpty();
      assertThat(disabled.received()).isEmpty();
    }
  }

  @Test
  void failingReceiverGetsRetriesOnTheSimulatedClockRecordedAsDeliveries() throws Exception {
    pomona.pomona().simulation().freeze();
    receiver.answer(500, 503);
    String webhookId = createWebhook(receiver.url(), List.of("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED"));
    String versionId = createVersion();

    setVersionState(versionId, "WAITING_FOR_REVIEW");

    WebhookReceiver.Received first = receiver.next(WAIT);
    awaitDeliveries(webhookId, states("PENDING", "FAILED"));
    pomona.pomona().simulation().advance(Duration.ofSeconds(9));
    awaitDeliveries(webhookId, states("PENDING", "FAILED"));
    assertThat(receiver.received()).hasSize(1);

    pomona.pomona().simulation().advance(Duration.ofSeconds(1));
    WebhookReceiver.Received second = receiver.next(WAIT);
    awaitDeliveries(webhookId, states("PENDING", "FAILED", "FAILED"));
    pomona.pomona().simulation().advance(Duration.ofSeconds(30));
    WebhookReceiver.Received third = receiver.next(WAIT);

    JsonNode deliveries = awaitDeliveries(webhookId, states("SUCCEEDED", "FAILED", "FAILED"));
    assertThat(second.bodyText()).isEqualTo(first.bodyText());
    assertThat(third.bodyText()).isEqualTo(first.bodyText());
    List<Integer> statuses = new ArrayList<>();
    List<String> events = new ArrayList<>();
    for (JsonNode delivery : deliveries.path("data")) {
      statuses.add(delivery.path("attributes").path("response").path("httpStatusCode").asInt());
      events.add(delivery.path("relationships").path("event").path("data").path("id").asText());
      assertThat(delivery.path("attributes").path("redelivery").asBoolean()).isFalse();
    }
    assertThat(statuses).containsExactly(500, 503, 200);
    assertThat(events).containsOnly(events.get(0));
    JsonNode failed = deliveries.path("data").path(0).path("attributes");
    assertThat(failed.path("errorMessage").asText()).contains("500");
    assertThat(failed.path("response").path("body").asText()).isEqualTo("receiver error 500");
    assertThat(Instant.parse(deliveries.path("data").path(1).path("attributes").path("sentDate").asText()))
        .isEqualTo(Instant.parse(failed.path("sentDate").asText()).plusSeconds(10));
    JsonNode onlyFailed = pomona.get("/v1/webhooks/" + webhookId + "/deliveries?filter[deliveryState]=FAILED").json();
    assertThat(onlyFailed.path("data").size()).isEqualTo(2);
  }

  @Test
  void pingArrivesAtOnceAsPingEvent() throws Exception {
    String webhookId = createWebhook(receiver.url(), List.of("BUILD_UPLOAD_STATE_UPDATED"));

    TestPomona.Response ping = pomona.send("POST", "/v1/webhookPings",
        Documents.resource("webhookPings").toOne("webhook", "webhooks", webhookId).document());

    assertThat(ping.status()).as(ping.toString()).isEqualTo(201);
    assertThat(ping.json().path("data").path("type").asText()).isEqualTo("webhookPings");
    WebhookReceiver.Received received = receiver.next(WAIT);
    assertThat(received.header("x-apple-signature"))
        .contains("hmacsha256=" + WebhookSignature.hex(SECRET, received.body()));
    JsonNode data = TestPomona.JSON.readTree(received.body()).path("data");
    assertThat(data.path("type").asText()).isEqualTo("webhookPingCreated");
    assertThat(data.path("relationships").path("instance").path("data").path("id").asText())
        .isEqualTo(ping.json().path("data").path("id").asText());
    JsonNode deliveries = awaitDeliveries(webhookId, states("SUCCEEDED"));
    JsonNode event = deliveries.path("included").path(0).path("attributes");
    assertThat(event.path("ping").asBoolean()).isTrue();
    assertThat(event.has("eventType")).isFalse();
    assertThat(event.path("payload").asText()).isEqualTo(received.bodyText());
  }

  @Test
  void pingOfUnknownWebhookIsRefused() {
    TestPomona.Response ping = pomona.send("POST", "/v1/webhookPings",
        Documents.resource("webhookPings").toOne("webhook", "webhooks", "no-such-webhook").document());

    assertThat(ping.status()).as(ping.toString()).isEqualTo(409);
    assertThat(ping.errorCode()).startsWith("ENTITY_ERROR.RELATIONSHIP");
  }

  @Test
  void redeliveryMakesANewDeliveryOfTheSameEvent() throws Exception {
    String webhookId = createWebhook(receiver.url(), List.of("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED"));
    setVersionState(createVersion(), "WAITING_FOR_REVIEW");
    WebhookReceiver.Received original = receiver.next(WAIT);
    JsonNode first = awaitDeliveries(webhookId, states("SUCCEEDED")).path("data").path(0);

    TestPomona.Response redelivery = pomona.send("POST", "/v1/webhookDeliveries",
        Documents.resource("webhookDeliveries").toOne("template", "webhookDeliveries", first.path("id").asText())
            .document());

    assertThat(redelivery.status()).as(redelivery.toString()).isEqualTo(201);
    JsonNode created = redelivery.json().path("data");
    assertThat(created.path("attributes").path("redelivery").asBoolean()).isTrue();
    assertThat(created.path("attributes").path("deliveryState").asText()).isEqualTo("PENDING");
    assertThat(created.path("attributes").path("request").path("url").asText()).isEqualTo(receiver.url());
    WebhookReceiver.Received again = receiver.next(WAIT);
    assertThat(again.bodyText()).isEqualTo(original.bodyText());
    JsonNode deliveries = awaitDeliveries(webhookId, states("SUCCEEDED", "SUCCEEDED"));
    JsonNode second = deliveries.path("data").path(1);
    assertThat(second.path("id").asText()).isEqualTo(created.path("id").asText());
    assertThat(second.path("attributes").path("redelivery").asBoolean()).isTrue();
    assertThat(second.path("relationships").path("event").path("data").path("id").asText())
        .isEqualTo(first.path("relationships").path("event").path("data").path("id").asText());
    assertThat(deliveries.path("included").size()).isEqualTo(1);
  }

  @Test
  void pendingDeliverySurvivesRestartAndIsSentOnce() throws Exception {
    pomona.pomona().simulation().freeze();
    receiver.answer(500);
    String webhookId = createWebhook(receiver.url(), List.of("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED"));
    setVersionState(createVersion(), "WAITING_FOR_REVIEW");
    receiver.next(WAIT);
    awaitDeliveries(webhookId, states("PENDING", "FAILED"));

    pomona = pomona.restart();
    pomona.pomona().simulation().advance(Duration.ofSeconds(10));

    receiver.next(WAIT);
    JsonNode deliveries = awaitDeliveries(webhookId, states("SUCCEEDED", "FAILED"));
    assertThat(deliveries.path("data").path(1).path("attributes").path("response").path("httpStatusCode").asInt())
        .isEqualTo(200);
    awaitNothingPending();
    assertThat(receiver.received()).hasSize(2);
  }

  @Test
  void hangingReceiverHoldingEverySenderDoesNotHoldUpApiRequests() throws Exception {
    int senders = PATIENT.senders();
    receiver.holdRequests();
    String webhookId = createWebhook(receiver.url(), List.of("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED"));
    setVersionState(createVersion(), "WAITING_FOR_REVIEW");
    for (int i = 0; i < senders + 2; i++) {
      assertThat(ping(webhookId).status()).isEqualTo(201);
    }
    // Every sender thread is now stuck in a POST the receiver will not answer until released.
    assertThat(receiver.awaitOpen(senders, WAIT)).isTrue();

    for (int i = 0; i < 5; i++) {
      assertThat(pomona.get("/v1/webhooks/" + webhookId).status()).isEqualTo(200);
      assertThat(pomona.get("/v1/webhooks/" + webhookId + "/deliveries").status()).isEqualTo(200);
      assertThat(pomona.send("PATCH", "/v1/webhooks/" + webhookId, Documents.resource("webhooks").id(webhookId)
          .attribute("name", "renamed " + i).document()).status()).isEqualTo(200);
      assertThat(ping(webhookId).status()).isEqualTo(201);
    }

    // Those requests completed while the receiver still held every sender's POST: nothing was
    // answered, and no delivery has an outcome yet (the last pings may not have deliveries yet:
    // the worker makes them from the event log in its own time).
    assertThat(receiver.openRequests()).isEqualTo(senders);
    assertThat(receiver.received()).isEmpty();
    List<String> states = new ArrayList<>();
    pomona.get("/v1/webhooks/" + webhookId + "/deliveries?limit=200").json().path("data")
        .forEach(delivery -> states.add(delivery.path("attributes").path("deliveryState").asText()));
    assertThat(states).hasSizeGreaterThanOrEqualTo(senders).containsOnly("PENDING");

    receiver.release();
    awaitDeliveries(webhookId, list -> list.size() == 1 + senders + 2 + 5 && list.stream()
        .allMatch(delivery -> delivery.path("attributes").path("deliveryState").asText().equals("SUCCEEDED")));
    assertThat(receiver.received()).hasSize(1 + senders + 2 + 5);
  }

  private TestPomona.Response ping(String webhookId) {
    return pomona.send("POST", "/v1/webhookPings",
        Documents.resource("webhookPings").toOne("webhook", "webhooks", webhookId).document());
  }

  @Test
  void urlThatIsNotHttpIsRefusedWith409() {
    TestPomona.Response created = pomona.send("POST", "/v1/webhooks", webhook("ftp://example.com/hooks",
        List.of("BUILD_UPLOAD_STATE_UPDATED")));

    assertThat(created.status()).as(created.toString()).isEqualTo(409);
    assertThat(created.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID");
    assertThat(created.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/attributes/url");

    String webhookId = createWebhook(receiver.url(), List.of("BUILD_UPLOAD_STATE_UPDATED"));
    TestPomona.Response patched = pomona.send("PATCH", "/v1/webhooks/" + webhookId,
        Documents.resource("webhooks").id(webhookId).attribute("url", "file://server/etc/passwd").document());
    assertThat(patched.status()).as(patched.toString()).isEqualTo(409);
    assertThat(patched.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/attributes/url");
    assertThat(pomona.get("/v1/webhooks/" + webhookId).json().path("data").path("attributes").path("url").asText())
        .isEqualTo(receiver.url());
  }

  @Test
  void secretNeverAppearsInAnyResponse() throws Exception {
    TestPomona.Response created = pomona.send("POST", "/v1/webhooks",
        webhook(receiver.url(), List.of("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED")));
    String webhookId = created.json().path("data").path("id").asText();
    TestPomona.Response patched = pomona.send("PATCH", "/v1/webhooks/" + webhookId,
        Documents.resource("webhooks").id(webhookId).attribute("name", "renamed").document());
    setVersionState(createVersion(), "WAITING_FOR_REVIEW");
    receiver.next(WAIT);
    awaitDeliveries(webhookId, states("SUCCEEDED"));

    List<TestPomona.Response> responses = List.of(created, patched,
        pomona.get("/v1/webhooks/" + webhookId),
        pomona.get("/v1/webhooks/" + webhookId + "?fields[webhooks]=name,url,enabled,eventTypes,app"),
        pomona.get("/v1/apps/" + appId + "/webhooks"),
        pomona.get("/v1/webhooks/" + webhookId + "/deliveries?include=event"));
    for (TestPomona.Response response : responses) {
      assertThat(response.status()).as(response.toString()).isBetween(200, 201);
      assertThat(response.raw().body()).doesNotContain(SECRET);
    }
    assertThat(created.json().path("data").path("attributes").has("secret")).isFalse();
    assertThat(created.json().path("data").path("attributes").path("url").asText()).isEqualTo(receiver.url());
    TestPomona.Response askedFor = pomona.get("/v1/webhooks/" + webhookId + "?fields[webhooks]=secret");
    assertThat(askedFor.status()).isEqualTo(400);
  }

  @Test
  void patchWithNullKeepsTheSecretSoDeliveriesStaySigned() throws Exception {
    String webhookId = createWebhook(receiver.url(), List.of("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED"));
    TestPomona.Response patched = pomona.send("PATCH", "/v1/webhooks/" + webhookId,
        Documents.resource("webhooks").id(webhookId).attribute("secret", null).attribute("url", null).document());
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

    setVersionState(createVersion(), "WAITING_FOR_REVIEW");

    WebhookReceiver.Received received = receiver.next(WAIT);
    assertThat(received.header("x-apple-signature"))
        .contains("hmacsha256=" + WebhookSignature.hex(SECRET, received.body()));
  }

  // ---- helpers ----

  private JsonNode webhook(String url, List<String> eventTypes) {
    return Documents.resource("webhooks")
        .attribute("name", "release bot")
        .attribute("url", url)
        .attribute("secret", SECRET)
        .attribute("eventTypes", eventTypes)
        .attribute("enabled", true)
        .toOne("app", "apps", appId)
        .document();
  }

  private String createWebhook(String url, List<String> eventTypes) {
    TestPomona.Response created = pomona.send("POST", "/v1/webhooks", webhook(url, eventTypes));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("data").path("id").asText();
  }

  private String createVersion() {
    return pomona.pomona().engine().resources().create(pomona.team().id(), "appStoreVersions", Optional.empty(),
        Map.of("platform", "IOS", "versionString", "1.0", "appVersionState", "PREPARE_FOR_SUBMISSION"),
        Map.of("app", List.of(appId))).id();
  }

  /** What App Review does: the version's state moves (through the internal API, as the simulation would). */
  private void setVersionState(String versionId, String state) {
    StoredResource updated = pomona.pomona().engine().resources()
        .update(pomona.team().id(), "appStoreVersions", versionId, Map.of("appVersionState", state));
    assertThat(updated.attributes().get("appVersionState")).isEqualTo(state);
  }

  /** Deliveries, newest first, have exactly these states. */
  private static Predicate<List<JsonNode>> states(String... newestFirst) {
    return list -> {
      List<String> seen = new ArrayList<>();
      list.forEach(delivery -> seen.add(0, delivery.path("attributes").path("deliveryState").asText()));
      return seen.equals(List.of(newestFirst));
    };
  }

  /** Polls the webhook's deliveries (oldest first, event included) until they match; bounded. */
  private JsonNode awaitDeliveries(String webhookId, Predicate<List<JsonNode>> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    JsonNode last;
    do {
      last = pomona.get("/v1/webhooks/" + webhookId + "/deliveries?include=event").json();
      List<JsonNode> items = new ArrayList<>();
      last.path("data").forEach(items::add);
      if (done.test(items)) {
        return last;
      }
      Thread.sleep(POLL.toMillis());
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("deliveries never matched; last: " + last);
  }

  private List<String> deliveries(String url) {
    List<String> found = new ArrayList<>();
    pomona.pomona().store().read(tx -> {
      tx.query(io.pomona.store.ResourceQuery.all(pomona.team().id(), "webhookDeliveries", 500)).items().stream()
          .filter(d -> d.attributes().get("request") instanceof Map<?, ?> request && url.equals(request.get("url")))
          .forEach(d -> found.add(d.id()));
      return null;
    });
    return found;
  }

  private void awaitNothingPending() throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (pomona.pomona().webhookDelivery().pendingCount() > 0) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("deliveries still pending after " + WAIT);
      }
      Thread.sleep(POLL.toMillis());
    }
  }
}
