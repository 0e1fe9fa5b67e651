package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.App;
import io.pomona.sim.demo.Story.AppText;
import io.pomona.sim.demo.Story.Identity;
import io.pomona.sim.demo.Story.Text;
import io.pomona.sim.demo.Story.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * App Store versions, with {@code appVersionState} and the deprecated {@code appStoreState} in
 * step, their builds and a localization per locale (with its screenshot). An app's first version
 * has no "What's New".
 */
final class AppStoreSeeder {
  private final DemoContext context;
  private final DemoScreenshots screenshots;

  AppStoreSeeder(DemoContext context) {
    this.context = context;
    this.screenshots = new DemoScreenshots(context);
  }

  /** Returns the version ids by {@code <app key>/<version string>}. */
  SeededIds seed(List<App> apps, SeededIds appIds, SeededIds builds) {
    SeededIds versions = new SeededIds("version");
    for (App app : apps) {
      Identity identity = app.identity();
      boolean first = true;
      for (Version version : app.versions()) {
        String id = version(identity, appIds.id(identity.key()), version,
            version.buildNumber().map(number -> builds.id(identity.key() + "/" + number)));
        localizations(app, id, version, first);
        versions.put(identity.key() + "/" + version.versionString(), id);
        first = false;
      }
    }
    return versions;
  }

  private String version(Identity app, String appId, Version version, Optional<String> build) {
    Instant created = context.time().daysAgo((int) version.age().toDays());
    boolean scheduled = version.releaseType().equals("SCHEDULED");
    return context.out().resource("appStoreVersions", context.random().uuid())
        .attr("platform", app.platform().platform())
        .attr("versionString", version.versionString())
        .attr("appStoreState", version.state().appStoreState())
        .attr("appVersionState", version.state().appVersionState())
        .attr("copyright", DemoTime.year(created) + " " + TeamStory.COMPANY)
        .attr("reviewType", "APP_STORE")
        .attr("releaseType", version.releaseType())
        .attr("earliestReleaseDate",
            scheduled ? Optional.of(DemoTime.iso(context.time().daysAheadAtMidnight(7))) : Optional.empty())
        .attr("usesIdfa", false)
        .attr("downloadable", true)
        .date("createdDate", created)
        .link("app", appId)
        .link("build", build)
        .save();
  }

  private void localizations(App app, String versionId, Version version, boolean firstVersion) {
    for (AppText text : app.listing().texts()) {
      Optional<String> whatsNew = firstVersion ? Optional.empty()
          : version.whatsNew().stream().filter(t -> t.locale().equals(text.locale())).map(Text::value).findFirst();
      String localization = context.out().resource("appStoreVersionLocalizations", context.random().uuid())
          .attr("description", text.description())
          .attr("locale", text.locale())
          .attr("keywords", text.keywords())
          .attr("marketingUrl", Web.home(app.identity()))
          .attr("promotionalText", text.promotionalText())
          .attr("supportUrl", Web.page(app.identity(), text.locale(), "support"))
          .attr("whatsNew", whatsNew)
          .link("appStoreVersion", versionId)
          .save();
      screenshots.seed(app.identity().platform(), localization);
    }
  }
}
