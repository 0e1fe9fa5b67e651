package io.pomona.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.account.Team;
import io.pomona.error.Errors;
import io.pomona.operator.AccountAdmin;
import io.pomona.operator.DemoData;
import io.pomona.operator.TeamSnapshots;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A team's whole state, and demo data.
 *
 * <ul>
 *   <li>{@code GET /_pomona/teams/{team}/export}: the state document (see {@link TeamSnapshots})
 *   <li>{@code POST /_pomona/teams/{team}/import[?replace=true]}: body = an exported document;
 *       409 if the team has resources and {@code replace} is not set
 *   <li>{@code POST /_pomona/teams/{team}/reset}: deletes resources, edges, events and transitions;
 *       keeps the team and its keys
 *   <li>{@code POST /_pomona/seed {demo: true, team?, seed?}}: demo data into the team, or into a
 *       new team named "Demo Team" when none is given; 409 if the team already has apps
 * </ul>
 */
public final class TeamStateEndpoints implements EndpointGroup {
  private final AccountAdmin accounts;
  private final TeamSnapshots snapshots;
  private final DemoData demo;
  private final AdminJson json;

  public TeamStateEndpoints(AccountAdmin accounts, TeamSnapshots snapshots, DemoData demo,
      ObjectMapper mapper) {
    this.accounts = accounts;
    this.snapshots = snapshots;
    this.demo = demo;
    this.json = new AdminJson(mapper);
  }

  @Override
  public void register(AdminRoutes routes) {
    routes.get("/_pomona/teams/{team}/export", call -> {
      call.query().only();
      return Endpoint.Reply.ok(snapshots.export(accounts.team(call.path("team"))));
    });
    routes.post("/_pomona/teams/{team}/import", call -> {
      boolean replace = call.query().only("replace").flag("replace");
      Team team = accounts.team(call.path("team"));
      TeamSnapshots.ImportReport report = snapshots.importState(team, call.rawJson(), replace);
      ObjectNode answer = json.object();
      answer.put("teamId", team.id());
      answer.put("resources", report.resources());
      answer.put("edges", report.edges());
      answer.put("events", report.events());
      answer.put("transitions", report.transitions());
      answer.put("seqsPreserved", report.seqsPreserved());
      answer.put("eventSeqsPreserved", report.eventSeqsPreserved());
      answer.put("transitionIdsPreserved", report.transitionIdsPreserved());
      return Endpoint.Reply.ok(answer);
    });
    routes.post("/_pomona/teams/{team}/reset", call -> {
      call.body().only();
      Team team = accounts.team(call.path("team"));
      TeamSnapshots.ResetReport cleared = snapshots.reset(team);
      ObjectNode answer = json.object();
      answer.put("teamId", team.id());
      answer.put("resources", cleared.resources());
      answer.put("edges", cleared.edges());
      answer.put("events", cleared.events());
      answer.put("transitions", cleared.transitions());
      return Endpoint.Reply.ok(answer);
    });
    routes.post("/_pomona/seed", call -> {
      JsonBody body = call.body().only("demo", "team", "seed");
      if (!body.optionalBoolean("demo").orElse(false)) {
        throw Errors.entityInvalid("'demo' must be true: demo data is the only seed there is");
      }
      OptionalLong seed = body.optionalLong("seed");
      Team team = body.optionalText("team").map(accounts::team).orElseGet(() -> accounts.createTeam("Demo Team"));
      DemoData.Seeded seeded = demo.seed(team, seed);
      ObjectNode answer = json.object();
      answer.set("team", json.team(team));
      answer.put("seed", seeded.seed());
      ObjectNode created = answer.putObject("created");
      new TreeMap<>(seeded.created()).forEach(created::put);
      ArrayNode apps = answer.putArray("appIds");
      seeded.appIds().forEach(apps::add);
      return Endpoint.Reply.created(answer);
    });
  }
}
