package io.pomona.sim.webhooks;

import java.util.Objects;
import java.util.Optional;

/**
 * What one POST to a webhook's URL came to.
 *
 * @param status the HTTP status, when the receiver answered
 * @param body the start of the response body, when it answered ({@link WebhookPoster} caps it)
 * @param error why the attempt failed, when it did: the status for a non-2xx answer, else the
 *     connection problem (refused, timed out, ...)
 */
public record PostResult(Optional<Integer> status, Optional<String> body, Optional<String> error) {
  public PostResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(error, "error");
  }

  /** The receiver answered; a 2xx status is the only success (api-facts.md §13, Inf). */
  static PostResult answered(int status, String body) {
    boolean success = status >= 200 && status < 300;
    return new PostResult(Optional.of(status), Optional.of(body),
        success ? Optional.empty() : Optional.of("The webhook endpoint answered with HTTP status " + status));
  }

  /** No answer: the connection failed or timed out. */
  static PostResult failed(String error) {
    return new PostResult(Optional.empty(), Optional.empty(), Optional.of(error));
  }

  public boolean succeeded() {
    return error.isEmpty();
  }
}
