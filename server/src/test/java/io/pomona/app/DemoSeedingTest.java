package io.pomona.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.account.Team;
import io.pomona.store.ResourceQuery;
import io.pomona.store.sqlite.SqliteStore;
import io.pomona.testing.TestPomona;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve --demo} and {@code seed --demo}: which team gets the demo, and only once. */
class DemoSeedingTest {
  @TempDir Path directory;

  @Test
  void serveDemoSeedsTheDefaultTeamOnceThenLeavesIt() throws Exception {
    try (TestPomona pomona = TestPomona.start(directory)) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      DemoSeeding seeding = new DemoSeeding(pomona.pomona().engine(), pomona.pomona().store(), Clock.systemUTC(),
          new PrintStream(printed, true, StandardCharsets.UTF_8));

      seeding.seedDefaultTeamIfEmpty();
      seeding.seedDefaultTeamIfEmpty();

      assertThat(pomona.get("/v1/apps").json().path("data")).hasSize(7);
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("Demo data: seeded team 'Test Team'")
          .contains("Demo data: team 'Test Team' already has apps; left as it is.");
    }
  }

  @Test
  void seedCommandSeedsTheOnlyTeamOfflineAndRefusesASecondTime() {
    Path data = directory.resolve("data");
    String teamId;
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      teamId = new Accounts(store, Clock.systemUTC()).createTeam("Offline").id();
    }

    assertThat(seed("--data-dir", data.toString())).isZero();
    assertThat(seed("--data-dir", data.toString())).isEqualTo(2);
    assertThat(seed("--data-dir", data.toString(), "--team", "NOSUCHTEAM")).isEqualTo(2);

    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      long apps = store.read(tx -> tx.query(new ResourceQuery(teamId, "apps", false, Optional.empty(), List.of(),
          List.of(), Optional.empty(), 10)).total());
      assertThat(apps).isEqualTo(7);
    }
  }

  @Test
  void theDefaultTeamIsTheOneFirstStartCreatedElseTheOnlyOne() {
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    Team other = new Team("AAAAAAAAAA", "issuer-a", "Other", t);
    Team first = new Team("BBBBBBBBBB", "issuer-b", FirstStart.DEFAULT_TEAM_NAME, t.plusSeconds(1));
    Team later = new Team("CCCCCCCCCC", "issuer-c", FirstStart.DEFAULT_TEAM_NAME, t.plusSeconds(2));

    assertThat(DemoSeeding.defaultTeam(List.of(other, later, first))).contains(first);
    assertThat(DemoSeeding.defaultTeam(List.of(other))).contains(other);
    assertThat(DemoSeeding.defaultTeam(List.of(other, new Team("DDDDDDDDDD", "issuer-d", "Another", t))))
        .isEqualTo(Optional.empty());
    assertThat(DemoSeeding.defaultTeam(List.of())).isEmpty();
  }

  private static int seed(String... options) {
    String[] arguments = new String[options.length + 2];
    arguments[0] = "seed";
    arguments[1] = "--demo";
    System.arraycopy(options, 0, arguments, 2, options.length);
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(arguments);
  }
}
