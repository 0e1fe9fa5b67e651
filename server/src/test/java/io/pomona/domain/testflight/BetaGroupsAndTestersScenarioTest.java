package io.pomona.domain.testflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.account.Team;
import io.pomona.app.Accounts;
import io.pomona.jsonapi.Documents;
import io.pomona.testing.TestPomona;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Beta groups and testers over HTTP: names, public links, invitations and membership rules. */
class BetaGroupsAndTestersScenarioTest {
  @TempDir Path directory;
  TestPomona pomona;
  TestFlightClient client;
  String appId;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory);
    client = new TestFlightClient(pomona);
    appId = client.newApp("Weather");
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  private TestPomona.Response createGroup(String name, boolean internal) {
    return pomona.send("POST", "/v1/betaGroups", Documents.resource("betaGroups").attribute("name", name)
        .attribute("isInternalGroup", internal).toOne("app", "apps", appId).document());
  }

  private String group(String name, boolean internal) {
    TestPomona.Response created = createGroup(name, internal);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().path("data").path("id").asText();
  }

  private TestPomona.Response invite(String email, String groupId) {
    return pomona.send("POST", "/v1/betaTesters", Documents.resource("betaTesters").attribute("email", email)
        .attribute("firstName", "Sam").toMany("betaGroups", Documents.identifier("betaGroups", groupId)).document());
  }

  private String pointer(TestPomona.Response response) {
    return response.json().path("errors").path(0).path("source").path("pointer").asText();
  }

  @Test
  void aGroupGetsAppleDefaultsAndAPublicLinkWhenEnabled() {
    String groupId = group("Friends", false);
    JsonNode created = client.attributes("/v1/betaGroups/" + groupId);
    assertThat(created.path("createdDate").asText()).endsWith("Z");
    assertThat(created.path("publicLinkEnabled").asBoolean()).isFalse();
    assertThat(created.path("feedbackEnabled").asBoolean()).isTrue();

    TestPomona.Response enabled = pomona.send("PATCH", "/v1/betaGroups/" + groupId, Documents.resource("betaGroups")
        .id(groupId).attribute("publicLinkEnabled", true).attribute("publicLinkLimitEnabled", true)
        .attribute("publicLinkLimit", 50).document());

    JsonNode link = enabled.json().path("data").path("attributes");
    assertThat(link.path("publicLinkId").asText()).hasSize(8);
    assertThat(link.path("publicLink").asText())
        .isEqualTo("https://testflight.apple.com/join/" + link.path("publicLinkId").asText());
    assertThat(link.path("publicLinkLimit").asInt()).isEqualTo(50);
  }

  @Test
  void groupNamesAreUniquePerApp() {
    group("Friends", false);

    TestPomona.Response again = createGroup("friends", true);

    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE");
    assertThat(pointer(again)).isEqualTo("/data/attributes/name");
    String otherApp = client.newApp("Other");
    assertThat(pomona.send("POST", "/v1/betaGroups", Documents.resource("betaGroups").attribute("name", "Friends")
        .toOne("app", "apps", otherApp).document()).status()).isEqualTo(201);
    assertThat(pomona.get("/v1/apps/" + appId + "/betaGroups").json().path("data")).hasSize(1);
  }

  @Test
  void publicLinksAreForExternalGroupsWithinTheLimit() {
    String internal = group("Team", true);
    String external = group("Public", false);

    TestPomona.Response internalLink = pomona.send("PATCH", "/v1/betaGroups/" + internal,
        Documents.resource("betaGroups").id(internal).attribute("publicLinkEnabled", true).document());
    TestPomona.Response tooMany = pomona.send("PATCH", "/v1/betaGroups/" + external,
        Documents.resource("betaGroups").id(external).attribute("publicLinkLimit", 10_001).document());

    assertThat(internalLink.status()).as(internalLink.toString()).isEqualTo(409);
    assertThat(pointer(internalLink)).isEqualTo("/data/attributes/publicLinkEnabled");
    assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
    assertThat(pointer(tooMany)).isEqualTo("/data/attributes/publicLinkLimit");
  }

  @Test
  void anInvitedTesterJoinsTheGroupAndItsApp() {
    String groupId = group("Friends", false);

    TestPomona.Response invited = invite("sam@example.com", groupId);

    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    JsonNode tester = invited.json().path("data");
    assertThat(tester.path("attributes").path("inviteType").asText()).isEqualTo("EMAIL");
    assertThat(tester.path("attributes").path("state").asText()).isEqualTo("INVITED");
    String testerId = tester.path("id").asText();
    assertThat(pomona.get("/v1/betaGroups/" + groupId + "/betaTesters").json().path("data").path(0).path("id")
        .asText()).isEqualTo(testerId);
    assertThat(pomona.get("/v1/betaTesters/" + testerId + "/apps").json().path("data").path(0).path("id").asText())
        .isEqualTo(appId);
    TestPomona.Response resent = pomona.send("POST", "/v1/betaTesterInvitations",
        Documents.resource("betaTesterInvitations").toOne("betaTester", "betaTesters", testerId)
            .toOne("app", "apps", appId).document());
    assertThat(resent.status()).as(resent.toString()).isEqualTo(201);
  }

  @Test
  void aTesterWithAnInvalidEmailIsRefusedAndNotStored() {
    String groupId = group("Friends", false);

    TestPomona.Response refused = invite("not an email", groupId);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(pointer(refused)).isEqualTo("/data/attributes/email");
    assertThat(pomona.get("/v1/betaGroups/" + groupId + "/betaTesters").json().path("data")).isEmpty();
  }

  @Test
  void internalGroupsTakeOnlyTheTeamsUsers() {
    String internal = group("Team", true);
    pomona.pomona().engine().resources().create(pomona.team().id(), "users", Optional.empty(),
        Map.of("username", "dev@example.com", "firstName", "Dev", "lastName", "Eloper", "roles", List.of("DEVELOPER")),
        Map.of());

    TestPomona.Response stranger = invite("stranger@example.com", internal);
    TestPomona.Response user = invite("dev@example.com", internal);

    assertThat(stranger.status()).as(stranger.toString()).isEqualTo(409);
    assertThat(stranger.json().path("errors").path(0).path("detail").asText())
        .startsWith("Tester(s) cannot be assigned").contains("stranger@example.com");
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    JsonNode members = pomona.get("/v1/betaGroups/" + internal + "/betaTesters").json().path("data");
    assertThat(members).hasSize(1);
    assertThat(pomona.get("/v1/betaTesters?filter[email]=stranger@example.com").json().path("data")).isEmpty();

    String external = group("Friends", false);
    String outsider = invite("outsider@example.com", external).json().path("data").path("id").asText();
    TestPomona.Response added = pomona.send("POST", "/v1/betaGroups/" + internal + "/relationships/betaTesters",
        Documents.toManyLinkage(Documents.identifier("betaTesters", outsider)));
    assertThat(added.status()).as(added.toString()).isEqualTo(409);
    assertThat(pointer(added)).isEqualTo("/data");
    assertThat(pomona.get("/v1/betaGroups/" + internal + "/betaTesters").json().path("data")).hasSize(1);
  }

  @Test
  void aTesterOfAnotherTeamCannotBeAdded() throws Exception {
    Accounts accounts = new Accounts(pomona.pomona().store(), Clock.systemUTC());
    Team other = accounts.createTeam("Other Team");
    String foreignTester = pomona.pomona().engine().resources().create(other.id(), "betaTesters", Optional.empty(),
        Map.of("email", "foreign@example.com"), Map.of()).id();
    String groupId = group("Friends", false);

    TestPomona.Response added = pomona.send("POST", "/v1/betaGroups/" + groupId + "/relationships/betaTesters",
        Documents.toManyLinkage(Documents.identifier("betaTesters", foreignTester)));

    assertThat(added.status()).as(added.toString()).isEqualTo(409);
    assertThat(added.errorCode()).isEqualTo("ENTITY_ERROR.RELATIONSHIP.INVALID");
    assertThat(pointer(added)).isEqualTo("/data/0");
    assertThat(pomona.get("/v1/betaGroups/" + groupId + "/betaTesters").json().path("data")).isEmpty();
  }

  @Test
  void anAppHasAtMostAHundredInternalTesters() {
    String internal = group("Team", true);
    List<JsonNode> identifiers = new java.util.ArrayList<>();
    for (int i = 0; i <= BetaTesterRules.MOST_INTERNAL; i++) {
      String email = "dev" + i + "@example.com";
      pomona.pomona().engine().resources().create(pomona.team().id(), "users", Optional.empty(),
          Map.of("username", email, "roles", List.of("DEVELOPER")), Map.of());
      identifiers.add(Documents.identifier("betaTesters", pomona.pomona().engine().resources()
          .create(pomona.team().id(), "betaTesters", Optional.empty(), Map.of("email", email), Map.of()).id()));
    }

    TestPomona.Response tooMany = pomona.send("POST", "/v1/betaGroups/" + internal + "/relationships/betaTesters",
        Documents.toManyLinkage(identifiers.toArray(JsonNode[]::new)));
    TestPomona.Response enough = pomona.send("POST", "/v1/betaGroups/" + internal + "/relationships/betaTesters",
        Documents.toManyLinkage(identifiers.subList(0, BetaTesterRules.MOST_INTERNAL).toArray(JsonNode[]::new)));

    assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
    assertThat(tooMany.json().path("errors").path(0).path("detail").asText()).contains("more than 100 internal");
    assertThat(enough.status()).as(enough.toString()).isEqualTo(204);
  }
}
