package io.pomona.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.account.Team;
import io.pomona.store.postgres.PostgresSettings;
import io.pomona.store.postgres.PostgresStore;
import io.pomona.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands choose PostgreSQL by {@code --database-url}, and say plainly when it is unusable. */
class PostgresCommandLineTest {
  @TempDir Path directory;

  @Test
  @TestPostgres.Required
  void teamCreateWritesToTheDatabaseTheLibpqUrlNames() {
    PostgresSettings schema = TestPostgres.freshSchema();
    try {
      Run created = run("team", "create", "--name", "On Postgres", "--data-dir", directory.toString(),
          "--database-url", TestPostgres.givenUrl(schema));

      assertThat(created.exitCode()).as(created.err()).isZero();
      try (PostgresStore store = PostgresStore.open(schema, Clock.systemUTC())) {
        List<Team> teams = store.read(tx -> tx.teams());
        assertThat(teams).extracting(Team::name).containsExactly("On Postgres");
        assertThat(created.out()).contains(teams.get(0).issuerId());
      }
      assertThat(directory.resolve("pomona.db")).doesNotExist();
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void anUnreachableDatabaseIsAOneLineErrorWithoutThePassword() {
    Run listed = run("team", "list", "--data-dir", directory.toString(),
        "--database-url", "postgresql://pomona:s3cret@127.0.0.1:1/pomona");

    assertThat(listed.exitCode()).isEqualTo(2);
    assertThat(listed.err()).contains("cannot connect to PostgreSQL jdbc:postgresql://127.0.0.1:1/pomona")
        .doesNotContain("s3cret").doesNotContain("\tat ");
  }

  @Test
  void aUrlOfAnotherDatabaseIsRefusedNamingTheAcceptedForms() {
    Run served = run("serve", "--data-dir", directory.toString(), "--port", "0",
        "--database-url", "mysql://pomona:s3cret@127.0.0.1/pomona");

    assertThat(served.exitCode()).isEqualTo(2);
    assertThat(served.err()).contains("jdbc:postgresql://").contains("postgresql://").doesNotContain("s3cret");
    assertThat(directory.resolve("pomona.db")).doesNotExist();
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... arguments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    // The commands print with System.out/err; the tests in a fork run one at a time.
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      CommandLine commandLine = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
      commandLine.setErr(new java.io.PrintWriter(System.err, true));
      int exitCode = commandLine.execute(arguments);
      return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }
}
