package io.pomona.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.account.Team;
import io.pomona.operator.AccountAdmin;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Teams and API keys.
 *
 * <ul>
 *   <li>{@code GET /_pomona/teams}; {@code POST /_pomona/teams {name}}
 *   <li>{@code GET /_pomona/teams/{team}/keys} (team id or issuer id)
 *   <li>{@code POST /_pomona/keys {team, name, roles, individualFor?}}: the answer carries the
 *       private key ({@code privateKey}, PEM) once; it is not stored
 *   <li>{@code POST /_pomona/keys/{keyId}/revoke}
 * </ul>
 */
public final class AccountEndpoints implements EndpointGroup {
  private final AccountAdmin accounts;
  private final AdminJson json;

  public AccountEndpoints(AccountAdmin accounts, com.fasterxml.jackson.databind.ObjectMapper mapper) {
    this.accounts = accounts;
    this.json = new AdminJson(mapper);
  }

  @Override
  public void register(AdminRoutes routes) {
    routes.get("/_pomona/teams", call -> {
      call.query().only();
      return Endpoint.Reply.ok(json.list("teams", accounts.teams(), json::team));
    });
    routes.post("/_pomona/teams", call -> {
      JsonBody body = call.body().only("name");
      return Endpoint.Reply.created(json.team(accounts.createTeam(body.text("name"))));
    });
    routes.get("/_pomona/teams/{team}/keys", call -> {
      call.query().only();
      Team team = accounts.team(call.path("team"));
      return Endpoint.Reply.ok(json.list("keys", accounts.keys(team.id()), json::key));
    });
    routes.post("/_pomona/keys", call -> {
      JsonBody body = call.body().only("team", "name", "roles", "individualFor");
      Team team = accounts.team(body.text("team"));
      Set<String> roles = new LinkedHashSet<>(body.texts("roles"));
      AccountAdmin.IssuedKey issued = accounts.issueKey(team, body.optionalText("name").orElse("Pomona key"), roles,
          body.optionalText("individualFor"));
      ObjectNode answer = json.key(issued.key());
      answer.put("issuerId", team.issuerId());
      answer.put("fileName", issued.fileName());
      answer.put("privateKey", issued.privateKeyPem());
      return Endpoint.Reply.created(answer);
    });
    routes.post("/_pomona/keys/{keyId}/revoke", call -> {
      call.body().only();
      return Endpoint.Reply.ok(json.key(accounts.revoke(call.path("keyId"))));
    });
  }
}
