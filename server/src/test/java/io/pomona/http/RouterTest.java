package io.pomona.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.catalog.Operation;
import io.pomona.catalog.OperationKind;
import io.pomona.error.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static Operation op(String id, String method, String path, OperationKind kind) {
    return new Operation(id, method, path, kind, "apps", null, null, false, Map.of(), null, 200, "application/json", null);
  }

  private final Router router =
      new Router(
          List.of(
              op("apps_getCollection", "GET", "/v1/apps", OperationKind.GET_COLLECTION),
              op("apps_getInstance", "GET", "/v1/apps/{id}", OperationKind.GET_INSTANCE),
              op("apps_updateInstance", "PATCH", "/v1/apps/{id}", OperationKind.UPDATE_INSTANCE),
              op("apps_builds_getToManyRelated", "GET", "/v1/apps/{id}/builds", OperationKind.GET_TO_MANY_RELATED),
              op("apps_builds_getToManyRelationship", "GET", "/v1/apps/{id}/relationships/builds", OperationKind.GET_TO_MANY_RELATIONSHIP),
              op("salesReports_getCollection", "GET", "/v1/salesReports", OperationKind.GET_COLLECTION)));

  @Test
  void routesCollectionInstanceAndRelationshipPaths() {
    assertThat(router.route("GET", "/v1/apps").operation().id()).isEqualTo("apps_getCollection");
    Router.RouteMatch instance = router.route("GET", "/v1/apps/123");
    assertThat(instance.operation().id()).isEqualTo("apps_getInstance");
    assertThat(instance.pathParameters()).containsEntry("id", "123");
    assertThat(router.route("GET", "/v1/apps/123/builds").operation().id())
        .isEqualTo("apps_builds_getToManyRelated");
    assertThat(router.route("GET", "/v1/apps/123/relationships/builds").operation().id())
        .isEqualTo("apps_builds_getToManyRelationship");
    assertThat(router.size()).isEqualTo(6);
  }

  @Test
  void unknownPathIs404PathError() {
    assertThatThrownBy(() -> router.route("GET", "/v1/nothing"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.errors().get(0).code()).isEqualTo("PATH_ERROR");
        });
    assertThatThrownBy(() -> router.route("GET", "/v1/apps/1/relationships/unknown"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> router.route("GET", "/v1/apps//builds"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void knownPathWithOtherMethodIs405() {
    assertThatThrownBy(() -> router.route("DELETE", "/v1/apps/1"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(405);
          assertThat(e.errors().get(0).code()).isEqualTo("METHOD_NOT_ALLOWED");
          assertThat(e.errors().get(0).detail()).hasValueSatisfying(d -> assertThat(d).contains("GET, PATCH"));
        });
  }
}
