package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.App;
import io.pomona.sim.demo.Story.AppText;
import io.pomona.sim.demo.Story.Identity;
import io.pomona.sim.demo.Story.Listing;
import io.pomona.sim.demo.Story.Version;
import java.util.List;
import java.util.Optional;

/**
 * Apps (which only Apple creates) and their app infos: one for the live version and, while a newer
 * version is in the works, one edited alongside it (as App Store Connect keeps them), each with
 * its categories and a localization per locale.
 */
final class AppSeeder {
  private final DemoContext context;

  AppSeeder(DemoContext context) {
    this.context = context;
  }

  /** Returns the app ids by story key. */
  SeededIds seed(List<App> apps) {
    SeededIds ids = new SeededIds("app");
    for (App app : apps) {
      Identity identity = app.identity();
      boolean subscriptions = !app.commerce().subscriptionGroups().isEmpty();
      String id = context.out().resource("apps", context.random().numericId())
          .attr("name", identity.name())
          .attr("bundleId", identity.bundleId())
          .attr("sku", identity.sku())
          .attr("primaryLocale", "en-US")
          .attr("isOrEverWasMadeForKids", false)
          .attr("contentRightsDeclaration", "DOES_NOT_USE_THIRD_PARTY_CONTENT")
          .attr("subscriptionStatusUrl", subscriptions
              ? Optional.of(Web.page(identity, "en-US", "appstore/notifications")) : Optional.empty())
          .attr("subscriptionStatusUrlVersion", subscriptions ? Optional.of("V2") : Optional.empty())
          .save();
      ids.put(identity.key(), id);
      appInfos(app, id);
    }
    return ids;
  }

  private void appInfos(App app, String appId) {
    List<Version> versions = app.versions();
    versions.stream().filter(v -> v.state().live()).findFirst().ifPresent(live -> appInfo(app, appId, live.state()));
    Version newest = versions.get(versions.size() - 1);
    if (!newest.state().released()) {
      appInfo(app, appId, newest.state());
    }
  }

  /** The questionnaire answered as a family-friendly app would: nothing to declare. */
  private String ageRating() {
    DemoWriter.NewResource declaration = context.out().resource("ageRatingDeclarations", context.random().uuid());
    for (String question : List.of("alcoholTobaccoOrDrugUseOrReferences", "contests", "gamblingSimulated",
        "gunsOrOtherWeapons", "horrorOrFearThemes", "matureOrSuggestiveThemes", "medicalOrTreatmentInformation",
        "profanityOrCrudeHumor", "sexualContentGraphicAndNudity", "sexualContentOrNudity", "violenceCartoonOrFantasy",
        "violenceRealistic", "violenceRealisticProlongedGraphicOrSadistic")) {
      declaration.attr(question, "NONE");
    }
    for (String question : List.of("advertising", "gambling", "healthOrWellnessTopics", "lootBox", "messagingAndChat",
        "parentalControls", "ageAssurance", "unrestrictedWebAccess", "userGeneratedContent")) {
      declaration.attr(question, false);
    }
    return declaration.save();
  }

  private void appInfo(App app, String appId, VersionState state) {
    Listing listing = app.listing();
    List<String> subcategories = listing.primarySubcategories();
    String declaration = ageRating();
    String id = context.out().resource("appInfos", context.random().uuid())
        .attr("appStoreState", state.appStoreState())
        .attr("state", state.appInfoState())
        .attr("appStoreAgeRating", listing.ageRating())
        .link("app", appId)
        .link("primaryCategory", listing.primaryCategory())
        .link("primarySubcategoryOne", subcategories.stream().findFirst())
        .link("primarySubcategoryTwo", subcategories.stream().skip(1).findFirst())
        .link("secondaryCategory", listing.secondaryCategory())
        .link("ageRatingDeclaration", declaration)
        .save();
    for (AppText text : listing.texts()) {
      context.out().resource("appInfoLocalizations", context.random().uuid())
          .attr("locale", text.locale())
          .attr("name", text.name())
          .attr("subtitle", text.subtitle())
          .attr("privacyPolicyUrl", Web.page(app.identity(), text.locale(), "privacy"))
          .link("appInfo", id)
          .save();
    }
  }
}
