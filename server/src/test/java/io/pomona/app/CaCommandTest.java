package io.pomona.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.testing.TestPomona;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pomona ca} prints the same chain the server publishes, from the same data directory. */
class CaCommandTest {
  @TempDir Path directory;

  @Test
  void printsTheChainTheServerPublishes() throws Exception {
    String published;
    try (TestPomona pomona = TestPomona.start(directory)) {
      TestPomona.Response response = pomona.send(HttpRequest.newBuilder(pomona.url(Pomona.CA_PATH)).GET().build());
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.header("content-type")).hasValue("application/x-pem-file");
      published = response.raw().body();
    }
    assertThat(published).contains("-----BEGIN CERTIFICATE-----");

    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.US_ASCII));
      exit = new CommandLine(new Main()).execute("ca", "--data-dir", directory.resolve("data").toString());
    } finally {
      System.setOut(original);
    }
    assertThat(exit).isZero();
    assertThat(printed.toString(StandardCharsets.US_ASCII)).isEqualTo(published);
  }
}
