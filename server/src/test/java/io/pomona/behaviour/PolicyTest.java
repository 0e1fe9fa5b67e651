package io.pomona.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.error.ApiException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTest {
  @Test
  void textFormsParseToTheirPolicies() {
    assertThat(Policy.parse("manual", "p")).isEqualTo(Policy.manual());
    assertThat(Policy.parse(" MANUAL ", "p")).isEqualTo(Policy.manual());
    assertThat(Policy.parse("immediate", "p")).isEqualTo(Policy.auto(Duration.ZERO));
    assertThat(Policy.parse("auto", "p")).isEqualTo(Policy.auto(Policy.DEFAULT_DELAY));
    assertThat(Policy.parse("auto:500ms", "p")).isEqualTo(Policy.auto(Duration.ofMillis(500)));
    assertThat(Policy.parse("auto:30s", "p")).isEqualTo(Policy.auto(Duration.ofSeconds(30)));
    assertThat(Policy.parse("auto:2m", "p")).isEqualTo(Policy.auto(Duration.ofMinutes(2)));
    assertThat(Policy.parse("auto:1h", "p")).isEqualTo(Policy.auto(Duration.ofHours(1)));
  }

  @Test
  void textFormRoundTrips() {
    for (Policy policy : new Policy[] {Policy.manual(), Policy.auto(Duration.ZERO),
        Policy.auto(Duration.ofMillis(1500)), Policy.auto(Duration.ofSeconds(10))}) {
      assertThat(Policy.parse(policy.toString(), "p")).isEqualTo(policy);
    }
    assertThat(Policy.auto(Duration.ofSeconds(10))).hasToString("auto:10s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "auto:", "auto:-1s", "auto:10", "auto:1d", "sometimes", "auto:1.5s", "manual:5s"})
  void anythingElseIs400NamingTheParameter(String text) {
    assertThatThrownBy(() -> Policy.parse(text, "policy"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.errors().get(0).code()).isEqualTo("PARAMETER_ERROR.INVALID");
          assertThat(e.errors().get(0).source().orElseThrow().parameter()).hasValue("policy");
        });
  }

  @Test
  void negativeDelayOrManualDelayIsAProgrammingError() {
    assertThatThrownBy(() -> Policy.auto(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Policy(Policy.Mode.MANUAL, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
