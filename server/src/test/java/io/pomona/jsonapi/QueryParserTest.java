package io.pomona.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.catalog.Operation;
import io.pomona.catalog.OperationKind;
import io.pomona.catalog.Parameter;
import io.pomona.catalog.Shape;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.query.Query;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QueryParserTest {
  private static Parameter list(String... enumValues) {
    Shape items = new Shape(null, "string", null, List.of(enumValues), false, null, null, null, null, null, null);
    return new Parameter(new Shape(null, "array", null, null, false, null, null, items, null, null, null), false, false);
  }

  private static Parameter limit(int max) {
    return new Parameter(new Shape(null, "integer", null, null, false, null, null, null, null, null, BigDecimal.valueOf(max)), false, false);
  }

  private static final Operation BUILDS;

  static {
    Map<String, Parameter> p = new LinkedHashMap<>();
    p.put("filter[version]", list());
    p.put("filter[processingState]", list("PROCESSING", "FAILED", "INVALID", "VALID"));
    p.put("filter[app]", list());
    p.put("filter[preReleaseVersion.version]", list());
    p.put("exists[usesNonExemptEncryption]", new Parameter(Shape.of("boolean"), false, false));
    p.put("sort", list("version", "-version", "uploadedDate", "-uploadedDate"));
    p.put("fields[builds]", list("version", "uploadedDate", "app"));
    p.put("include", list("app", "preReleaseVersion"));
    p.put("limit", limit(200));
    p.put("limit[individualTesters]", limit(50));
    BUILDS = new Operation("builds_getCollection", "GET", "/v1/builds", OperationKind.GET_COLLECTION, "builds", null, "Build", false, p, null, 200, "application/json", null);
  }

  private final QueryParser parser = new QueryParser();

  @Test
  void parsesEveryParameterFamily() {
    Query q = parser.parse(BUILDS,
        "filter[processingState]=VALID,PROCESSING&filter%5Bapp%5D=123&filter[preReleaseVersion.version]=1.0"
            + "&exists[usesNonExemptEncryption]=false&sort=-uploadedDate&fields[builds]=version,app"
            + "&include=app,preReleaseVersion&limit=10&limit[individualTesters]=5&cursor=abc");
    assertThat(q.filters()).containsEntry("processingState", List.of("VALID", "PROCESSING"))
        .containsEntry("app", List.of("123")).containsEntry("preReleaseVersion.version", List.of("1.0"));
    assertThat(q.exists()).containsEntry("usesNonExemptEncryption", false);
    assertThat(q.sort()).containsExactly(new Query.Sort("uploadedDate", true));
    assertThat(q.fields().get("builds")).containsExactly("version", "app");
    assertThat(q.include()).containsExactly("app", "preReleaseVersion");
    assertThat(q.limit()).hasValue(10);
    assertThat(q.relatedLimits()).containsEntry("individualTesters", 5);
    assertThat(q.cursor()).hasValue("abc");
  }

  @ParameterizedTest(name = "{0} → {1} on {2}")
  @CsvSource(delimiter = '|', value = {
      "foo=1 | PARAMETER_ERROR.ILLEGAL | foo",
      "filter[emaill]=x | PARAMETER_ERROR.INVALID | filter[emaill]",
      "filter[processingState]=DONE | PARAMETER_ERROR.INVALID | filter[processingState]",
      "filter[processingState]=VALID, | PARAMETER_ERROR.INVALID | filter[processingState]",
      "sort=name | PARAMETER_ERROR.INVALID | sort",
      "fields[builds]=nothing | PARAMETER_ERROR.INVALID | fields[builds]",
      "fields[apps]=name | PARAMETER_ERROR.INVALID | fields[apps]",
      "include=betaGroups | PARAMETER_ERROR.INVALID | include",
      "limit=0 | PARAMETER_ERROR.INVALID | limit",
      "limit=201 | PARAMETER_ERROR.INVALID | limit",
      "limit=ten | PARAMETER_ERROR.INVALID | limit",
      "limit[individualTesters]=51 | PARAMETER_ERROR.INVALID | limit[individualTesters]",
      "exists[usesNonExemptEncryption]=yes | PARAMETER_ERROR.INVALID | exists[usesNonExemptEncryption]",
      "filter[app]=%zz | PARAMETER_ERROR.INVALID | filter[app]",
      "limit=5&limit=6 | PARAMETER_ERROR.INVALID | limit",
  })
  void rejectsWithCodeAndParameter(String query, String code, String parameter) {
    assertThatThrownBy(() -> parser.parse(BUILDS, query))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          ApiError error = e.errors().get(0);
          assertThat(e.status()).isEqualTo(400);
          assertThat(error.code()).isEqualTo(code);
          assertThat(error.source().flatMap(ApiError.Source::parameter)).hasValue(parameter);
        });
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(() -> parser.parse(BUILDS, "foo=1&limit=0&sort=x"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).hasSize(3));
  }

  @Test
  void requiredParameterMissingIsReported() {
    Operation op = new Operation("x_getCollection", "GET", "/v1/x", OperationKind.GET_COLLECTION, "x", null, null, false,
        Map.of("filter[app]", new Parameter(list().shape(), true, false)), null, 200, "application/json", null);
    assertThatThrownBy(() -> parser.parse(op, ""))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.errors().get(0).code()).isEqualTo("PARAMETER_ERROR.REQUIRED");
          assertThat(e.errors().get(0).source().flatMap(ApiError.Source::parameter)).hasValue("filter[app]");
        });
  }

  @Test
  void cursorIsIllegalWhereThereIsNoPaging() {
    Operation op = new Operation("x_getInstance", "GET", "/v1/x/{id}", OperationKind.GET_INSTANCE, "x", null, null, false,
        Map.of(), null, 200, "application/json", null);
    assertThatThrownBy(() -> parser.parse(op, "cursor=abc"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("PARAMETER_ERROR.ILLEGAL"));
  }
}
