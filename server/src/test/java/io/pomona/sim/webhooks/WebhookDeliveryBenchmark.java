package io.pomona.sim.webhooks;

import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import io.pomona.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures webhook delivery on a real server: API latency with no receiver trouble, with a
 * receiver that holds every request and with one that refuses connections; and how fast state
 * changes reach a receiver. A benchmark, not a test: the name keeps it out of the test suite, and
 * {@code bench/webhooks.sh} runs it and appends the numbers to {@code bench/results.md}.
 */
public final class WebhookDeliveryBenchmark {
  private static final int REQUESTS = 500;
  private static final int EVENTS = 300;

  private WebhookDeliveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path directory = Files.createTempDirectory("pomona-webhook-bench");
    try (TestPomona pomona = TestPomona.start(directory); WebhookReceiver receiver = WebhookReceiver.start()) {
      String teamId = pomona.team().id();
      String appId = pomona.pomona().engine().resources().create(teamId, "apps", Optional.empty(),
          Map.of("name", "Bench", "bundleId", "com.example.bench", "sku", "BENCH", "primaryLocale", "en-US"),
          Map.of()).id();
      String versionId = pomona.pomona().engine().resources().create(teamId, "appStoreVersions", Optional.empty(),
          Map.of("platform", "IOS", "versionString", "1.0", "appVersionState", "PREPARE_FOR_SUBMISSION"),
          Map.of("app", List.of(appId))).id();
      String webhookId = webhook(pomona, appId, receiver.url());

      apiLatency("warm-up", pomona, webhookId);
      apiLatency("no deliveries", pomona, webhookId);

      long started = System.nanoTime();
      for (int i = 0; i < EVENTS; i++) {
        pomona.pomona().engine().resources().update(teamId, "appStoreVersions", versionId,
            Map.of("appVersionState", i % 2 == 0 ? "WAITING_FOR_REVIEW" : "PREPARE_FOR_SUBMISSION"));
      }
      long written = System.nanoTime();
      for (int i = 0; i < EVENTS; i++) {
        receiver.next(Duration.ofSeconds(60));
      }
      long delivered = System.nanoTime();
      System.out.printf("%d state changes: written in %d ms; all delivered %d ms after the first write (%.0f/s)%n",
          EVENTS, (written - started) / 1_000_000, (delivered - started) / 1_000_000,
          EVENTS * 1e9 / (delivered - started));

      receiver.holdRequests();
      for (int i = 0; i < 20; i++) {
        pomona.pomona().engine().resources().update(teamId, "appStoreVersions", versionId,
            Map.of("appVersionState", i % 2 == 0 ? "WAITING_FOR_REVIEW" : "PREPARE_FOR_SUBMISSION"));
      }
      receiver.awaitArrival(Duration.ofSeconds(10));
      apiLatency("receiver holding every request", pomona, webhookId);
      receiver.release();

      String deadHook = webhook(pomona, appId, "http://127.0.0.1:9/refused");
      for (int i = 0; i < 20; i++) {
        pomona.pomona().engine().resources().update(teamId, "appStoreVersions", versionId,
            Map.of("appVersionState", i % 2 == 0 ? "WAITING_FOR_REVIEW" : "PREPARE_FOR_SUBMISSION"));
      }
      apiLatency("receiver refusing connections", pomona, deadHook);
    }
  }

  private static String webhook(TestPomona pomona, String appId, String url) {
    return pomona.send("POST", "/v1/webhooks", Documents.resource("webhooks")
        .attribute("name", "bench").attribute("url", url).attribute("secret", "s")
        .attribute("eventTypes", List.of("APP_STORE_VERSION_APP_VERSION_STATE_UPDATED")).attribute("enabled", true)
        .toOne("app", "apps", appId).document()).json().path("data").path("id").asText();
  }

  private static void apiLatency(String label, TestPomona pomona, String webhookId) {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      long start = System.nanoTime();
      if (pomona.get("/v1/webhooks/" + webhookId).status() != 200) {
        throw new IllegalStateException("GET failed");
      }
      micros.add((System.nanoTime() - start) / 1000);
    }
    Collections.sort(micros);
    System.out.printf("GET /v1/webhooks/{id}, %s: p50 %d µs, p99 %d µs, max %d µs%n", label,
        micros.get(REQUESTS / 2), micros.get(REQUESTS * 99 / 100), micros.get(REQUESTS - 1));
  }
}
