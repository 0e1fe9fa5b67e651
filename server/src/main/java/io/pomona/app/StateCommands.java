package io.pomona.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pomona admin seed} and {@code pomona reset|export|import}: a team's whole state on a running server. */
final class StateCommands {
  private StateCommands() {}

  @Command(name = "seed", description = "Seed demo data into a team of a running server (a new 'Demo Team' when"
      + " --team is left out).")
  static final class Seed extends RemoteCommand {
    @Option(names = "--demo", required = true, description = "Seed the demo data (the only seed there is).")
    boolean demo;

    @Option(names = "--team", description = "Team id or issuer id.") String team;

    @Option(names = "--seed", description = "Random seed; the same seed gives the same data.") Long seed;

    @Override
    int run(AdminClient client, PrintWriter out) {
      ObjectNode request = JSON.createObjectNode().put("demo", demo);
      if (team != null) {
        request.put("team", team);
      }
      if (seed != null) {
        request.put("seed", seed);
      }
      JsonNode answer = client.post("/_pomona/seed", request);
      if (!printedJson(out, answer)) {
        out.printf("Seeded team %s (%s), seed %d%n", answer.path("team").path("id").asText(),
            answer.path("team").path("name").asText(), answer.path("seed").asLong());
        answer.path("created").fields().forEachRemaining(entry ->
            out.printf("  %-40s %d%n", entry.getKey(), entry.getValue().asLong()));
      }
      return 0;
    }
  }

  @Command(name = "reset", description = "Delete a team's resources, links, events and transitions; keep the team and"
      + " its keys.")
  static final class Reset extends RemoteCommand {
    @Option(names = "--team", required = true, description = "Team id or issuer id.") String team;

    @Override
    int run(AdminClient client, PrintWriter out) {
      JsonNode answer = client.post("/_pomona/teams/" + encode(team) + "/reset", JSON.createObjectNode());
      if (!printedJson(out, answer)) {
        out.printf("Reset team %s: deleted %d resources, %d links, %d events and %d transitions%n",
            answer.path("teamId").asText(), answer.path("resources").asLong(), answer.path("edges").asLong(),
            answer.path("events").asLong(), answer.path("transitions").asLong());
      }
      return 0;
    }
  }

  @Command(name = "export", description = "Write a team's whole state as JSON (to standard output by default).")
  static final class Export extends RemoteCommand {
    @Option(names = "--team", required = true, description = "Team id or issuer id.") String team;

    @Option(names = "--out", description = "A file to write instead of standard output.") Path file;

    @Override
    int run(AdminClient client, PrintWriter out) {
      JsonNode document = client.get("/_pomona/teams/" + encode(team) + "/export");
      if (file == null) {
        out.println(pretty(document));
        return 0;
      }
      try {
        Files.writeString(file, pretty(document) + System.lineSeparator());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
      spec.commandLine().getErr().printf("Exported %d resources, %d links, %d events and %d transitions to %s%n",
          document.path("resources").size(), document.path("edges").size(), document.path("events").size(),
          document.path("transitions").size(), file);
      return 0;
    }
  }

  @Command(name = "import", description = "Load a state written by `pomona export` into a team (from standard input"
      + " by default).")
  static final class Import extends RemoteCommand {
    @Option(names = "--team", required = true, description = "Team id or issuer id.") String team;

    @Option(names = "--file", description = "A file to read instead of standard input.") Path file;

    @Option(names = "--replace", description = "Reset the team first if it has state.") boolean replace;

    @Override
    int run(AdminClient client, PrintWriter out) {
      JsonNode document = read();
      JsonNode answer = client.post("/_pomona/teams/" + encode(team) + "/import" + (replace ? "?replace=true" : ""),
          document);
      if (!printedJson(out, answer)) {
        out.printf("Imported %d resources, %d links, %d events and %d transitions into team %s%n",
            answer.path("resources").asLong(), answer.path("edges").asLong(), answer.path("events").asLong(),
            answer.path("transitions").asLong(), answer.path("teamId").asText());
      }
      return 0;
    }

    private JsonNode read() {
      try (InputStream in = file == null ? System.in : Files.newInputStream(file)) {
        return JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the state document from " + (file == null ? "standard input" : file), e);
      }
    }
  }
}
