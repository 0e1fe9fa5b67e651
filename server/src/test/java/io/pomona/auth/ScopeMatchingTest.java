package io.pomona.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScopeMatchingTest {

  @Test
  void percentDecodingDecodesEscapesAndPlusOnlyInQueries() {
    assertThat(PercentDecoding.decode("filter%5Bname%5D", true)).isEqualTo("filter[name]");
    assertThat(PercentDecoding.decode("a+b%20c", true)).isEqualTo("a b c");
    assertThat(PercentDecoding.decode("a+b", false)).isEqualTo("a+b");
    assertThat(PercentDecoding.decode("caf%C3%A9", true)).isEqualTo("café");
  }

  @Test
  void malformedEscapesStayAsTheyAre() {
    assertThat(PercentDecoding.decode("100%", true)).isEqualTo("100%");
    assertThat(PercentDecoding.decode("%zz%5", true)).isEqualTo("%zz%5");
    assertThat(PercentDecoding.decode("%\u0663\u0663", true)).isEqualTo("%\u0663\u0663");
    assertThat(PercentDecoding.decode("emoji \uD83C\uDF4E %41", true)).isEqualTo("emoji \uD83C\uDF4E A");
  }

  @Test
  void pathsSplitIntoVersionAndResourcePath() {
    assertThat(ApiPath.parse("/v1/apps/1/")).isEqualTo(new ApiPath(Optional.of("v1"), "/apps/1"));
    assertThat(ApiPath.parse("/apps")).isEqualTo(new ApiPath(Optional.empty(), "/apps"));
    assertThat(ApiPath.parse("/v2")).isEqualTo(new ApiPath(Optional.of("v2"), ""));
    assertThat(ApiPath.parse("/vx/apps")).isEqualTo(new ApiPath(Optional.empty(), "/vx/apps"));
    assertThat(ApiPath.parse("/v1/apps/1/builds").segments()).containsExactly("apps", "1", "builds");
  }

  @Test
  void queryParametersIgnoreOrderAndPagingButKeepRepeats() {
    assertThat(QueryParameter.forScope("b=2&a=1&limit=9&cursor=x&sort=-name&&a=0"))
        .containsExactly(
            new QueryParameter("a", "0"), new QueryParameter("a", "1"), new QueryParameter("b", "2"));
    assertThat(QueryParameter.forScope("flag")).containsExactly(new QueryParameter("flag", ""));
    assertThat(QueryParameter.forScope("limit[builds]=5"))
        .containsExactly(new QueryParameter("limit[builds]", "5"));
  }

  @Test
  void scopeEntriesThatAreNotMethodAndPathAreNotUnderstood() {
    assertThat(ScopeEntry.parse("GET /v1/apps")).isPresent();
    assertThat(ScopeEntry.parse("  GET   /v1/apps?x=1  ")).isPresent();
    assertThat(ScopeEntry.parse("/v1/apps")).isEmpty();
    assertThat(ScopeEntry.parse("GET v1/apps")).isEmpty();
    assertThat(ScopeEntry.parse("GET /v1/apps extra")).isEmpty();
    assertThat(ScopeEntry.parse("G3T /v1/apps")).isEmpty();
    assertThat(ScopeEntry.parse("")).isEmpty();
  }

  @Test
  void longLivedResourcesAreXcodeCloudAndMetricsOnly() {
    assertThat(longLived("GET /v1/ciProducts")).isTrue();
    assertThat(longLived("GET /v1/ciProducts/1/app")).isTrue();
    assertThat(longLived("GET /v1/scmRepositories/1/relationships/gitReferences")).isTrue();
    assertThat(longLived("GET /v1/apps/1/ciProduct")).isTrue();
    assertThat(longLived("GET /v1/apps/1/relationships/ciProduct")).isTrue();
    assertThat(longLived("GET /v1/apps/1/perfPowerMetrics")).isTrue();
    assertThat(longLived("GET /v1/builds/1/perfPowerMetrics")).isTrue();
    assertThat(longLived("GET /v1/builds/1/relationships/diagnosticSignatures")).isTrue();
    assertThat(longLived("GET /v1/diagnosticSignatures/1/logs")).isTrue();

    assertThat(longLived("GET /v1/apps")).isFalse();
    assertThat(longLived("GET /v1/apps/1")).isFalse();
    assertThat(longLived("GET /v1/builds/1/app")).isFalse();
    assertThat(longLived("GET /v1/apps/1/builds/perfPowerMetrics/x")).isFalse();
    assertThat(longLived("DELETE /v1/ciProducts/1")).isFalse();
    assertThat(longLived("PATCH /v1/ciWorkflows/1")).isFalse();
  }

  @Test
  void scopeAllowsLongLifetimeOnlyWhenEveryEntryQualifies() {
    assertThat(TokenScope.of(List.of("GET /v1/ciProducts", "GET /v1/apps/1/perfPowerMetrics"))
        .allowsLongLifetime()).isTrue();
    assertThat(TokenScope.of(List.of("GET /v1/ciProducts", "nonsense")).allowsLongLifetime())
        .isFalse();
    assertThat(TokenScope.of(List.of()).allowsLongLifetime()).isFalse();
  }

  private static boolean longLived(String entry) {
    return ScopeEntry.parse(entry).orElseThrow().allowsLongLifetime();
  }
}
