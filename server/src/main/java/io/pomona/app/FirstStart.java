package io.pomona.app;

import io.pomona.account.Team;
import io.pomona.auth.KeyMaterial;
import io.pomona.auth.TokenMinter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code serve} prints on start, and on the very first start creates: a default team and an
 * ADMIN key whose {@code .p8} lands in the data directory, with a ready curl command.
 */
final class FirstStart {
  static final String DEFAULT_TEAM_NAME = "Pomona Team";

  private final Pomona pomona;
  private final Clock clock;
  private final PrintStream out;

  FirstStart(Pomona pomona, Clock clock, PrintStream out) {
    this.pomona = pomona;
    this.clock = clock;
    this.out = out;
  }

  void welcome() {
    Accounts accounts = new Accounts(pomona.store(), clock);
    out.printf("Pomona serves App Store Connect API %s at %s%n", pomona.catalog().version(), pomona.baseUrl());
    pomona.adminUrl().ifPresentOrElse(
        url -> {
          out.printf("Admin API at %s/_pomona (Authorization: Bearer <admin token>)%n", url);
          pomona.operator().adminToken().ifPresent(token -> out.printf("Admin token: %s%s%n", token.value(),
              token.file().map(file -> "  (kept in " + file.toAbsolutePath() + ")").orElse("")));
        },
        () -> out.println("Admin API: off"));
    if (!accounts.teams().isEmpty()) {
      out.printf("Data: %s%n", pomona.storeDescription());
      return;
    }
    Team team = accounts.createTeam(DEFAULT_TEAM_NAME);
    Accounts.CreatedKey created = accounts.createKey(team, "Default admin key", Set.of("ADMIN"), Optional.empty(),
        pomona.dataDirectory());
    String token;
    try {
      token = new TokenMinter(created.key().keyId(),
          KeyMaterial.readPrivateKey(Files.readString(created.privateKeyFile())), clock)
          .teamToken(team.issuerId(), Duration.ofMinutes(20), List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.printf("First start: created team '%s' and an ADMIN key.%n", team.name());
    Main.printKey(created);
    out.printf("Try it (the token is valid for 20 minutes; mint another with `pomona token`):%n");
    out.printf("  curl -H 'Authorization: Bearer %s' %s/v1/apps%n", token, pomona.baseUrl());
  }
}
