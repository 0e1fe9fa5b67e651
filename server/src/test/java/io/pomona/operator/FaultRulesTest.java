package io.pomona.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.error.ApiException;
import io.pomona.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultRulesTest {
  private final List<Duration> pauses = new ArrayList<>();
  private final FaultRules rules =
      new FaultRules(new TestClock(Instant.parse("2026-03-01T10:00:00Z")), new Random(7), pauses::add);

  @Test
  void errorRuleAnswersMatchingRequestsWithItsStatusCodeAndAppleTitle() {
    FaultRule rule = rules.add(FaultSpec.error("/v1/apps/*", 500, "UNEXPECTED_ERROR"));

    FaultRules.AppliedFault fault = rules.apply("GET", "/v1/apps/123").orElseThrow();

    assertThat(fault.ruleId()).isEqualTo(rule.id());
    ApiException error = fault.error().orElseThrow();
    assertThat(error.status()).isEqualTo(500);
    assertThat(error.errors().get(0).code()).isEqualTo("UNEXPECTED_ERROR");
    assertThat(error.errors().get(0).title()).isEqualTo("An unexpected error occurred.");
    assertThat(error.errors().get(0).detail()).hasValue("Injected by Pomona fault rule " + rule.id() + ".");
    assertThat(rules.apply("GET", "/v1/apps/123/builds")).isEmpty();
    assertThat(rules.apply("GET", "/v1/apps")).isEmpty();
    assertThat(rules.list().get(0).hits()).isEqualTo(1);
  }

  @Test
  void methodRestrictsTheRule() {
    rules.add(spec("/v1/**", Optional.of("patch"), 409, "STATE_ERROR", 0, OptionalInt.empty(), OptionalDouble.empty()));

    assertThat(rules.apply("GET", "/v1/apps/1")).isEmpty();
    assertThat(rules.apply("PATCH", "/v1/apps/1")).isPresent();
  }

  @Test
  void countedRuleAppliesThatOftenThenDisappears() {
    rules.add(spec("/v1/builds", Optional.empty(), 503, "SERVICE_UNAVAILABLE", 0, OptionalInt.of(2), OptionalDouble.empty()));

    assertThat(rules.apply("GET", "/v1/builds")).isPresent();
    assertThat(rules.list().get(0).remaining()).hasValue(1);
    assertThat(rules.apply("GET", "/v1/builds")).isPresent();
    assertThat(rules.apply("GET", "/v1/builds")).isEmpty();
    assertThat(rules.list()).isEmpty();
  }

  @Test
  void probabilityZeroNeverAppliesAndOneAlwaysDoes() {
    rules.add(spec("/v1/apps", Optional.empty(), 500, "UNEXPECTED_ERROR", 0, OptionalInt.empty(), OptionalDouble.of(0)));
    assertThat(rules.apply("GET", "/v1/apps")).isEmpty();
    rules.clear();
    rules.add(spec("/v1/apps", Optional.empty(), 500, "UNEXPECTED_ERROR", 0, OptionalInt.empty(), OptionalDouble.of(1)));
    for (int i = 0; i < 20; i++) {
      assertThat(rules.apply("GET", "/v1/apps")).isPresent();
    }
  }

  @Test
  void probabilityHalfAppliesToRoughlyHalfWithASeededRandom() {
    rules.add(spec("/v1/apps", Optional.empty(), 500, "UNEXPECTED_ERROR", 0, OptionalInt.empty(), OptionalDouble.of(0.5)));
    int applied = 0;
    for (int i = 0; i < 1000; i++) {
      applied += rules.apply("GET", "/v1/apps").isPresent() ? 1 : 0;
    }
    assertThat(applied).isBetween(430, 570);
  }

  @Test
  void delayOnlyRuleHoldsTheRequestAndLetsItGoOn() {
    rules.add(spec("/v1/apps", Optional.empty(), null, null, 250, OptionalInt.empty(), OptionalDouble.empty()));

    FaultRules.AppliedFault fault = rules.apply("GET", "/v1/apps").orElseThrow();

    assertThat(fault.error()).isEmpty();
    assertThat(pauses).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void theFirstRuleAddedWins() {
    FaultRule first = rules.add(FaultSpec.error("/v1/**", 500, "UNEXPECTED_ERROR"));
    rules.add(FaultSpec.error("/v1/apps", 429, "RATE_LIMIT_EXCEEDED"));

    assertThat(rules.apply("GET", "/v1/apps").orElseThrow().ruleId()).isEqualTo(first.id());
    assertThat(rules.remove(first.id())).isTrue();
    assertThat(rules.apply("GET", "/v1/apps").orElseThrow().error().orElseThrow().status()).isEqualTo(429);
  }

  @Test
  void regexPatternsStartWithACaret() {
    rules.add(FaultSpec.error("^/v1/(apps|builds)$", 500, "UNEXPECTED_ERROR"));

    assertThat(rules.apply("GET", "/v1/builds")).isPresent();
    assertThat(rules.apply("GET", "/v1/builds/1")).isEmpty();
  }

  @Test
  void globStarStaysInOneSegmentAndDoubleStarCrossesThem() {
    assertThat(PathPattern.of("/v1/apps/*/builds").matches("/v1/apps/42/builds")).isTrue();
    assertThat(PathPattern.of("/v1/apps/*/builds").matches("/v1/apps/4/2/builds")).isFalse();
    assertThat(PathPattern.of("/v1/**/builds").matches("/v1/apps/4/2/builds")).isTrue();
    assertThat(PathPattern.of("/v1/app?").matches("/v1/apps")).isTrue();
    assertThat(PathPattern.of("/v1/apps.json").matches("/v1/appsXjson")).isFalse();
  }

  @Test
  void badRulesGet400NamingTheProblem() {
    assertInvalid(spec("/v1/apps", Optional.empty(), null, null, -1, OptionalInt.empty(), OptionalDouble.empty()), "delayMs");
    assertInvalid(spec("/v1/apps", Optional.empty(), null, null, 60_001, OptionalInt.empty(), OptionalDouble.empty()), "delayMs");
    assertInvalid(spec("/v1/apps", Optional.empty(), 500, "X", 0, OptionalInt.empty(), OptionalDouble.of(1.5)), "probability");
    assertInvalid(spec("/v1/apps", Optional.empty(), 500, "X", 0, OptionalInt.empty(), OptionalDouble.of(-0.1)), "probability");
    assertInvalid(spec("/v1/apps", Optional.empty(), 302, "X", 0, OptionalInt.empty(), OptionalDouble.empty()), "status");
    assertInvalid(spec("/v1/apps", Optional.empty(), 600, "X", 0, OptionalInt.empty(), OptionalDouble.empty()), "status");
    assertInvalid(spec("/v1/apps", Optional.empty(), 500, null, 0, OptionalInt.empty(), OptionalDouble.empty()), "errorCode");
    assertInvalid(spec("/v1/apps", Optional.empty(), 500, "lower.case", 0, OptionalInt.empty(), OptionalDouble.empty()), "errorCode");
    assertInvalid(spec("/v1/apps", Optional.empty(), null, null, 0, OptionalInt.empty(), OptionalDouble.empty()), "needs an error");
    assertInvalid(spec("/v1/apps", Optional.empty(), 500, "X", 0, OptionalInt.of(0), OptionalDouble.empty()), "count");
    assertInvalid(spec("/v1/apps", Optional.empty(), 500, "X", 0, OptionalInt.of(1), OptionalDouble.of(0.5)), "not both");
    assertInvalid(spec("/v1/apps", Optional.of("FETCH"), 500, "X", 0, OptionalInt.empty(), OptionalDouble.empty()), "method");
    assertInvalid(spec("v1/apps", Optional.empty(), 500, "X", 0, OptionalInt.empty(), OptionalDouble.empty()), "pathPattern");
    assertInvalid(spec("^/v1/(apps", Optional.empty(), 500, "X", 0, OptionalInt.empty(), OptionalDouble.empty()), "regular expression");
    assertThat(rules.list()).isEmpty();
  }

  private void assertInvalid(FaultSpec spec, String mentioned) {
    assertThatThrownBy(() -> rules.add(spec))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.errors().get(0).code()).isEqualTo("ENTITY_INVALID");
          assertThat(e.errors().get(0).detail()).hasValueSatisfying(detail -> assertThat(detail).contains(mentioned));
        });
  }

  private static FaultSpec spec(String path, Optional<String> method, Integer status, String code, long delayMs,
      OptionalInt count, OptionalDouble probability) {
    return new FaultSpec(path, method, status == null ? OptionalInt.empty() : OptionalInt.of(status),
        Optional.ofNullable(code), Optional.empty(), Optional.empty(),
        delayMs == 0 ? OptionalLong.empty() : OptionalLong.of(delayMs), count, probability);
  }
}
