package io.pomona.catalog.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.catalog.Catalog;
import io.pomona.catalog.Relationship;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inverse inference and the override table, on tiny hand-made documents. */
class InverseInferenceTest {
  private final List<InverseOverrides.Alias> aliases = new ArrayList<>();
  private final List<InverseOverrides.Inverse> inverses = new ArrayList<>();

  private static TinyOpenApi appsAndBuilds() {
    return new TinyOpenApi()
        .resource("App", "apps")
        .attribute("App", "name", "string")
        .toMany("App", "builds", "builds")
        .resource("Build", "builds")
        .toOne("Build", "app", "apps");
  }

  private Catalog generate(TinyOpenApi spec) {
    return CatalogGenerator.generate(spec.tree(), new InverseOverrides(aliases, inverses))
        .catalog();
  }

  private static Relationship relationship(Catalog catalog, String schema, String name) {
    return catalog.schemas().get(schema).relationships().get(name);
  }

  @Test
  void aSingleCandidatePairsBothDirections() {
    Catalog catalog = generate(appsAndBuilds());

    assertThat(relationship(catalog, "App", "builds").inverse()).isEqualTo("app");
    assertThat(relationship(catalog, "Build", "app").inverse()).isEqualTo("builds");
    assertThat(relationship(catalog, "App", "builds").toMany()).isTrue();
    assertThat(relationship(catalog, "App", "builds").paging()).isTrue();
  }

  @Test
  void noCandidateLeavesTheRelationshipOneDirectional() {
    Catalog catalog =
        generate(
            appsAndBuilds()
                .resource("BuildIcon", "buildIcons")
                .toMany("Build", "icons", "buildIcons"));

    assertThat(relationship(catalog, "Build", "icons").inverse()).isNull();
    assertThat(relationship(catalog, "Build", "icons").target()).isEqualTo("buildIcons");
  }

  @Test
  void twoCandidatesWithoutAnEntryFailNamingTheRelationship() {
    TinyOpenApi spec = appsAndBuilds().toMany("App", "betaBuilds", "builds");

    assertThatThrownBy(() -> generate(spec))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "builds.app has several candidate inverses [apps.builds, apps.betaBuilds]");
  }

  @Test
  void anEntrySettlesTwoCandidatesAndImpliesTheReverse() {
    inverses.add(new InverseOverrides.Inverse("builds.app", "apps.builds", "test"));

    Catalog catalog = generate(appsAndBuilds().toMany("App", "betaBuilds", "builds"));

    assertThat(relationship(catalog, "Build", "app").inverse()).isEqualTo("builds");
    assertThat(relationship(catalog, "App", "builds").inverse()).isEqualTo("app");
    assertThat(relationship(catalog, "App", "betaBuilds").inverse()).isNull();
  }

  @Test
  void anAliasReadsTheCanonicalEdgeAndItsInverse() {
    aliases.add(new InverseOverrides.Alias("apps.betaBuilds", "builds", "test"));

    Catalog catalog = generate(appsAndBuilds().toMany("App", "betaBuilds", "builds"));

    Relationship alias = relationship(catalog, "App", "betaBuilds");
    assertThat(alias.alias()).isEqualTo("builds");
    assertThat(alias.inverse()).isEqualTo("app");
    assertThat(relationship(catalog, "App", "builds").alias()).isNull();
    assertThat(relationship(catalog, "Build", "app").inverse()).isEqualTo("builds");
  }

  @Test
  void anAliasWithAnotherTargetIsRejected() {
    aliases.add(new InverseOverrides.Alias("apps.appInfos", "builds", "test"));
    TinyOpenApi spec =
        appsAndBuilds().resource("AppInfo", "appInfos").toMany("App", "appInfos", "appInfos");

    assertThatThrownBy(() -> generate(spec))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "alias apps.appInfos -> apps.builds differs in target or cardinality");
  }

  @Test
  void anAliasOfAnUnknownRelationshipIsRejected() {
    aliases.add(new InverseOverrides.Alias("apps.builds", "name", "test"));

    assertThatThrownBy(() -> generate(appsAndBuilds()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("alias apps.builds -> apps.name names an unknown relationship");
  }

  @Test
  void aTypeRelatedToItselfNeedsAnEntry() {
    TinyOpenApi spec =
        new TinyOpenApi()
            .resource("AppCategory", "appCategories")
            .toMany("AppCategory", "subcategories", "appCategories")
            .toOne("AppCategory", "parent", "appCategories");

    assertThatThrownBy(() -> generate(spec))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("appCategories.parent relates appCategories to itself");

    inverses.add(
        new InverseOverrides.Inverse(
            "appCategories.parent", "appCategories.subcategories", "test"));
    Catalog catalog = generate(spec);
    assertThat(relationship(catalog, "AppCategory", "parent").inverse()).isEqualTo("subcategories");
    assertThat(relationship(catalog, "AppCategory", "subcategories").inverse()).isEqualTo("parent");
  }

  @Test
  void contradictoryEntriesAreRejected() {
    inverses.add(new InverseOverrides.Inverse("builds.app", "apps.builds", "test"));
    inverses.add(new InverseOverrides.Inverse("apps.builds", null, "test"));

    assertThatThrownBy(() -> generate(appsAndBuilds()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the table gives apps.builds two inverses");
  }

  @Test
  void aLinksOnlyRelationshipTakesItsTargetFromTheRelatedOperation() {
    TinyOpenApi spec =
        appsAndBuilds()
            .resource("CustomerReview", "customerReviews")
            .linksOnly("App", "customerReviews")
            .toManyRelatedOperation("apps", "customerReviews", "CustomerReview");

    Catalog catalog = generate(spec);

    Relationship reviews = relationship(catalog, "App", "customerReviews");
    assertThat(reviews.target()).isEqualTo("customerReviews");
    assertThat(reviews.toMany()).isTrue();
    assertThat(reviews.linkage()).isFalse();
    assertThat(reviews.links()).isTrue();
    assertThat(reviews.inverse()).isNull();
    assertThat(catalog.operations().get(0).schema()).isEqualTo("CustomerReview");
  }

  @Test
  void aLinksOnlyRelationshipWithoutAnyTargetFactFails() {
    TinyOpenApi spec = appsAndBuilds().linksOnly("App", "mystery");

    assertThatThrownBy(() -> generate(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no target type found for the links-only relationship App.mystery");
  }

  @Test
  void committedOverridesEachSayWhy() throws Exception {
    try (var json = getClass().getResourceAsStream(CatalogGenerator.OVERRIDES_RESOURCE)) {
      InverseOverrides overrides = InverseOverrides.read(json);
      assertThat(overrides.aliases()).isNotEmpty();
      assertThat(overrides.inverses()).isNotEmpty();
    }
  }
}
