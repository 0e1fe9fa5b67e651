package io.pomona.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How strictly tokens are checked and how many requests a key may make.
 *
 * @param clockSkew tolerance for clocks that disagree: applies to {@code exp}, {@code iat},
 *     {@code nbf} and, when {@code iat} is absent, to the lifetime measured from now
 * @param maxTokenLifetime the longest {@code exp − iat} for ordinary tokens (Apple: 20 minutes,
 *     inclusive); long-lived scoped tokens follow {@link LongLivedScopes#MAX_LIFETIME}
 * @param tokenCacheSize how many verified tokens to remember
 * @param tokenCacheEnabled whether to remember verified tokens at all (off only to measure)
 * @param rateLimitPerHour requests per key in any rolling 60 minutes
 * @param rateLimitEnabled whether to enforce the budget
 */
public record AuthSettings(
    Duration clockSkew,
    Duration maxTokenLifetime,
    int tokenCacheSize,
    boolean tokenCacheEnabled,
    int rateLimitPerHour,
    boolean rateLimitEnabled) {

  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  /** Apple: "tokens that expire more than 20 minutes into the future are not valid". */
  public static final Duration DEFAULT_MAX_TOKEN_LIFETIME = Duration.ofMinutes(20);

  public static final int DEFAULT_TOKEN_CACHE_SIZE = 100_000;

  /** Apple's documented example; api-facts.md §3. */
  public static final int DEFAULT_RATE_LIMIT_PER_HOUR = 3500;

  public AuthSettings {
    Objects.requireNonNull(clockSkew, "clockSkew");
    Objects.requireNonNull(maxTokenLifetime, "maxTokenLifetime");
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("clockSkew must not be negative: " + clockSkew);
    }
    if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
      throw new IllegalArgumentException("maxTokenLifetime must be positive: " + maxTokenLifetime);
    }
    if (tokenCacheSize < 0) {
      throw new IllegalArgumentException("tokenCacheSize must not be negative: " + tokenCacheSize);
    }
    if (rateLimitPerHour < 1) {
      throw new IllegalArgumentException("rateLimitPerHour must be at least 1: " + rateLimitPerHour);
    }
  }

  public static AuthSettings defaults() {
    return new AuthSettings(
        DEFAULT_CLOCK_SKEW,
        DEFAULT_MAX_TOKEN_LIFETIME,
        DEFAULT_TOKEN_CACHE_SIZE,
        true,
        DEFAULT_RATE_LIMIT_PER_HOUR,
        true);
  }

  public AuthSettings withClockSkew(Duration skew) {
    return new AuthSettings(
        skew, maxTokenLifetime, tokenCacheSize, tokenCacheEnabled, rateLimitPerHour, rateLimitEnabled);
  }

  /** Off only to measure what verification costs (the benchmark's "without cache" run). */
  public AuthSettings withTokenCache(boolean enabled) {
    return new AuthSettings(
        clockSkew, maxTokenLifetime, tokenCacheSize, enabled, rateLimitPerHour, rateLimitEnabled);
  }

  /** Enforces a budget of this many requests per key per rolling hour. */
  public AuthSettings withRateLimit(int perHour) {
    return new AuthSettings(
        clockSkew, maxTokenLifetime, tokenCacheSize, tokenCacheEnabled, perHour, true);
  }

  public AuthSettings withoutRateLimit() {
    return new AuthSettings(
        clockSkew, maxTokenLifetime, tokenCacheSize, tokenCacheEnabled, rateLimitPerHour, false);
  }
}
