package io.pomona.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.account.Team;
import io.pomona.operator.AccountAdmin;
import io.pomona.operator.AppCreator;
import io.pomona.operator.NewApp;

/**
 * {@code POST /_pomona/apps {team, name, bundleId, sku, primaryLocale, platforms}}: creates an app
 * and what App Store Connect creates with it (see {@link AppCreator}); answers the {@code apps}
 * resource and the list of related resources.
 */
public final class AppEndpoints implements EndpointGroup {
  private final AccountAdmin accounts;
  private final AppCreator apps;
  private final AdminJson json;

  public AppEndpoints(AccountAdmin accounts, AppCreator apps, ObjectMapper mapper) {
    this.accounts = accounts;
    this.apps = apps;
    this.json = new AdminJson(mapper);
  }

  @Override
  public void register(AdminRoutes routes) {
    routes.post("/_pomona/apps", call -> {
      JsonBody body = call.body().only("team", "name", "bundleId", "sku", "primaryLocale", "platforms");
      Team team = accounts.team(body.text("team"));
      AppCreator.CreatedApp created = apps.create(team, new NewApp(body.text("name"), body.text("bundleId"),
          body.text("sku"), body.text("primaryLocale"), body.texts("platforms")));
      ObjectNode answer = json.object();
      answer.put("teamId", team.id());
      answer.set("app", json.resource(created.app(), created.attributes()));
      ArrayNode related = answer.putArray("related");
      created.related().forEach(ref -> related.add(json.ref(ref)));
      return Endpoint.Reply.created(answer);
    });
  }
}
