package io.pomona.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.account.ApiKey;
import io.pomona.account.KeyKind;
import io.pomona.account.Team;
import io.pomona.operator.AccountAdmin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pomona admin teams|keys|seed ...}: teams, keys and demo data on a running server. ({@code
 * pomona seed} without {@code admin} seeds a stopped server's data directory.)
 */
@Command(name = "admin", description = "Teams, keys and demo data on a running server (admin API).",
    subcommands = {AdminCommand.Teams.class, AdminCommand.Keys.class, StateCommands.Seed.class})
final class AdminCommand {

  @Command(name = "teams", description = "Teams.", subcommands = {Teams.ListTeams.class, Teams.Create.class})
  static final class Teams {
    @Command(name = "list", description = "List teams.")
    static final class ListTeams extends RemoteCommand {
      @Override
      int run(AdminClient client, PrintWriter out) {
        JsonNode answer = client.get("/_pomona/teams");
        if (!printedJson(out, answer)) {
          for (JsonNode team : answer.path("teams")) {
            out.printf("%s  %s  %s%n", team.path("id").asText(), team.path("issuerId").asText(),
                team.path("name").asText());
          }
        }
        return 0;
      }
    }

    @Command(name = "create", description = "Create a team; prints its team id and issuer id.")
    static final class Create extends RemoteCommand {
      @Option(names = "--name", required = true) String name;

      @Override
      int run(AdminClient client, PrintWriter out) {
        JsonNode team = client.post("/_pomona/teams", JSON.createObjectNode().put("name", name));
        if (!printedJson(out, team)) {
          out.printf("Team ID:   %s%nIssuer ID: %s%nName:      %s%n", team.path("id").asText(),
              team.path("issuerId").asText(), team.path("name").asText());
        }
        return 0;
      }
    }
  }

  @Command(name = "keys", description = "API keys.", subcommands = {Keys.ListKeys.class, Keys.Create.class,
      Keys.Revoke.class})
  static final class Keys {
    @Command(name = "list", description = "List a team's keys, revoked ones included.")
    static final class ListKeys extends RemoteCommand {
      @Option(names = "--team", required = true, description = "Team id or issuer id.") String team;

      @Override
      int run(AdminClient client, PrintWriter out) {
        JsonNode answer = client.get("/_pomona/teams/" + encode(team) + "/keys");
        if (!printedJson(out, answer)) {
          for (JsonNode key : answer.path("keys")) {
            List<String> roles = JSON.convertValue(key.path("roles"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
            out.printf("%s  %-10s  %-7s  %s  %s%n", key.path("keyId").asText(), key.path("kind").asText(),
                key.path("active").asBoolean() ? "ACTIVE" : "REVOKED", String.join(",", roles),
                key.path("name").asText());
          }
        }
        return 0;
      }
    }

    @Command(name = "create", description = "Create an API key; writes AuthKey_<KEYID>.p8 and AuthKey_<KEYID>.json.")
    static final class Create extends RemoteCommand {
      @Option(names = "--team", required = true, description = "Team id or issuer id.") String team;

      @Option(names = "--role", required = true, split = ",", description = "Apple role(s), e.g. ADMIN,DEVELOPER.")
      List<String> roles;

      @Option(names = "--name", defaultValue = "Pomona key") String name;

      @Option(names = "--individual-for", description = "Make an individual key of this user.") String user;

      @Option(names = "--out", defaultValue = ".", description = "Where to write the key files. Default: ${DEFAULT-VALUE}")
      Path directory;

      @Override
      int run(AdminClient client, PrintWriter out) {
        ObjectNode request = JSON.createObjectNode().put("team", team).put("name", name);
        roles.forEach(request.putArray("roles")::add);
        if (user != null) {
          request.put("individualFor", user);
        }
        JsonNode key = client.post("/_pomona/keys", request);
        Accounts.CreatedKey created = Accounts.writeKeyFiles(issued(key), directory);
        if (!printedJson(out, key)) {
          out.printf("Issuer ID: %s%nKey ID:    %s%nKey file:  %s%nJSON key:  %s%n", key.path("issuerId").asText(),
              key.path("keyId").asText(), created.privateKeyFile().toAbsolutePath(),
              created.jsonKeyFile().toAbsolutePath());
        }
        return 0;
      }

      /** The answer as the key files need it (only ids, the issuer and the private half matter). */
      private static AccountAdmin.IssuedKey issued(JsonNode key) {
        Team owner = new Team(key.path("teamId").asText(), key.path("issuerId").asText(), "", Instant.EPOCH);
        Set<String> roles = new HashSet<>();
        key.path("roles").forEach(role -> roles.add(role.asText()));
        ApiKey apiKey = new ApiKey(key.path("keyId").asText(), owner.id(), key.path("name").asText(), roles,
            KeyKind.valueOf(key.path("kind").asText()), Optional.ofNullable(key.path("individualFor").textValue()),
            "", Instant.parse(key.path("createdAt").asText()), Optional.empty());
        return new AccountAdmin.IssuedKey(apiKey, owner, key.path("privateKey").asText());
      }
    }

    @Command(name = "revoke", description = "Revoke a key (permanent; it stays listed).")
    static final class Revoke extends RemoteCommand {
      @Parameters(paramLabel = "KEYID") String keyId;

      @Override
      int run(AdminClient client, PrintWriter out) {
        JsonNode key = client.post("/_pomona/keys/" + encode(keyId) + "/revoke", JSON.createObjectNode());
        if (!printedJson(out, key)) {
          out.println("revoked " + key.path("keyId").asText());
        }
        return 0;
      }
    }
  }
}
