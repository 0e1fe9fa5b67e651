package io.pomona.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.app.Main;
import io.pomona.testing.TestPomona;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The server remembers keys while the database is unchanged; a key revoked by the CLI — its own
 * store on the same file, as from another process — must still be refused on the next request.
 */
class KeyRevocationHttpTest {
  @TempDir Path directory;

  @Test
  void keyRevokedThroughTheCliIsRefusedOnTheNextRequest() throws Exception {
    try (TestPomona pomona = TestPomona.start(directory)) {
      String token = pomona.token();
      assertThat(pomona.send(get(pomona, token)).status()).isEqualTo(200);
      assertThat(pomona.send(get(pomona, token)).status()).isEqualTo(200);

      StringWriter out = new StringWriter();
      int exit = new CommandLine(new Main()).setOut(new PrintWriter(out)).execute(
          "keys", "revoke", "--data-dir", pomona.pomona().dataDirectory().toString(),
          pomona.key().key().keyId());
      assertThat(exit).isZero();

      TestPomona.Response refused = pomona.send(get(pomona, token));
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.errorCode()).isEqualTo("NOT_AUTHORIZED");
    }
  }

  @Test
  void writesThroughTheApiDoNotStopTheKeyFromWorking() throws Exception {
    try (TestPomona pomona = TestPomona.start(directory)) {
      String token = pomona.token();
      assertThat(pomona.send(get(pomona, token)).status()).isEqualTo(200);

      // Any commit moves the data version and empties the key cache; the key must read back fine.
      pomona.pomona().engine().resources().create(pomona.team().id(), "apps", java.util.Optional.empty(),
          java.util.Map.of("name", "After a write", "bundleId", "com.example.after", "sku", "AFTER",
              "primaryLocale", "en-US"),
          java.util.Map.of());

      TestPomona.Response after = pomona.send(get(pomona, token));
      assertThat(after.status()).isEqualTo(200);
      assertThat(after.json().path("data").get(0).path("attributes").path("name").asText())
          .isEqualTo("After a write");
    }
  }

  private static java.net.http.HttpRequest get(TestPomona pomona, String token) {
    return java.net.http.HttpRequest.newBuilder(pomona.url("/v1/apps"))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }
}
