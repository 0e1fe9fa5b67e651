package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.Person;
import java.time.Duration;
import java.util.List;

/**
 * The team's users, whose roles span Apple's role list, limited to their visible apps unless
 * they see all apps, and one pending invitation (invitations expire three days after they are
 * sent, api-facts.md §6.6).
 */
final class UserSeeder {
  private static final Duration INVITATION_LIFETIME = Duration.ofDays(3);

  private final DemoContext context;

  UserSeeder(DemoContext context) {
    this.context = context;
  }

  void seed(SeededIds appIds) {
    for (Person person : TeamStory.users()) {
      context.out().resource("users", context.random().uuid())
          .attr("username", person.email())
          .attr("firstName", person.firstName())
          .attr("lastName", person.lastName())
          .attr("roles", person.roles())
          .attr("allAppsVisible", person.allAppsVisible())
          .attr("provisioningAllowed", person.provisioningAllowed())
          .link("visibleApps", visibleApps(person, appIds))
          .save();
    }
    Person invited = TeamStory.INVITED;
    context.out().resource("userInvitations", context.random().uuid())
        .attr("email", invited.email())
        .attr("firstName", invited.firstName())
        .attr("lastName", invited.lastName())
        .date("expirationDate", context.time().minutesAgo(20 * 60).plus(INVITATION_LIFETIME))
        .attr("roles", invited.roles())
        .attr("allAppsVisible", invited.allAppsVisible())
        .attr("provisioningAllowed", invited.provisioningAllowed())
        .link("visibleApps", visibleApps(invited, appIds))
        .save();
  }

  private static List<String> visibleApps(Person person, SeededIds appIds) {
    return person.allAppsVisible() ? List.of() : person.visibleAppKeys().stream().map(appIds::id).toList();
  }
}
