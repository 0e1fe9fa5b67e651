package io.pomona.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pomona clock|policies|decisions|transitions|events}: the Apple side of a running server.
 * Each command is one admin API call; the server checks the input, so a nonsense duration or
 * decision comes back as its 400 and exit code 1.
 */
final class SimulationCommands {
  private SimulationCommands() {}

  // ---- the clock ----

  @Command(name = "clock", description = "Show the simulated clock, or freeze, resume, advance or set it.",
      subcommands = {ClockFreeze.class, ClockResume.class, ClockAdvance.class, ClockSet.class})
  static final class Clock extends RemoteCommand {
    @Override
    int run(AdminClient client, PrintWriter out) {
      return printClock(this, client.get("/_pomona/clock"), out);
    }
  }

  @Command(name = "freeze", description = "Stop the clock where it stands.")
  static final class ClockFreeze extends RemoteCommand {
    @Override
    int run(AdminClient client, PrintWriter out) {
      return printClock(this, client.post("/_pomona/clock/freeze", JSON.createObjectNode()), out);
    }
  }

  @Command(name = "resume", description = "Let a frozen clock run again from where it stands.")
  static final class ClockResume extends RemoteCommand {
    @Override
    int run(AdminClient client, PrintWriter out) {
      return printClock(this, client.post("/_pomona/clock/resume", JSON.createObjectNode()), out);
    }
  }

  @Command(name = "advance", description = "Move the clock forward and fire what falls due.")
  static final class ClockAdvance extends RemoteCommand {
    @Parameters(paramLabel = "DURATION", description = "90s, 15m, 1h30m, 2d, 500ms or ISO-8601 (PT1H).")
    String duration;

    @Override
    int run(AdminClient client, PrintWriter out) {
      ObjectNode request = JSON.createObjectNode().put("duration", duration);
      return printClock(this, client.post("/_pomona/clock/advance", request), out);
    }
  }

  @Command(name = "set", description = "Set the simulated time (a frozen clock stays frozen there).")
  static final class ClockSet extends RemoteCommand {
    @Parameters(paramLabel = "INSTANT", description = "An ISO-8601 instant, e.g. 2026-03-01T09:30:00Z.")
    String instant;

    @Override
    int run(AdminClient client, PrintWriter out) {
      ObjectNode request = JSON.createObjectNode().put("instant", instant);
      return printClock(this, client.post("/_pomona/clock/set", request), out);
    }
  }

  private static int printClock(RemoteCommand command, JsonNode clock, PrintWriter out) {
    if (!command.printedJson(out, clock)) {
      out.printf("now %s  (%s)%n", clock.path("now").asText(),
          clock.path("frozen").asBoolean() ? "frozen" : "running, offset " + clock.path("offsetMillis").asLong() + " ms");
      if (clock.has("nextDueAt")) {
        out.printf("next transition due %s%n", clock.path("nextDueAt").asText());
      }
    }
    return 0;
  }

  // ---- policies ----

  @Command(name = "policies", description = "Show each simulated process's policy (manual, immediate, auto:<delay>).",
      subcommands = {PolicySet.class})
  static final class Policies extends RemoteCommand {
    @Override
    int run(AdminClient client, PrintWriter out) {
      JsonNode answer = client.get("/_pomona/policies");
      if (!printedJson(out, answer)) {
        answer.path("policies").fields().forEachRemaining(entry ->
            out.printf("%-32s %s%n", entry.getKey(), entry.getValue().asText()));
      }
      return 0;
    }
  }

  @Command(name = "set", description = "Change a process's policy at run time.")
  static final class PolicySet extends RemoteCommand {
    @Parameters(index = "0", paramLabel = "PROCESS", description = "e.g. build-processing.") String process;

    @Parameters(index = "1", paramLabel = "POLICY", description = "manual, immediate, auto or auto:<n><ms|s|m|h>.")
    String policy;

    @Override
    int run(AdminClient client, PrintWriter out) {
      JsonNode answer = client.post("/_pomona/policies/" + encode(process),
          JSON.createObjectNode().put("policy", policy));
      if (!printedJson(out, answer)) {
        out.printf("%s is now %s%n", answer.path("process").asText(), answer.path("policy").asText());
      }
      return 0;
    }
  }

  // ---- decisions ----

  @Command(name = "decisions", description = "List the transitions waiting for the operator, or take a decision.",
      subcommands = {Approve.class, Reject.class, Fail.class})
  static final class Decisions extends RemoteCommand {
    @Option(names = "--team", description = "Only this team (team id or issuer id).") String team;

    @Override
    int run(AdminClient client, PrintWriter out) {
      JsonNode answer = client.get("/_pomona/decisions" + (team == null ? "" : "?team=" + encode(team)));
      if (!printedJson(out, answer)) {
        for (JsonNode transition : answer.path("decisions")) {
          out.println(describe(transition));
        }
      }
      return 0;
    }
  }

  /** approve, reject or fail one pending transition. */
  abstract static class Decide extends RemoteCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "The transition's id (see `pomona decisions`).")
    String id;

    abstract String decision();

    abstract String reason();

    /** The parts of the resource a rejection concerns (items of a review submission); empty: all. */
    List<String> parts() {
      return List.of();
    }

    @Override
    int run(AdminClient client, PrintWriter out) {
      ObjectNode request = JSON.createObjectNode().put("decision", decision());
      if (reason() != null) {
        request.put("reason", reason());
      }
      if (!parts().isEmpty()) {
        parts().forEach(request.putArray("parts")::add);
      }
      JsonNode answer = client.post("/_pomona/decisions/" + encode(id), request);
      if (!printedJson(out, answer)) {
        out.println(describe(answer));
      }
      return 0;
    }
  }

  @Command(name = "approve", description = "Let a pending transition go the way Apple usually goes.")
  static final class Approve extends Decide {
    @Override
    String decision() {
      return "approve";
    }

    @Override
    String reason() {
      return null;
    }
  }

  @Command(name = "reject", description = "Reject a pending transition (e.g. a build found invalid).")
  static final class Reject extends Decide {
    @Option(names = "--reason", required = true) String reason;

    @Option(names = "--part", description = "The id of a part the rejection concerns (an item of a review "
        + "submission, or what it names); repeat for several. Default: the whole resource.")
    List<String> parts = new java.util.ArrayList<>();

    @Override
    List<String> parts() {
      return parts;
    }

    @Override
    String decision() {
      return "reject";
    }

    @Override
    String reason() {
      return reason;
    }
  }

  @Command(name = "fail", description = "Fail a pending transition (e.g. build processing failed).")
  static final class Fail extends Decide {
    @Option(names = "--reason", required = true) String reason;

    @Override
    String decision() {
      return "fail";
    }

    @Override
    String reason() {
      return reason;
    }
  }

  // ---- transitions and events ----

  @Command(name = "transitions", description = "Show the newest transitions of simulated processes, newest first.")
  static final class Transitions extends RemoteCommand {
    @Option(names = "--team", description = "Only this team (team id or issuer id).") String team;

    @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "How many. Default: ${DEFAULT-VALUE}")
    int limit;

    @Override
    int run(AdminClient client, PrintWriter out) {
      JsonNode answer = client.get("/_pomona/transitions?limit=" + limit + (team == null ? "" : "&team=" + encode(team)));
      if (!printedJson(out, answer)) {
        for (JsonNode transition : answer.path("transitions")) {
          out.println(describe(transition));
        }
      }
      return 0;
    }
  }

  @Command(name = "events", description = "Show the event log: the newest events, or those after a seq (oldest first).")
  static final class Events extends RemoteCommand {
    @Option(names = "--team", description = "Only this team (team id or issuer id).") String team;

    @Option(names = "--after", description = "Only events after this seq.") Long after;

    @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "How many. Default: ${DEFAULT-VALUE}")
    int limit;

    @Override
    int run(AdminClient client, PrintWriter out) {
      StringBuilder query = new StringBuilder("/_pomona/events?limit=").append(limit);
      if (team != null) {
        query.append("&team=").append(encode(team));
      }
      if (after != null) {
        query.append("&after=").append(after);
      }
      JsonNode answer = client.get(query.toString());
      if (!printedJson(out, answer)) {
        for (JsonNode event : answer.path("events")) {
          String states = event.has("oldState") || event.has("newState")
              ? "  " + event.path("oldState").asText("-") + " -> " + event.path("newState").asText("-")
              : "";
          out.printf("%d  %s  %s  %s %s%s%n", event.path("seq").asLong(), event.path("at").asText(),
              event.path("eventType").asText(), event.path("resourceType").asText(),
              event.path("resourceId").asText(), states);
        }
      }
      return 0;
    }
  }

  private static String describe(JsonNode transition) {
    StringBuilder text = new StringBuilder()
        .append(transition.path("id").asLong()).append("  ")
        .append(transition.path("process").asText()).append("  ")
        .append(transition.path("resourceType").asText()).append(' ')
        .append(transition.path("resourceId").asText()).append("  ")
        .append(transition.path("from").asText()).append(" -> ")
        .append(transition.path("to").asText("(operator)")).append("  ")
        .append(transition.path("state").asText());
    if (transition.has("dueAt")) {
      text.append("  due ").append(transition.path("dueAt").asText());
    }
    if (transition.has("outcome")) {
      text.append("  ").append(transition.path("outcome").asText());
    }
    if (transition.has("reason")) {
      text.append(": ").append(transition.path("reason").asText());
    }
    return text.toString();
  }
}
