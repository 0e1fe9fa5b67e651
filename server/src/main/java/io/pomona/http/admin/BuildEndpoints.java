package io.pomona.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.account.Team;
import io.pomona.error.Errors;
import io.pomona.operator.AccountAdmin;
import io.pomona.operator.AppCreator;
import io.pomona.operator.BuildUploader;

/**
 * {@code POST /_pomona/builds {team, app, version, build, platform?}}: a build without bytes, in
 * {@code PROCESSING} (see {@link BuildUploader}); answers its id. The platform defaults to {@code
 * IOS}.
 */
public final class BuildEndpoints implements EndpointGroup {
  private final AccountAdmin accounts;
  private final BuildUploader builds;
  private final AdminJson json;

  public BuildEndpoints(AccountAdmin accounts, BuildUploader builds, ObjectMapper mapper) {
    this.accounts = accounts;
    this.builds = builds;
    this.json = new AdminJson(mapper);
  }

  @Override
  public void register(AdminRoutes routes) {
    routes.post("/_pomona/builds", call -> {
      JsonBody body = call.body().only("team", "app", "version", "build", "platform");
      Team team = accounts.team(body.text("team"));
      String platform = body.optionalText("platform").orElse("IOS");
      if (!AppCreator.PLATFORMS.contains(platform)) {
        throw Errors.entityInvalid("'platform' must be one of " + new java.util.TreeSet<>(AppCreator.PLATFORMS));
      }
      String buildId = builds.upload(team, body.text("app"), body.text("version"), body.text("build"), platform);
      ObjectNode answer = json.object();
      answer.put("teamId", team.id());
      ObjectNode build = answer.putObject("build");
      build.put("type", "builds");
      build.put("id", buildId);
      build.put("processingState", "PROCESSING");
      return Endpoint.Reply.created(answer);
    });
  }
}
