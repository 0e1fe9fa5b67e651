package io.pomona.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.account.Team;
import io.pomona.behaviour.Origin;
import io.pomona.catalog.Catalog;
import io.pomona.catalog.CatalogLoader;
import io.pomona.domain.testflight.BuildUploadFlow;
import io.pomona.error.ApiException;
import io.pomona.sim.SimClock;
import io.pomona.store.Store;
import io.pomona.store.StoreException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pomona build upload}: the operator's shortcut to a build, without bytes, for tests and demos. */
@Command(name = "build", description = "Act on builds as Apple would.", subcommands = BuildCommand.Upload.class)
final class BuildCommand {

  @Command(name = "upload", description = "Upload a build without bytes, offline: it starts PROCESSING and the"
      + " Apple side processes it (stop the server first or use its admin API).")
  static final class Upload implements Callable<Integer> {
    @CommandLine.Mixin Main.DataOptions data = new Main.DataOptions();

    @Option(names = "--app", required = true, description = "The app's id.")
    String app;

    @Option(names = "--version", required = true, description = "CFBundleShortVersionString, e.g. 1.2.")
    String version;

    @Option(names = "--build", required = true, description = "CFBundleVersion, the build number, e.g. 42.")
    String build;

    @Option(names = "--platform", defaultValue = "IOS", description = "IOS, MAC_OS, TV_OS or VISION_OS."
        + " Default: ${DEFAULT-VALUE}")
    String platform;

    @Option(names = "--team", description = "Issuer id or team id. Default: the team `serve` created first.")
    String team;

    @Override
    public Integer call() {
      SimClock clock = new SimClock(Clock.systemUTC());
      try (Store store = StoreFactory.open(data.dataDirectory, data.postgres(), clock)) {
        Catalog catalog = CatalogLoader.load();
        List<String> platforms = catalog.shapes().get("Platform").enumValues();
        if (!platforms.contains(platform)) {
          System.err.println("pomona: --platform must be one of " + platforms + ", not " + platform);
          return 2;
        }
        Pomona.AppleSide side = Pomona.AppleSide.open(catalog, store, clock, new ObjectMapper(),
            "http://localhost", Map.of(), Pomona.uploadVault(data.dataDirectory, clock));
        Accounts accounts = new Accounts(store, clock);
        Optional<Team> target = team == null ? DemoSeeding.defaultTeam(accounts.teams()) : accounts.team(team);
        if (target.isEmpty()) {
          System.err.println("pomona: " + (team == null ? "no default team; name one with --team" : "no team " + team));
          return 2;
        }
        String buildId = store.transaction(tx -> BuildUploadFlow.uploadWithoutBytes(
            side.engine().resources().access(tx, target.get().id(), Origin.OPERATOR, Map.of()), clock.instant(),
            app, version, build, platform));
        System.out.printf("Build %s (%s, build %s, %s) is PROCESSING.%n", buildId, version, build, platform);
        return 0;
      } catch (ApiException e) {
        System.err.println("pomona: " + e.errors().get(0).detail().orElse(e.errors().get(0).title()));
        return 2;
      } catch (IllegalArgumentException | StoreException e) {
        System.err.println("pomona: " + e.getMessage());
        return 2;
      }
    }
  }
}
