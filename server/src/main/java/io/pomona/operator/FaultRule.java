package io.pomona.operator;

import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A validated fault rule, live in {@link FaultRules}: it counts its hits and, when limited by a
 * count, what remains.
 */
public final class FaultRule {
  private final String id;
  private final PathPattern path;
  private final Optional<String> method;
  private final Optional<ApiError> error;
  private final Duration delay;
  private final OptionalInt count;
  private final OptionalDouble probability;
  private final Instant createdAt;
  private final AtomicInteger remaining;
  private final AtomicLong hits = new AtomicLong();

  FaultRule(String id, PathPattern path, Optional<String> method, Optional<ApiError> error, Duration delay,
      OptionalInt count, OptionalDouble probability, Instant createdAt) {
    this.id = id;
    this.path = path;
    this.method = method;
    this.error = error;
    this.delay = delay;
    this.count = count;
    this.probability = probability;
    this.createdAt = createdAt;
    this.remaining = new AtomicInteger(count.orElse(Integer.MAX_VALUE));
  }

  public String id() {
    return id;
  }

  public String pathPattern() {
    return path.source();
  }

  public Optional<String> method() {
    return method;
  }

  /** The error it answers with; empty for a delay-only rule. */
  public Optional<ApiError> error() {
    return error;
  }

  public Duration delay() {
    return delay;
  }

  /** The count it was created with. */
  public OptionalInt count() {
    return count;
  }

  /** How many more requests it applies to, when limited by a count. */
  public OptionalInt remaining() {
    return count.isPresent() ? OptionalInt.of(Math.max(0, remaining.get())) : OptionalInt.empty();
  }

  public OptionalDouble probability() {
    return probability;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** How many requests it has answered. */
  public long hits() {
    return hits.get();
  }

  boolean matches(String requestMethod, String requestPath) {
    return method.map(m -> m.equals(requestMethod)).orElse(true) && path.matches(requestPath);
  }

  /** Takes one use of the count, if any remains; always true for rules without a count. */
  boolean takeOne() {
    if (count.isEmpty()) {
      hits.incrementAndGet();
      return true;
    }
    int left = remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0);
    if (left > 0) {
      hits.incrementAndGet();
      return true;
    }
    return false;
  }

  boolean spent() {
    return count.isPresent() && remaining.get() <= 0;
  }

  ApiException exception() {
    return new ApiException(error.orElseThrow());
  }
}
