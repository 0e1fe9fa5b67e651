package io.pomona.operator;

import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The fault rules an operator has added, applied by the API request pipeline to every request
 * after authentication: the first rule (in the order added) that matches the method and path, and
 * whose probability draw and count allow, answers the request. A rule holds the request for its
 * delay, then answers with its error in Apple's error document shape, or, delay-only, lets the
 * request go on. A rule whose count is used up disappears.
 *
 * <p>In memory only: rules are a testing aid and do not survive a restart. With no rules the
 * pipeline pays one volatile read per request.
 */
public final class FaultRules {
  public static final long LONGEST_DELAY_MS = 60_000;
  static final int MOST_RULES = 1_000;

  private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS");
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Za-z0-9_]+)*");

  /** Apple's titles for the codes an operator most likely injects (api-facts.md §2). */
  private static final Map<String, String> TITLES = Map.of(
      "UNEXPECTED_ERROR", "An unexpected error occurred.",
      "RATE_LIMIT_EXCEEDED", "The request rate limit has been reached.",
      "NOT_AUTHORIZED", "Authentication credentials are missing or invalid.",
      "FORBIDDEN_ERROR", "This request is forbidden for security reasons",
      "NOT_FOUND", "The specified resource does not exist",
      "STATE_ERROR", "The request cannot be fulfilled because of the state of another resource.",
      "FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED", "A required agreement is missing or has expired.");

  /** Holds a request for a while; real sleeping in production, recorded in tests. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration duration);

    Pause SLEEP = duration -> {
      try {
        Thread.sleep(duration);
      } catch (InterruptedException e) {
        // The server is stopping: stop holding the request and keep the interrupt for the caller.
        Thread.currentThread().interrupt();
      }
    };
  }

  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final Clock clock;
  private final RandomGenerator random;
  private final Pause pause;

  /**
   * @param random draws for probabilistic rules; must be safe for concurrent use (e.g. {@link
   *     java.util.Random})
   */
  public FaultRules(Clock clock, RandomGenerator random, Pause pause) {
    this.clock = clock;
    this.random = random;
    this.pause = pause;
  }

  /** Validates and adds a rule after the existing ones; 400 naming the problem. */
  public FaultRule add(FaultSpec spec) {
    PathPattern path = PathPattern.of(spec.pathPattern());
    Optional<String> method = spec.method().map(m -> m.toUpperCase(Locale.ROOT));
    if (method.isPresent() && !METHODS.contains(method.get())) {
      throw Errors.entityInvalid("'method' must be one of " + new java.util.TreeSet<>(METHODS));
    }
    if (spec.status().isPresent() != spec.errorCode().isPresent()) {
      throw Errors.entityInvalid("'status' and 'errorCode' go together: give both for an error, or neither");
    }
    if (spec.status().isPresent() && (spec.status().getAsInt() < 400 || spec.status().getAsInt() > 599)) {
      throw Errors.entityInvalid("'status' must be an error status from 400 to 599, not " + spec.status().getAsInt());
    }
    if (spec.errorCode().isPresent() && !ERROR_CODE.matcher(spec.errorCode().get()).matches()) {
      throw Errors.entityInvalid("'errorCode' must look like Apple's codes, such as UNEXPECTED_ERROR or STATE_ERROR.ENTITY_STATE_INVALID");
    }
    long delayMs = spec.delayMs().orElse(0);
    if (delayMs < 0 || delayMs > LONGEST_DELAY_MS) {
      throw Errors.entityInvalid("'delayMs' must be from 0 to " + LONGEST_DELAY_MS + ", not " + delayMs);
    }
    if (spec.status().isEmpty() && delayMs == 0) {
      throw Errors.entityInvalid("a fault rule needs an error ('status' and 'errorCode'), a 'delayMs', or both");
    }
    if (spec.count().isPresent() && spec.probability().isPresent()) {
      throw Errors.entityInvalid("give 'count' or 'probability', not both");
    }
    if (spec.count().isPresent() && spec.count().getAsInt() < 1) {
      throw Errors.entityInvalid("'count' must be at least 1");
    }
    if (spec.probability().isPresent()
        && !(spec.probability().getAsDouble() >= 0 && spec.probability().getAsDouble() <= 1)) {
      throw Errors.entityInvalid("'probability' must be from 0 to 1, not " + spec.probability().getAsDouble());
    }
    if (rules.size() >= MOST_RULES) {
      throw Errors.entityInvalid("there are already " + MOST_RULES + " fault rules; clear some first");
    }
    String id = "f" + nextId.getAndIncrement();
    Optional<ApiError> error = spec.status().isEmpty() ? Optional.empty() : Optional.of(new ApiError(
        spec.status().getAsInt(),
        spec.errorCode().orElseThrow(),
        spec.title().orElse(TITLES.getOrDefault(spec.errorCode().get(), "The request could not be completed.")),
        spec.detail().orElse("Injected by Pomona fault rule " + id + ".")));
    FaultRule rule = new FaultRule(id, path, method, error, Duration.ofMillis(delayMs), spec.count(),
        spec.probability(), clock.instant());
    rules.add(rule);
    return rule;
  }

  /** The live rules, in the order they apply. */
  public List<FaultRule> list() {
    return List.copyOf(rules);
  }

  /** Removes every rule; returns how many there were. */
  public int clear() {
    int count = rules.size();
    rules.clear();
    return count;
  }

  /** Removes one rule; false if there is none with that id. */
  public boolean remove(String id) {
    return rules.removeIf(rule -> rule.id().equals(id));
  }

  /**
   * Applies the first rule that takes this request: holds the request for the rule's delay and
   * returns the rule's id and error (empty for a delay-only rule). Empty when no rule applies.
   */
  public Optional<AppliedFault> apply(String method, String path) {
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    for (FaultRule rule : rules) {
      if (!rule.matches(method, path)) {
        continue;
      }
      if (rule.probability().isPresent() && random.nextDouble() >= rule.probability().getAsDouble()) {
        continue;
      }
      if (!rule.takeOne()) {
        continue;
      }
      if (rule.spent()) {
        rules.remove(rule);
      }
      if (!rule.delay().isZero()) {
        pause.pause(rule.delay());
      }
      return Optional.of(new AppliedFault(rule.id(), rule.error().map(ApiException::new)));
    }
    return Optional.empty();
  }

  /**
   * A rule that took a request.
   *
   * @param ruleId the rule's id
   * @param error what to answer with; empty when the request goes on after the delay
   */
  public record AppliedFault(String ruleId, Optional<ApiException> error) {}
}
