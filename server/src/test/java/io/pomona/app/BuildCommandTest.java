package io.pomona.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.store.StoredResource;
import io.pomona.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pomona build upload}: a build without bytes, processing, under the same rules as a client's upload. */
class BuildCommandTest {
  @TempDir Path directory;

  @Test
  void uploadsAProcessingBuildOnceAndRefusesTheSameNumberAgain() {
    Path data = directory.resolve("data");
    String teamId;
    String appId;
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      teamId = new Accounts(store, Clock.systemUTC()).createTeam("Offline").id();
    }
    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      appId = store.transaction(tx -> {
        tx.insert(teamId, "apps", "1234567890", Map.of("name", "Weather"));
        return "1234567890";
      });
    }

    assertThat(upload(data, appId, "42", "IOS")).isZero();
    assertThat(upload(data, appId, "42", "IOS")).isEqualTo(2);
    assertThat(upload(data, appId, "43", "WATCH")).isEqualTo(2);
    assertThat(upload(data, "no-such-app", "44", "IOS")).isEqualTo(2);

    try (SqliteStore store = SqliteStore.open(data, Clock.systemUTC())) {
      List<StoredResource> builds = store.read(tx -> tx.query(new io.pomona.store.ResourceQuery(teamId, "builds",
          false, Optional.empty(), List.of(), List.of(), Optional.empty(), 10)).items());
      assertThat(builds).singleElement().satisfies(build -> {
        assertThat(build.attributes()).containsEntry("version", "42").containsEntry("processingState", "PROCESSING");
      });
      Optional<StoredResource> detail = store.read(tx -> tx.get(teamId, "buildBetaDetails", builds.get(0).id()));
      assertThat(detail).isPresent();
    }
  }

  private static int upload(Path data, String app, String build, String platform) {
    return new CommandLine(new Main()).execute("build", "upload", "--data-dir", data.toString(), "--app", app,
        "--version", "1.0", "--build", build, "--platform", platform);
  }
}
