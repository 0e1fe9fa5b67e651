package io.pomona.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.catalog.Operation;
import io.pomona.catalog.OperationKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentNegotiationTest {
  private static final Operation PRICE_POINTS = operation(List.of("text/csv"));
  private static final Operation APPS = operation(List.of());

  private static Operation operation(List<String> alternatives) {
    return new Operation("apps_appPricePoints_getToManyRelated", "GET", "/v1/apps/{id}/appPricePoints",
        OperationKind.GET_TO_MANY_RELATED, "apps", "appPricePoints", null, false, Map.of(), null, 200,
        "application/json", null, Map.of(), alternatives);
  }

  private static String choose(String accept, Operation operation) {
    return ContentNegotiation.choose(Optional.ofNullable(accept), operation);
  }

  @Test
  void csvIsChosenOnlyWhenAskedForAndOffered() {
    assertThat(choose("text/csv", PRICE_POINTS)).isEqualTo("text/csv");
    assertThat(choose("text/*", PRICE_POINTS)).isEqualTo("text/csv");
    assertThat(choose("text/csv", APPS)).isEqualTo("application/json");
    assertThat(choose(null, PRICE_POINTS)).isEqualTo("application/json");
  }

  @Test
  void qualityThenOrderDecides() {
    assertThat(choose("application/json, text/csv", PRICE_POINTS)).isEqualTo("application/json");
    assertThat(choose("application/json;q=0.4, text/csv;q=0.8", PRICE_POINTS)).isEqualTo("text/csv");
    assertThat(choose("text/csv;q=0, */*", PRICE_POINTS)).isEqualTo("application/json");
    assertThat(choose("application/xml, TEXT/CSV;q=0.5", PRICE_POINTS)).isEqualTo("text/csv");
  }

  @Test
  void anAcceptNothingMatchesFallsBackToJson() {
    assertThat(choose("application/xml", PRICE_POINTS)).isEqualTo("application/json");
    assertThat(choose("text/csv;q=abc", PRICE_POINTS)).isEqualTo("text/csv");
    assertThat(choose(" , ;q=1", PRICE_POINTS)).isEqualTo("application/json");
  }
}
