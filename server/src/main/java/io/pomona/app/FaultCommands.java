package io.pomona.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pomona faults add|list|clear} and {@code pomona requests}. */
final class FaultCommands {
  private FaultCommands() {}

  @Command(name = "faults", description = "Fault rules applied to API requests.",
      subcommands = {Add.class, ListFaults.class, Clear.class})
  static final class Faults {}

  @Command(name = "add", description = "Add a fault rule: an error, a delay, or both, for matching requests.")
  static final class Add extends RemoteCommand {
    @Option(names = "--path", required = true,
        description = "Glob (/v1/apps/*, /v1/**) or, starting with ^, a regular expression.")
    String pathPattern;

    @Option(names = "--method", description = "Only this HTTP method.") String method;

    @Option(names = "--status", description = "HTTP status of the injected error, 400-599.") Integer status;

    @Option(names = "--error-code", description = "Apple's error code, e.g. UNEXPECTED_ERROR.") String errorCode;

    @Option(names = "--title") String title;

    @Option(names = "--detail") String detail;

    @Option(names = "--delay-ms", description = "Hold matching requests this long.") Long delayMs;

    @Option(names = "--count", description = "Apply to this many requests, then drop the rule.") Integer count;

    @Option(names = "--probability", description = "Apply to each matching request with this probability (0-1).")
    Double probability;

    @Override
    int run(AdminClient client, PrintWriter out) {
      ObjectNode request = JSON.createObjectNode().put("pathPattern", pathPattern);
      if (method != null) {
        request.put("method", method);
      }
      if (status != null) {
        request.put("status", status);
      }
      if (errorCode != null) {
        request.put("errorCode", errorCode);
      }
      if (title != null) {
        request.put("title", title);
      }
      if (detail != null) {
        request.put("detail", detail);
      }
      if (delayMs != null) {
        request.put("delayMs", delayMs);
      }
      if (count != null) {
        request.put("count", count);
      }
      if (probability != null) {
        request.put("probability", probability);
      }
      JsonNode rule = client.post("/_pomona/faults", request);
      if (!printedJson(out, rule)) {
        out.println("added " + describe(rule));
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List the fault rules, in the order they apply.")
  static final class ListFaults extends RemoteCommand {
    @Override
    int run(AdminClient client, PrintWriter out) {
      JsonNode answer = client.get("/_pomona/faults");
      if (!printedJson(out, answer)) {
        for (JsonNode rule : answer.path("faults")) {
          out.println(describe(rule));
        }
      }
      return 0;
    }
  }

  @Command(name = "clear", description = "Remove every fault rule, or the one given.")
  static final class Clear extends RemoteCommand {
    @Parameters(arity = "0..1", paramLabel = "RULE", description = "A rule id such as f3.") String id;

    @Override
    int run(AdminClient client, PrintWriter out) {
      JsonNode answer = client.delete("/_pomona/faults" + (id == null ? "" : "/" + encode(id)));
      if (!printedJson(out, answer)) {
        out.printf("cleared %d fault rule(s)%n", answer.path("cleared").asInt());
      }
      return 0;
    }
  }

  @Command(name = "requests", description = "Show the last API requests (oldest first).")
  static final class Requests extends RemoteCommand {
    @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "How many. Default: ${DEFAULT-VALUE}")
    int limit;

    @Override
    int run(AdminClient client, PrintWriter out) {
      JsonNode answer = client.get("/_pomona/requests?limit=" + limit);
      if (!printedJson(out, answer)) {
        for (JsonNode request : answer.path("requests")) {
          String target = request.path("path").asText()
              + (request.has("query") ? "?" + request.path("query").asText() : "");
          out.printf("%s  %-6s %s  %d  %.1f ms  key=%s%s%n", request.path("time").asText(),
              request.path("method").asText(), target, request.path("status").asInt(),
              request.path("latencyMs").asDouble(), request.path("keyId").asText("-"),
              request.path("faulted").asBoolean() ? "  fault=" + request.path("faultRule").asText() : "");
        }
      }
      return 0;
    }
  }

  private static String describe(JsonNode rule) {
    StringBuilder text = new StringBuilder(rule.path("id").asText()).append("  ")
        .append(rule.path("method").asText("*")).append(' ').append(rule.path("pathPattern").asText());
    if (rule.has("status")) {
      text.append("  -> ").append(rule.path("status").asInt()).append(' ').append(rule.path("errorCode").asText());
    }
    if (rule.has("delayMs")) {
      text.append("  delay ").append(rule.path("delayMs").asLong()).append(" ms");
    }
    if (rule.has("remaining")) {
      text.append("  remaining ").append(rule.path("remaining").asInt());
    }
    if (rule.has("probability")) {
      text.append("  p=").append(rule.path("probability").asDouble());
    }
    text.append("  hits ").append(rule.path("hits").asLong());
    return text.toString();
  }
}
