package io.pomona.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.testing.TestPomona;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code pomona} commands that talk to a running server, run in-process against a test server. */
class AdminCliTest {
  @TempDir static Path directory;
  static TestPomona pomona;

  @BeforeAll
  static void start() {
    pomona = TestPomona.start(directory);
  }

  @AfterAll
  static void stop() throws Exception {
    pomona.close();
  }

  /** One run of the CLI: exit code and what it printed. */
  record Run(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return TestPomona.JSON.readTree(out);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + out, e);
      }
    }
  }

  /** Runs {@code pomona <args>} against the test server, finding the token in its data directory. */
  static Run pomona(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", pomona.pomona().adminUrl().orElseThrow().toString(),
        "--data-dir", pomona.pomona().dataDirectory().toString()));
    return run(all.toArray(String[]::new));
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void teamsAreCreatedAndListed() {
    Run created = pomona("admin", "teams", "create", "--name", "CLI Team");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("Team ID:", "Issuer ID:", "CLI Team");

    Run listed = pomona("admin", "teams", "list");
    assertThat(listed.exitCode()).isZero();
    assertThat(listed.out()).contains("CLI Team", "Test Team");

    Run asJson = pomona("admin", "teams", "list", "--json");
    assertThat(asJson.json().path("teams").size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void keysAreCreatedIntoFilesListedAndRevoked() throws IOException {
    Path out = directory.resolve("cli-keys");
    Run created = pomona("admin", "keys", "create", "--team", pomona.team().id(), "--role", "DEVELOPER,APP_MANAGER",
        "--name", "From CLI", "--out", out.toString());
    assertThat(created.exitCode()).as(created.err()).isZero();
    String keyId = created.out().lines().filter(line -> line.startsWith("Key ID:")).findFirst().orElseThrow()
        .substring("Key ID:".length()).strip();
    Path p8 = out.resolve("AuthKey_" + keyId + ".p8");
    assertThat(Files.readString(p8)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(TestPomona.JSON.readTree(out.resolve("AuthKey_" + keyId + ".json").toFile()).path("issuer_id").asText())
        .isEqualTo(pomona.team().issuerId());

    Run listed = pomona("admin", "keys", "list", "--team", pomona.team().issuerId());
    assertThat(listed.out()).contains(keyId + "  TEAM        ACTIVE   APP_MANAGER,DEVELOPER  From CLI");

    Run revoked = pomona("admin", "keys", "revoke", keyId);
    assertThat(revoked.out()).contains("revoked " + keyId);
    assertThat(pomona("admin", "keys", "list", "--team", pomona.team().id()).out()).contains(keyId + "  TEAM        REVOKED");
  }

  @Test
  void anAppIsCreated() {
    Run created = pomona("app", "create", "--team", pomona.team().id(), "--name", "Cli App", "--bundle-id",
        "com.example.cli", "--sku", "CLI1", "--platform", "IOS,VISION_OS");

    assertThat(created.exitCode()).as(created.err()).isZero();
    String appId = created.out().lines().findFirst().orElseThrow().substring("App ID: ".length());
    assertThat(pomona.get("/v1/apps/" + appId).json().path("data").path("attributes").path("name").asText())
        .isEqualTo("Cli App");
    assertThat(created.out()).contains("appStoreVersions", "appInfos");
  }

  @Test
  void serverErrorsArePrintedWithTheirCodeAndExit1() {
    Run bad = pomona("app", "create", "--team", pomona.team().id(), "--name", "Bad", "--bundle-id", "com.example.bad",
        "--sku", "BAD", "--platform", "ANDROID");

    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("400 ENTITY_INVALID", "platforms");
  }

  @Test
  void faultsAreAddedListedSeenInRequestsAndCleared() {
    Run added = pomona("faults", "add", "--path", "/v1/apps", "--method", "GET", "--status", "500", "--error-code",
        "UNEXPECTED_ERROR", "--count", "1");
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out()).contains("GET /v1/apps", "500 UNEXPECTED_ERROR", "remaining 1");
    assertThat(pomona("faults", "list").out()).contains("/v1/apps");

    assertThat(pomona.get("/v1/apps").status()).isEqualTo(500);

    Run requests = pomona("requests", "-n", "1");
    assertThat(requests.out()).contains("GET", "/v1/apps", "500", "key=" + pomona.key().key().keyId(), "fault=f");
    assertThat(pomona("faults", "list").out()).isEmpty();

    pomona("faults", "add", "--path", "/v1/**", "--delay-ms", "1");
    Run cleared = pomona("faults", "clear");
    assertThat(cleared.out()).contains("cleared 1 fault rule(s)");
  }

  @Test
  void badFaultsAreRefused() {
    Run bad = pomona("faults", "add", "--path", "/v1/apps", "--delay-ms", "-1");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("400", "delayMs");
  }

  @Test
  void exportResetImportRoundTripsThroughFiles() throws IOException {
    String team = pomona("admin", "teams", "create", "--name", "Round Trip", "--json").json().path("id").asText();
    Run app = pomona("app", "create", "--team", team, "--name", "Trip", "--bundle-id", "com.example.trip",
        "--sku", "TRIP", "--json");
    String appId = app.json().path("app").path("id").asText();
    Path file = directory.resolve("state.json");

    Run exported = pomona("export", "--team", team, "--out", file.toString());
    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(TestPomona.JSON.readTree(file.toFile()).path("resources").size()).isGreaterThan(5);
    Run toStdout = pomona("export", "--team", team);
    assertThat(toStdout.json().path("format").asText()).isEqualTo("pomona-team-state");

    Run reset = pomona("reset", "--team", team);
    assertThat(reset.out()).contains("Reset team " + team);
    Run refused = pomona("import", "--team", team, "--file", file.toString());
    assertThat(refused.exitCode()).as(refused.err()).isZero();
    assertThat(refused.out()).contains("Imported");

    Run again = pomona("import", "--team", team, "--file", file.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("409 STATE_ERROR");
    assertThat(pomona("import", "--team", team, "--file", file.toString(), "--replace").exitCode()).isZero();

    JsonNode state = pomona("export", "--team", team).json();
    List<String> ids = new ArrayList<>();
    state.path("resources").forEach(resource -> ids.add(resource.path("id").asText()));
    assertThat(ids).contains(appId);
  }

  @Test
  void exportToAPathThatCannotBeWrittenEndsInOneLine() throws IOException {
    // A regular file where a directory should be: unwritable even for root, which ignores modes.
    Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
    Path target = notADirectory.resolve("state.json");

    Run run = pomona("export", "--team", pomona.team().id(), "--out", target.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).doesNotContain("\n", "Exception", "\tat ")
        .startsWith("pomona: cannot write " + target + ": ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void importFromAMissingOrMalformedFileEndsInOneLine() throws IOException {
    Path missing = directory.resolve("no-such-state.json");
    Run absent = pomona("import", "--team", pomona.team().id(), "--file", missing.toString());
    assertThat(absent.exitCode()).isEqualTo(2);
    assertThat(absent.err().strip())
        .isEqualTo("pomona: cannot read the state document from " + missing + ": no such file or directory");

    Path malformed = Files.writeString(directory.resolve("malformed.json"), "{\"format\": ");
    Run broken = pomona("import", "--team", pomona.team().id(), "--file", malformed.toString());
    assertThat(broken.exitCode()).isEqualTo(2);
    assertThat(broken.err().lines()).hasSize(1);
    assertThat(broken.err()).startsWith("pomona: cannot read the state document from " + malformed + ": not JSON (");
  }

  @Test
  void demoDataIsSeededIntoARunningServersTeam() {
    Run seeded = pomona("admin", "seed", "--demo", "--seed", "7");
    assertThat(seeded.exitCode()).as(seeded.err()).isZero();
    assertThat(seeded.out()).contains("Seeded team", "Demo Team", "seed 7", "apps");
    assertThat(pomona("admin", "teams", "list").out()).contains("Demo Team");

    Run again = pomona("admin", "seed", "--demo", "--team", pomona.team().id(), "--json");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.json().path("created").path("apps").asInt()).isPositive();
    assertThat(pomona.get("/v1/apps").json().path("data").size()).isPositive();
    Run twice = pomona("admin", "seed", "--demo", "--team", pomona.team().id());
    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.err()).contains("409");
  }

  @Test
  void withoutATokenTheCliSaysWhereToFindOne() {
    Run run = run("admin", "teams", "list", "--server", pomona.pomona().adminUrl().orElseThrow().toString(),
        "--data-dir", directory.resolve("nowhere").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no admin token");
  }

  @Test
  void aWrongTokenGets401() {
    Run run = pomona("admin", "teams", "list", "--admin-token", "wrong-token-0123456789");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("401 NOT_AUTHORIZED");
  }

  @Test
  void anUnreachableServerIsReported() {
    Run run = run("admin", "teams", "list", "--server", "http://127.0.0.1:1", "--admin-token", "whatever-token-123456");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot reach a Pomona server at http://127.0.0.1:1");
  }
}
