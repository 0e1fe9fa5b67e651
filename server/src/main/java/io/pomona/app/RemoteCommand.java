package io.pomona.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.operator.AdminToken;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A CLI command that acts on a running server through its admin API. Output goes to picocli's
 * writers (so tests capture it); {@code --json} prints the server's answer as it came.
 *
 * <p>Exit codes: 0 done, 1 the server refused (its error is printed) or could not be reached, 2
 * no admin token found or a local file could not be read or written (said in one line).
 */
abstract class RemoteCommand implements Callable<Integer> {
  static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--server", defaultValue = "${env:POMONA_SERVER:-http://127.0.0.1:8080}",
      description = "The running server's admin address. Default: ${DEFAULT-VALUE}")
  URI server;

  @Option(names = "--admin-token", defaultValue = "${env:POMONA_ADMIN_TOKEN}",
      description = "Admin token. Default: $POMONA_ADMIN_TOKEN, else the data directory's admin-token file.")
  String adminToken;

  @Option(names = "--data-dir", defaultValue = "${env:POMONA_DATA_DIR:-./pomona-data}",
      description = "Where to find the admin-token file. Default: ${DEFAULT-VALUE}")
  Path dataDirectory;

  @Option(names = "--json", description = "Print the server's JSON answer instead of a summary.")
  boolean json;

  /** Does the work; returns the exit code. */
  abstract int run(AdminClient client, PrintWriter out);

  @Override
  public final Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> token = Optional.ofNullable(adminToken).filter(t -> !t.isBlank())
        .or(() -> AdminToken.readFrom(dataDirectory));
    if (token.isEmpty()) {
      err.println("pomona: no admin token: pass --admin-token, set POMONA_ADMIN_TOKEN, or point --data-dir at the"
          + " server's data directory");
      err.flush();
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      int code = run(new AdminClient(server, token.get()), out);
      out.flush();
      return code;
    } catch (AdminClient.Failure e) {
      err.printf("pomona: %d %s: %s%n", e.status(), e.code(), e.getMessage());
      err.flush();
      return 1;
    } catch (AdminClient.Unreachable e) {
      err.println("pomona: " + e.getMessage());
      err.flush();
      return 1;
    } catch (UncheckedIOException e) {
      err.println("pomona: " + LocalFileFailure.describe(e));
      err.flush();
      return 2;
    }
  }

  /** Prints the answer as pretty JSON when {@code --json} is set; returns whether it did. */
  boolean printedJson(PrintWriter out, JsonNode answer) {
    if (json) {
      out.println(pretty(answer));
    }
    return json;
  }

  static String pretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  static String encode(String pathSegmentOrValue) {
    return URLEncoder.encode(pathSegmentOrValue, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
