package io.pomona.sim.webhooks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one webhook POST the way Apple does: the payload bytes as they are, {@code Content-Type:
 * application/json} and the {@link WebhookSignature} header. Short timeouts, no redirects, and at
 * most {@link Limits#maxResponseBytes} of the answer kept, so that a slow or chatty receiver costs
 * one delivery thread a bounded time and nothing else.
 */
public final class WebhookPoster implements AutoCloseable {
  /**
   * @param connectTimeout how long to wait for the connection
   * @param responseTimeout how long to wait for the response headers once connected (the whole
   *     attempt, body included, is bounded by {@link #attemptDeadline})
   * @param maxResponseBytes how much of the response body to read and record
   */
  public record Limits(Duration connectTimeout, Duration responseTimeout, int maxResponseBytes) {
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(3), Duration.ofSeconds(10), 4096);

    /**
     * The most one attempt may take, body included: the response timeout ends at the headers, so
     * a receiver that sends headers and then trickles its body would otherwise hold a sender.
     */
    public Duration attemptDeadline() {
      return connectTimeout.plus(responseTimeout);
    }

    public Limits {
      if (connectTimeout.isNegative() || connectTimeout.isZero() || responseTimeout.isNegative()
          || responseTimeout.isZero()) {
        throw new IllegalArgumentException("webhook timeouts must be positive");
      }
      if (maxResponseBytes < 0) {
        throw new IllegalArgumentException("maxResponseBytes cannot be negative");
      }
    }
  }

  private final HttpClient client;
  private final Limits limits;

  public WebhookPoster(Limits limits) {
    this.limits = limits;
    this.client = HttpClient.newBuilder()
        .connectTimeout(limits.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /**
   * POSTs {@code body} to {@code url}, signed with {@code secret}. Every failure of the receiver
   * (refused, timed out, reset, a non-2xx status) is a {@link PostResult} that says why.
   *
   * @throws InterruptedException when the delivery thread is stopped meanwhile
   */
  public PostResult post(URI url, byte[] body, String secret) throws InterruptedException {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(url)
          .timeout(limits.responseTimeout())
          .header("Content-Type", "application/json")
          .header(WebhookSignature.HEADER, WebhookSignature.headerValue(secret, body))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build();
    } catch (IllegalArgumentException e) {
      return PostResult.failed("The webhook URL cannot be used: " + e.getMessage());
    }
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(request, info -> new CappedBody(limits.maxResponseBytes()));
    try {
      HttpResponse<byte[]> response = exchange.get(limits.attemptDeadline().toMillis(), TimeUnit.MILLISECONDS);
      return PostResult.answered(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return PostResult.failed("The webhook endpoint did not finish answering within "
          + limits.attemptDeadline().toMillis() + " ms");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      return failure(e.getCause());
    }
  }

  private PostResult failure(Throwable cause) {
    Throwable reason = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
    return switch (reason) {
      case HttpConnectTimeoutException e -> PostResult.failed("Connecting to the webhook endpoint timed out after "
          + limits.connectTimeout().toMillis() + " ms");
      case HttpTimeoutException e -> PostResult.failed("The webhook endpoint did not answer within "
          + limits.responseTimeout().toMillis() + " ms");
      case ConnectException e -> PostResult.failed("Could not connect to the webhook endpoint: "
          + (e.getMessage() == null ? "connection refused" : e.getMessage()));
      case IOException e -> PostResult.failed("The webhook request failed: " + e);
      default -> PostResult.failed("The webhook request failed: " + reason);
    };
  }

  /** Stops the client at once: a delivery still waiting on a receiver ends as interrupted. */
  @Override
  public void close() {
    client.shutdownNow();
  }
}
