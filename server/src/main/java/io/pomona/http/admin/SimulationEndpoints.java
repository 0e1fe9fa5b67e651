package io.pomona.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.error.Errors;
import io.pomona.operator.AccountAdmin;
import io.pomona.operator.Durations;
import io.pomona.operator.SimulationAdmin;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The Apple side.
 *
 * <ul>
 *   <li>{@code GET /_pomona/clock}; {@code POST /_pomona/clock/freeze}; {@code POST
 *       /_pomona/clock/resume}; {@code POST /_pomona/clock/advance {seconds} or {duration}} (90s,
 *       1h30m, PT1H; negative: 400); {@code POST /_pomona/clock/set {instant}}
 *   <li>{@code GET /_pomona/policies}; {@code POST /_pomona/policies/{process} {policy}} (manual,
 *       immediate, auto, auto:10s)
 *   <li>{@code GET /_pomona/decisions?team=}; {@code POST /_pomona/decisions/{id} {decision:
 *       approve|reject|fail, reason, parts?}} (parts: the ids a rejection concerns, e.g. items of a
 *       review submission)
 *   <li>{@code GET /_pomona/transitions?team=&limit=}: newest first
 *   <li>{@code GET /_pomona/events?team=&after=&limit=}: oldest first; the newest {@code limit}
 *       (default 100) unless {@code after} (a seq) is given
 * </ul>
 */
public final class SimulationEndpoints implements EndpointGroup {
  private static final int DEFAULT_LIMIT = 100;

  private final SimulationAdmin simulation;
  private final AccountAdmin accounts;
  private final AdminJson json;

  public SimulationEndpoints(SimulationAdmin simulation, AccountAdmin accounts, ObjectMapper mapper) {
    this.simulation = simulation;
    this.accounts = accounts;
    this.json = new AdminJson(mapper);
  }

  @Override
  public void register(AdminRoutes routes) {
    routes.get("/_pomona/clock", call -> {
      call.query().only();
      return Endpoint.Reply.ok(simulation.clock());
    });
    routes.post("/_pomona/clock/freeze", call -> {
      call.body().only();
      return Endpoint.Reply.ok(simulation.freeze());
    });
    routes.post("/_pomona/clock/resume", call -> {
      call.body().only();
      return Endpoint.Reply.ok(simulation.resume());
    });
    routes.post("/_pomona/clock/advance", call -> {
      JsonBody body = call.body().only("seconds", "duration");
      return Endpoint.Reply.ok(simulation.advance(duration(body)));
    });
    routes.post("/_pomona/clock/set", call -> {
      JsonBody body = call.body().only("instant");
      String text = body.text("instant");
      try {
        return Endpoint.Reply.ok(simulation.set(Instant.parse(text)));
      } catch (DateTimeParseException e) {
        throw Errors.entityInvalid("'instant' must be an ISO-8601 instant such as 2026-03-01T09:30:00Z; got '" + text + "'");
      }
    });
    routes.get("/_pomona/policies", call -> {
      call.query().only();
      return Endpoint.Reply.ok(simulation.policies());
    });
    routes.post("/_pomona/policies/{process}", call -> {
      JsonBody body = call.body().only("policy");
      return Endpoint.Reply.ok(simulation.setPolicy(call.path("process"), body.text("policy")));
    });
    routes.get("/_pomona/decisions", call -> {
      Optional<String> team = team(call.query().only("team"));
      ObjectNode answer = json.object();
      answer.set("decisions", simulation.pendingDecisions(team));
      return Endpoint.Reply.ok(answer);
    });
    routes.post("/_pomona/decisions/{id}", call -> {
      JsonBody body = call.body().only("decision", "reason", "parts");
      return Endpoint.Reply.ok(simulation.decide(call.path("id"), body.text("decision"), body.optionalText("reason"),
          body.has("parts") ? body.texts("parts") : List.of()));
    });
    routes.get("/_pomona/transitions", call -> {
      QueryParameters query = call.query().only("team", "limit");
      ObjectNode answer = json.object();
      answer.set("transitions", simulation.transitions(team(query),
          query.integer("limit", 1, SimulationAdmin.MOST).orElse(DEFAULT_LIMIT)));
      return Endpoint.Reply.ok(answer);
    });
    routes.get("/_pomona/events", call -> {
      QueryParameters query = call.query().only("team", "after", "limit");
      Optional<Long> after = query.number("after", 0, Long.MAX_VALUE).stream().boxed().findFirst();
      ObjectNode answer = json.object();
      answer.set("events", simulation.events(team(query), after,
          query.integer("limit", 1, SimulationAdmin.MOST).orElse(DEFAULT_LIMIT)));
      return Endpoint.Reply.ok(answer);
    });
  }

  /** The {@code team} parameter (team id or issuer id) as a team id; 404 if there is no such team. */
  private Optional<String> team(QueryParameters query) {
    return query.text("team").map(accounts::team).map(team -> team.id());
  }

  private static Duration duration(JsonBody body) {
    boolean seconds = body.has("seconds");
    if (seconds == body.has("duration")) {
      throw Errors.entityInvalid("give the clock 'seconds' (a number) or a 'duration' (90s, 1h30m, PT1H), one of them");
    }
    return seconds
        ? Durations.ofSeconds(body.optionalNumber("seconds").getAsDouble(), "seconds")
        : Durations.parse(body.text("duration"), "duration");
  }
}
