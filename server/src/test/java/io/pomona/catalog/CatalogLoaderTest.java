package io.pomona.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The committed catalog (4.4.1) loads and is internally consistent. */
class CatalogLoaderTest {
  /**
   * Operation types that are not resource types: the two report downloads answer gzip files, not
   * JSON:API resources (OpenAPI 4.4.1 {@code /v1/salesReports}, {@code /v1/financeReports}).
   */
  private static final Set<String> NON_RESOURCE_OPERATION_TYPES =
      Set.of("salesReports", "financeReports");

  private static Catalog catalog;
  private static Set<String> resourceTypes;

  @BeforeAll
  static void load() {
    catalog = CatalogLoader.load();
    resourceTypes = new HashSet<>();
    catalog.schemas().values().forEach(schema -> resourceTypes.add(schema.type()));
  }

  @Test
  void committedCatalogIsVersion441WithAllOperations() {
    assertThat(catalog.version()).isEqualTo("4.4.1");
    assertThat(catalog.operations()).hasSize(1263);
    assertThat(catalog.operations().stream().map(Operation::path).distinct()).hasSize(966);
    assertThat(catalog.schemas()).hasSize(230);
    assertThat(resourceTypes).hasSize(214);
  }

  @Test
  void operationIdsAreUniqueAndEveryOperationHasAKindMethodAndStatus() {
    assertThat(catalog.operations().stream().map(Operation::id).distinct()).hasSize(1263);
    for (Operation operation : catalog.operations()) {
      assertThat(operation.kind()).as(operation.id()).isNotNull();
      assertThat(operation.id()).endsWith("_" + operation.kind().suffix());
      assertThat(operation.method()).isIn("GET", "POST", "PATCH", "DELETE");
      assertThat(operation.status()).as(operation.id()).isBetween(200, 299);
    }
  }

  @Test
  void operationTypesAreResourceTypesExceptTheReportDownloads() {
    Set<String> others = new HashSet<>();
    catalog.operations().stream()
        .map(Operation::type)
        .filter(type -> !resourceTypes.contains(type))
        .forEach(others::add);
    assertThat(others).isEqualTo(NON_RESOURCE_OPERATION_TYPES);
  }

  @Test
  void everyRelationshipTargetsAResourceType() {
    forEachRelationship(
        (where, relationship) ->
            assertThat(resourceTypes).as(where).contains(relationship.target()));
  }

  @Test
  void inversesAreSymmetricAndAliasesShareTheirCanonicalEdge() {
    forEachRelationship(
        (where, relationship) -> {
          String type = where.substring(where.indexOf(':') + 1, where.indexOf('.'));
          String name = where.substring(where.indexOf('.') + 1);
          if (relationship.alias() != null) {
            Relationship canonical = relationshipOf(type, relationship.alias());
            assertThat(canonical.alias()).as(where).isNull();
            assertThat(relationship.inverse()).as(where).isEqualTo(canonical.inverse());
            assertThat(relationship.target()).as(where).isEqualTo(canonical.target());
          }
          if (relationship.inverse() != null) {
            Relationship back = relationshipOf(relationship.target(), relationship.inverse());
            assertThat(back.alias()).as(where + " inverse is canonical").isNull();
            assertThat(back.target()).as(where).isEqualTo(type);
            assertThat(back.inverse()).as(where).isEqualTo(relationship.edgeName(name));
          }
        });
  }

  @Test
  void knownEdgesAreSettledAsExpected() {
    assertThat(relationshipOf("apps", "builds").inverse()).isEqualTo("app");
    assertThat(relationshipOf("builds", "app").inverse()).isEqualTo("builds");
    assertThat(relationshipOf("appCategories", "parent").inverse()).isEqualTo("subcategories");
    assertThat(
            relationshipOf("gameCenterAchievementLocalizations", "gameCenterAchievementImage")
                .alias())
        .isEqualTo("image");
    assertThat(relationshipOf("apps", "perfPowerMetrics").target()).isEqualTo("perfPowerMetrics");
    assertThat(relationshipOf("appPricePoints", "equalizations").inverse()).isNull();
  }

  @Test
  void everySchemaReferenceOfAnOperationResolves() {
    for (Operation operation : catalog.operations()) {
      if (operation.schema() != null) {
        assertThat(catalog.schemas()).as(operation.id()).containsKey(operation.schema());
      }
      if (operation.request() != null) {
        RequestBody request = operation.request();
        assertThat(resourceTypes).as(operation.id()).contains(request.type());
        request
            .relationships()
            .values()
            .forEach(r -> assertThat(resourceTypes).as(operation.id()).contains(r.target()));
      }
    }
  }

  @Test
  void everyShapeReferenceResolves() {
    List<String> unresolved = new ArrayList<>();
    BiConsumer<String, Shape> check = (where, shape) -> collectUnresolved(where, shape, unresolved);
    catalog.shapes().forEach((name, shape) -> check.accept("shapes." + name, shape));
    catalog
        .schemas()
        .forEach(
            (name, schema) ->
                schema.attributes().forEach((a, shape) -> check.accept(name + "." + a, shape)));
    for (Operation operation : catalog.operations()) {
      operation
          .parameters()
          .forEach((p, parameter) -> check.accept(operation.id() + "?" + p, parameter.shape()));
      if (operation.request() != null) {
        operation
            .request()
            .attributes()
            .forEach((a, shape) -> check.accept(operation.id() + "." + a, shape));
      }
    }
    assertThat(unresolved).isEmpty();
  }

  @Test
  void limitParametersCarryTheirMaximum() {
    Operation apps = operation("apps_getCollection");
    assertThat(apps.parameters().get("limit").shape().maximum()).isEqualByComparingTo("200");
    assertThat(apps.parameters().get("limit[builds]").shape().maximum()).isEqualByComparingTo("50");
    assertThat(apps.parameters().get("include").shape().items().enumValues()).contains("builds");
  }

  @Test
  void relatedOperationsNameTheirRelationshipAndSchema() {
    Operation builds = operation("apps_builds_getToManyRelated");
    assertThat(builds.kind()).isEqualTo(OperationKind.GET_TO_MANY_RELATED);
    assertThat(builds.type()).isEqualTo("apps");
    assertThat(builds.relationship()).isEqualTo("builds");
    assertThat(builds.schema()).isEqualTo("Build");
    assertThat(operation("apps_betaTesterUsages_getMetrics").relationship())
        .isEqualTo("betaTesterUsages");
  }

  @Test
  void betaTesterDeletesPrefer204Over202() {
    assertThat(operation("betaTesters_deleteInstance").status()).isEqualTo(204);
    assertThat(operation("betaTesters_deleteInstance").contentType()).isNull();
  }

  @Test
  void createWithIncludedResourcesListsTheirTypes() {
    RequestBody request = operation("appPriceSchedules_createInstance").request();
    assertThat(request.includedTypes()).containsExactly("appPrices", "territories");
    assertThat(request.requiredRelationships())
        .containsExactlyInAnyOrder("app", "manualPrices", "baseTerritory");
    assertThat(request.relationships().get("manualPrices").toMany()).isTrue();
  }

  @Test
  void aDocumentWithAnUnknownMemberIsRejected() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode document = mapper.createObjectNode().put("version", "x");
    document.putObject("schemas");
    document.putObject("shapes");
    document.putArray("operations");
    document.put("unexpected", 1);
    byte[] json = mapper.writeValueAsBytes(document);
    assertThatThrownBy(() -> CatalogLoader.load(new ByteArrayInputStream(json)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot parse the catalog");
  }

  private static Operation operation(String id) {
    return catalog.operations().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
  }

  private static Relationship relationshipOf(String type, String name) {
    return catalog.schemas().values().stream()
        .filter(schema -> schema.type().equals(type))
        .map(schema -> schema.relationships().get(name))
        .filter(r -> r != null)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no relationship " + type + "." + name));
  }

  private static void forEachRelationship(BiConsumer<String, Relationship> check) {
    for (ResourceSchema schema : catalog.schemas().values()) {
      for (Map.Entry<String, Relationship> entry : schema.relationships().entrySet()) {
        check.accept(schema.name() + ":" + schema.type() + "." + entry.getKey(), entry.getValue());
      }
    }
  }

  private static void collectUnresolved(String where, Shape shape, List<String> unresolved) {
    if (shape == null) {
      return;
    }
    if (shape.isRef() && !catalog.shapes().containsKey(shape.ref())) {
      unresolved.add(where + " -> " + shape.ref());
    }
    shape
        .properties()
        .forEach((name, property) -> collectUnresolved(where + "." + name, property, unresolved));
    collectUnresolved(where + "[]", shape.items(), unresolved);
    collectUnresolved(where + "{}", shape.additionalProperties(), unresolved);
  }
}
