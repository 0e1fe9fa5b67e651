package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.App;
import io.pomona.sim.demo.Story.AppText;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an app on sale shows around its version: a custom product page with an approved version,
 * an in-app event on the store now (it ends on the simulated clock), a product page test that is
 * running (it completes on the clock), and a custom license agreement. Seeded for the first iOS
 * app with a live version, in the locales of its listing.
 */
final class PromotionSeeder {
  private final DemoContext context;

  PromotionSeeder(DemoContext context) {
    this.context = context;
  }

  void seed(List<App> apps, SeededIds appIds) {
    apps.stream()
        .filter(app -> app.identity().platform().platform().equals("IOS"))
        .filter(app -> app.versions().stream().anyMatch(v -> v.state() == VersionState.READY_FOR_DISTRIBUTION))
        .findFirst()
        .ifPresent(app -> seed(app, appIds.id(app.identity().key())));
  }

  private void seed(App app, String appId) {
    List<AppText> texts = app.listing().texts();
    String name = app.identity().name();
    customProductPage(appId, name, texts);
    event(appId, name, texts);
    experiment(appId, name, texts);
    context.out().resource("endUserLicenseAgreements", context.random().uuid())
        .attr("agreementText", name + " is licensed, not sold. Use it on devices you own or control; "
            + "do not copy, modify or redistribute it.")
        .link("app", appId)
        .link("territories", List.of("USA", "CAN", "GBR", "DEU"))
        .save();
  }

  private void customProductPage(String appId, String name, List<AppText> texts) {
    String page = context.random().uuid();
    context.out().resource("appCustomProductPages", page)
        .attr("name", name + " for newcomers")
        .attr("visible", true)
        .attr("url", "https://apps.apple.com/app/id" + appId + "?ppid=" + page)
        .link("app", appId)
        .save();
    String version = context.out().resource("appCustomProductPageVersions", context.random().uuid())
        .attr("version", "1")
        .attr("state", "APPROVED")
        .attr("deepLink", "https://example.com/welcome")
        .link("appCustomProductPage", page)
        .save();
    for (AppText text : texts) {
      context.out().resource("appCustomProductPageLocalizations", context.random().uuid())
          .attr("locale", text.locale())
          .attr("promotionalText", text.promotionalText())
          .link("appCustomProductPageVersion", version)
          .save();
    }
  }

  private void event(String appId, String name, List<AppText> texts) {
    Instant published = context.time().daysAgo(3);
    Instant started = context.time().daysAgo(1);
    Instant ends = DemoTime.plusDays(context.time().now(), 6);
    String event = context.out().resource("appEvents", context.random().uuid())
        .attr("referenceName", name + " spring challenge")
        .attr("badge", "CHALLENGE")
        .attr("eventState", "PUBLISHED")
        .attr("deepLink", "https://example.com/challenge")
        .attr("purchaseRequirement", "NO_COST_ASSOCIATED")
        .attr("primaryLocale", texts.get(0).locale())
        .attr("priority", "NORMAL")
        .attr("purpose", "KEEP_ACTIVE_USERS_INFORMED")
        .attr("territorySchedules", List.of(Map.of("territories", List.of("USA", "CAN", "GBR", "DEU"),
            "publishStart", DemoTime.iso(published), "eventStart", DemoTime.iso(started),
            "eventEnd", DemoTime.iso(ends))))
        .attr("archivedTerritorySchedules", List.of())
        .link("app", appId)
        .save();
    for (AppText text : texts) {
      context.out().resource("appEventLocalizations", context.random().uuid())
          .attr("locale", text.locale())
          .attr("name", "Spring challenge")
          .attr("shortDescription", "A week of daily goals.")
          .attr("longDescription", "Reach a goal every day this week and earn the spring badge.")
          .link("appEvent", event)
          .save();
    }
  }

  private void experiment(String appId, String name, List<AppText> texts) {
    String experiment = context.out().resource("appStoreVersionExperiments", context.random().uuid())
        .attr("name", name + " icon test")
        .attr("platform", "IOS")
        .attr("trafficProportion", 30)
        .attr("state", "APPROVED")
        .attr("reviewRequired", true)
        .date("startDate", context.time().daysAgo(10))
        .link("app", appId)
        .save();
    String treatment = context.out().resource("appStoreVersionExperimentTreatments", context.random().uuid())
        .attr("name", "Brighter icon")
        .attr("appIconName", "AppIcon-Bright")
        .link("appStoreVersionExperimentV2", experiment)
        .save();
    for (AppText text : texts) {
      context.out().resource("appStoreVersionExperimentTreatmentLocalizations", context.random().uuid())
          .attr("locale", text.locale())
          .link("appStoreVersionExperimentTreatment", treatment)
          .save();
    }
  }
}
