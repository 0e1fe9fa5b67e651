package io.pomona.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pomona app create ...}: apps, which only Apple's web UI creates. */
@Command(name = "app", description = "Apps (only Apple's web UI creates them; here the admin API does).",
    subcommands = {AppCommand.Create.class})
final class AppCommand {

  @Command(name = "create", description = "Create an app with its first version, app info and localizations.")
  static final class Create extends RemoteCommand {
    @Option(names = "--team", required = true, description = "Team id or issuer id.") String team;

    @Option(names = "--name", required = true) String name;

    @Option(names = "--bundle-id", required = true) String bundleId;

    @Option(names = "--sku", required = true) String sku;

    @Option(names = "--primary-locale", defaultValue = "en-US", description = "Default: ${DEFAULT-VALUE}")
    String primaryLocale;

    @Option(names = "--platform", split = ",", defaultValue = "IOS",
        description = "IOS, MAC_OS, TV_OS, VISION_OS (comma-separated). Default: ${DEFAULT-VALUE}")
    List<String> platforms;

    @Override
    int run(AdminClient client, PrintWriter out) {
      ObjectNode request = JSON.createObjectNode().put("team", team).put("name", name).put("bundleId", bundleId)
          .put("sku", sku).put("primaryLocale", primaryLocale);
      platforms.forEach(request.putArray("platforms")::add);
      JsonNode answer = client.post("/_pomona/apps", request);
      if (!printedJson(out, answer)) {
        out.printf("App ID: %s%n", answer.path("app").path("id").asText());
        for (JsonNode related : answer.path("related")) {
          out.printf("  %s %s%n", related.path("type").asText(), related.path("id").asText());
        }
      }
      return 0;
    }
  }
}
