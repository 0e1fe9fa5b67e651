package io.pomona.sim.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookPosterTest {
  private static final byte[] BODY = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);

  /** Generous timeouts: a loaded build machine must not turn an answer into a timeout. */
  private final WebhookPoster poster =
      new WebhookPoster(new WebhookPoster.Limits(Duration.ofSeconds(10), Duration.ofSeconds(20), 16));
  /** Short timeouts, for the receivers that never answer (which hold until the test ends). */
  private final WebhookPoster impatient =
      new WebhookPoster(new WebhookPoster.Limits(Duration.ofSeconds(2), Duration.ofMillis(500), 16));
  private final CountDownLatch release = new CountDownLatch(1);
  private HttpServer server;

  @AfterEach
  void stop() {
    release.countDown();
    poster.close();
    impatient.close();
    if (server != null) {
      server.stop(0);
    }
  }

  private URI serve(int status, String answer, AtomicReference<String> signature, AtomicReference<String> body,
      AtomicReference<String> contentType) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      signature.set(exchange.getRequestHeaders().getFirst("x-apple-signature"));
      contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
      body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @Test
  void twoHundredSucceedsWithSignedBody() throws Exception {
    AtomicReference<String> signature = new AtomicReference<>();
    AtomicReference<String> body = new AtomicReference<>();
    AtomicReference<String> contentType = new AtomicReference<>();
    URI url = serve(200, "ok", signature, body, contentType);

    PostResult result = poster.post(url, BODY, "s3cret");

    assertThat(result.succeeded()).isTrue();
    assertThat(result.status()).contains(200);
    assertThat(result.body()).contains("ok");
    assertThat(body.get()).isEqualTo("{\"data\":{}}");
    assertThat(contentType.get()).isEqualTo("application/json");
    assertThat(signature.get()).isEqualTo("hmacsha256=" + WebhookSignature.hex("s3cret", BODY));
  }

  @Test
  void fiveHundredFailsAndKeepsTheStartOfTheAnswer() throws Exception {
    URI url = serve(500, "internal error, and a long story after it", new AtomicReference<>(),
        new AtomicReference<>(), new AtomicReference<>());

    PostResult result = poster.post(url, BODY, "s3cret");

    assertThat(result.succeeded()).isFalse();
    assertThat(result.status()).contains(500);
    assertThat(result.body()).contains("internal error, ");
    assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("500"));
  }

  @Test
  void refusedConnectionFails() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    PostResult result = poster.post(URI.create("http://127.0.0.1:" + port + "/hook"), BODY, "s3cret");

    assertThat(result.succeeded()).isFalse();
    assertThat(result.status()).isEmpty();
    assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("connect"));
  }

  @Test
  void silentReceiverTimesOut() throws Exception {
    URI url = serveRaw(exchange -> {
      awaitRelease();
      exchange.sendResponseHeaders(200, -1);
    });

    PostResult result = impatient.post(url, BODY, "s3cret");

    assertThat(result.succeeded()).isFalse();
    assertThat(result.status()).isEmpty();
    assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("did not answer within 500 ms"));
  }

  @Test
  void receiverThatSendsHeadersAndThenStallsIsCutOffAtTheDeadline() throws Exception {
    URI url = serveRaw(exchange -> {
      exchange.sendResponseHeaders(200, 0); // chunked: the body may go on for ever
      exchange.getResponseBody().write("part".getBytes(StandardCharsets.UTF_8));
      exchange.getResponseBody().flush();
      awaitRelease();
    });

    PostResult result = impatient.post(url, BODY, "s3cret");

    assertThat(result.succeeded()).isFalse();
    assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).contains("did not finish answering within 2500 ms"));
  }

  @Test
  void endlessAnswerIsReadOnlyUpToTheCap() throws Exception {
    URI url = serveRaw(exchange -> {
      exchange.sendResponseHeaders(200, 0);
      byte[] chunk = "0123456789".repeat(100).getBytes(StandardCharsets.UTF_8);
      try (OutputStream out = exchange.getResponseBody()) {
        while (release.getCount() > 0) {
          out.write(chunk); // until the client hangs up
        }
      }
    });

    PostResult result = poster.post(url, BODY, "s3cret");

    assertThat(result.succeeded()).isTrue();
    assertThat(result.body()).contains("0123456789012345");
  }

  private interface Handler {
    void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException;
  }

  private URI serveRaw(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/hook", exchange -> {
      try {
        exchange.getRequestBody().readAllBytes();
        handler.handle(exchange);
      } catch (IOException e) {
        // the client hung up, as these tests want
      } finally {
        exchange.close();
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  private void awaitRelease() {
    try {
      release.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
