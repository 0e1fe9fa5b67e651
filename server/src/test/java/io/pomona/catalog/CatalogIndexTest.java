package io.pomona.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogIndexTest {
  private static CatalogIndex index;

  @BeforeAll
  static void load() {
    index = new CatalogIndex(CatalogLoader.load());
  }

  @Test
  void schemasOfATypeAreListedInDocumentOrder() {
    assertThat(index.schemasOfType("inAppPurchases"))
        .extracting(ResourceSchema::name)
        .containsExactly("InAppPurchase", "InAppPurchaseV2");
    assertThat(index.schemasOfType("noSuchType")).isEmpty();
  }

  @Test
  void mergedTypeUnitesAttributesAndRelationshipsWithTheCurrentSchemaFirst() {
    ResourceType inAppPurchases = index.type("inAppPurchases").orElseThrow();
    assertThat(inAppPurchases.schemas()).containsExactly("InAppPurchaseV2", "InAppPurchase");
    // only v1 has "apps", only V2 has "content"
    assertThat(inAppPurchases.relationships()).containsKeys("apps", "content", "pricePoints");
    // both declare "state": V2 refers to the named enum, v1 inlines it; the current one wins
    assertThat(inAppPurchases.attributes().get("state").ref()).isEqualTo("InAppPurchaseState");
  }

  @Test
  void lookupsReturnEmptyForUnknownNames() {
    assertThat(index.schema("NoSuchSchema")).isEmpty();
    assertThat(index.type("noSuchType")).isEmpty();
    assertThat(index.operation("no_such_getCollection")).isEmpty();
    assertThat(index.relationship("apps", "noSuchRelationship")).isEmpty();
  }

  @Test
  void operationsAreFoundByIdAndKeptInDocumentOrder() {
    Operation operation = index.operation("apps_getInstance").orElseThrow();
    assertThat(operation.path()).isEqualTo("/v1/apps/{id}");
    assertThat(index.operations()).hasSize(1263);
    assertThat(index.operations().get(0).id()).isEqualTo(index.catalog().operations().get(0).id());
  }

  @Test
  void referencedShapesResolveToTheirNamedShape() {
    Shape platform = index.schema("AppStoreVersion").orElseThrow().attributes().get("platform");
    assertThat(platform.ref()).isEqualTo("Platform");
    assertThat(index.resolve(platform).enumValues()).contains("IOS", "MAC_OS");
  }

  @Test
  void everyTypeHasAMergedView() {
    assertThat(index.types()).hasSize(214).contains("apps", "builds", "perfPowerMetrics");
    assertThat(index.relationship("builds", "app").orElseThrow().inverse()).isEqualTo("builds");
  }
}
