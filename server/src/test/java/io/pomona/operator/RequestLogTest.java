package io.pomona.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestLogTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void keepsOnlyTheNewestRequestsOldestFirst() {
    RequestLog log = new RequestLog(3);
    for (int i = 1; i <= 5; i++) {
      log.record(NOW, "GET", "/v1/apps/" + i, "", 200, 1.5, Optional.of("KEY"), Optional.empty());
    }

    assertThat(log.last(10)).extracting(RequestLog.LoggedRequest::path)
        .containsExactly("/v1/apps/3", "/v1/apps/4", "/v1/apps/5");
    assertThat(log.last(2)).extracting(RequestLog.LoggedRequest::seq).containsExactly(4L, 5L);
  }

  @Test
  void emptyLogHasNothing() {
    assertThat(new RequestLog(5).last(5)).isEmpty();
  }

  @Test
  void faultedRequestsNameTheirRule() {
    RequestLog log = new RequestLog(5);
    log.record(NOW, "GET", "/v1/apps", "limit=1", 500, 2, Optional.empty(), Optional.of("f1"));

    RequestLog.LoggedRequest entry = log.last(1).get(0);
    assertThat(entry.faulted()).isTrue();
    assertThat(entry.faultRuleId()).hasValue("f1");
    assertThat(entry.query()).isEqualTo("limit=1");
  }

  @Test
  void aLogNeedsRoom() {
    assertThatThrownBy(() -> new RequestLog(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
