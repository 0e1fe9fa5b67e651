package io.pomona.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

  @Test
  void eachRequestSpendsOneFromTheBudget() {
    RateLimiter limiter = new RateLimiter(AuthSettings.defaults(), clock);

    assertThat(limiter.check("KEY0000001")).isEqualTo(new RateDecision(3500, 3499));
    assertThat(limiter.check("KEY0000001")).isEqualTo(new RateDecision(3500, 3498));
    assertThat(limiter.status("KEY0000001")).isEqualTo(new RateDecision(3500, 3498));
  }

  @Test
  void exhaustedBudgetGets429WithAppleTexts() {
    RateLimiter limiter = new RateLimiter(AuthSettings.defaults().withRateLimit(3), clock);
    for (int i = 0; i < 3; i++) {
      limiter.check("KEY0000001");
    }

    assertThatThrownBy(() -> limiter.check("KEY0000001"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.errors()).hasSize(1);
              ApiError error = e.errors().get(0);
              assertThat(error.code()).isEqualTo("RATE_LIMIT_EXCEEDED");
              assertThat(error.title()).isEqualTo("The request rate limit has been reached.");
              assertThat(error.detail())
                  .contains(
                      "We've received too many requests for this API. Please wait and try again"
                          + " or slow down your request rate.");
            });
    assertThat(limiter.status("KEY0000001").headerValue())
        .isEqualTo("user-hour-lim:3;user-hour-rem:0;");
  }

  @Test
  void keysHaveSeparateBudgets() {
    RateLimiter limiter = new RateLimiter(AuthSettings.defaults().withRateLimit(1), clock);
    limiter.check("KEY0000001");

    assertThat(limiter.check("KEY0000002")).isEqualTo(new RateDecision(1, 0));
    assertThatThrownBy(() -> limiter.check("KEY0000001")).isInstanceOf(ApiException.class);
  }

  @Test
  void requestsLeaveTheWindowSixtyMinutesLater() {
    RateLimiter limiter = new RateLimiter(AuthSettings.defaults().withRateLimit(10), clock);
    clock.set(Instant.parse("2026-12-04T10:00:30Z"));
    for (int i = 0; i < 4; i++) {
      limiter.check("KEY0000001"); // minute 10:00
    }
    clock.set(Instant.parse("2026-12-04T10:30:00Z"));
    for (int i = 0; i < 6; i++) {
      limiter.check("KEY0000001"); // minute 10:30
    }
    assertThatThrownBy(() -> limiter.check("KEY0000001")).isInstanceOf(ApiException.class);

    clock.set(Instant.parse("2026-12-04T10:59:59Z"));
    assertThat(limiter.status("KEY0000001").remaining()).isZero();

    clock.set(Instant.parse("2026-12-04T11:00:00Z")); // minute 10:00 has left the window
    assertThat(limiter.check("KEY0000001")).isEqualTo(new RateDecision(10, 3));

    clock.set(Instant.parse("2026-12-04T11:30:00Z")); // and so has 10:30
    assertThat(limiter.status("KEY0000001")).isEqualTo(new RateDecision(10, 9));

    clock.advance(Duration.ofHours(5)); // everything has
    assertThat(limiter.status("KEY0000001")).isEqualTo(new RateDecision(10, 10));
  }

  @Test
  void refusedRequestsDoNotSpendBudget() {
    RateLimiter limiter = new RateLimiter(AuthSettings.defaults().withRateLimit(2), clock);
    limiter.check("KEY0000001");
    clock.advance(Duration.ofMinutes(1));
    limiter.check("KEY0000001");
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> limiter.check("KEY0000001")).isInstanceOf(ApiException.class);
    }

    clock.advance(Duration.ofMinutes(59)); // the first request's minute leaves the window

    assertThat(limiter.check("KEY0000001")).isEqualTo(new RateDecision(2, 0));
  }

  @Test
  void clockSteppingBackCountsIntoTheLatestMinute() {
    RateLimiter limiter = new RateLimiter(AuthSettings.defaults().withRateLimit(5), clock);
    limiter.check("KEY0000001");
    clock.advance(Duration.ofMinutes(-10));

    assertThat(limiter.check("KEY0000001")).isEqualTo(new RateDecision(5, 3));
  }

  @Test
  void disabledLimiterNeverRefuses() {
    RateLimiter limiter =
        new RateLimiter(AuthSettings.defaults().withRateLimit(1).withoutRateLimit(), clock);

    for (int i = 0; i < 5; i++) {
      assertThat(limiter.check("KEY0000001")).isEqualTo(new RateDecision(1, 1));
    }
  }

  @Test
  void headerValueHasApplesExactForm() {
    assertThat(new RateDecision(3500, 500).headerValue())
        .isEqualTo("user-hour-lim:3500;user-hour-rem:500;");
    assertThat(RateDecision.HEADER_NAME).isEqualTo("X-Rate-Limit");
  }
}
