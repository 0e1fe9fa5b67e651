package io.pomona.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.store.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final TestClock clock = new TestClock(START);

  @Test
  void aTokenIsRememberedUntilItsInstantExclusive() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(10, clock);
    tokens.put("a.b.c", "claims", START.plusSeconds(60));

    clock.advance(Duration.ofSeconds(59));
    assertThat(tokens.get("a.b.c")).isEqualTo("claims");

    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.get("a.b.c")).isNull();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void unknownTokensAreAbsent() {
    assertThat(new VerifiedTokens<String>(10, clock).get("x.y.z")).isNull();
  }

  @Test
  void whenFullExpiredTokensMakeRoomFirst() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(3, clock);
    tokens.put("old1", "1", START.plusSeconds(1));
    tokens.put("old2", "2", START.plusSeconds(1));
    tokens.put("live", "3", START.plusSeconds(600));
    clock.advance(Duration.ofSeconds(5));

    tokens.put("new", "4", START.plusSeconds(600));

    assertThat(tokens.get("live")).isEqualTo("3");
    assertThat(tokens.get("new")).isEqualTo("4");
    assertThat(tokens.size()).isEqualTo(2);
  }

  @Test
  void liveTokensBeyondTheBoundAreDroppedSoTheSizeStaysBounded() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(100, clock);
    for (int i = 0; i < 1_000; i++) {
      tokens.put("token" + i, "v", START.plusSeconds(600));
    }

    assertThat(tokens.size()).isLessThanOrEqualTo(100);
    assertThat(tokens.get("token999")).isEqualTo("v");
  }

  @Test
  void aZeroBoundKeepsNothing() {
    VerifiedTokens<String> tokens = new VerifiedTokens<>(0, clock);
    tokens.put("a.b.c", "claims", START.plusSeconds(60));
    assertThat(tokens.get("a.b.c")).isNull();
  }
}
