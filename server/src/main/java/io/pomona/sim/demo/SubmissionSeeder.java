package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.App;
import io.pomona.sim.demo.Story.Contact;
import io.pomona.sim.demo.Story.Version;
import java.util.Map;

/**
 * App Review around the demo's versions: the review contact of every version, and the review
 * submission each version went through, in the state that matches the version's (api-facts.md
 * §6.3). A submission waiting for review moves on the simulated clock like a client's.
 */
final class SubmissionSeeder {
  /** The submission and item state behind a version state; versions never submitted have none. */
  private static final Map<VersionState, String[]> SUBMITTED = Map.of(
      VersionState.READY_FOR_REVIEW, new String[] {"READY_FOR_REVIEW", "READY_FOR_REVIEW"},
      VersionState.WAITING_FOR_REVIEW, new String[] {"WAITING_FOR_REVIEW", "READY_FOR_REVIEW"},
      VersionState.IN_REVIEW, new String[] {"IN_REVIEW", "READY_FOR_REVIEW"},
      VersionState.REJECTED, new String[] {"UNRESOLVED_ISSUES", "REJECTED"},
      // Just withdrawn by the developer: Apple makes the submission editable again on the clock.
      VersionState.DEVELOPER_REJECTED, new String[] {"CANCELING", "READY_FOR_REVIEW"},
      VersionState.PENDING_DEVELOPER_RELEASE, new String[] {"COMPLETE", "APPROVED"});

  private final DemoContext context;

  SubmissionSeeder(DemoContext context) {
    this.context = context;
  }

  void seed(Iterable<App> apps, SeededIds appIds, SeededIds versionIds) {
    for (App app : apps) {
      String appId = appIds.id(app.identity().key());
      for (Version version : app.versions()) {
        String versionId = versionIds.id(app.identity().key() + "/" + version.versionString());
        reviewDetail(versionId, app.testFlight().reviewContact());
        String[] states = SUBMITTED.get(version.state());
        if (states != null) {
          submission(app, appId, versionId, version, states[0], states[1]);
        }
      }
    }
  }

  private void reviewDetail(String versionId, Contact contact) {
    context.out().resource("appStoreReviewDetails", context.random().uuid())
        .attr("contactFirstName", contact.firstName())
        .attr("contactLastName", contact.lastName())
        .attr("contactPhone", contact.phone())
        .attr("contactEmail", contact.email())
        .attr("demoAccountRequired", contact.demoAccountName().isPresent())
        .attr("demoAccountName", contact.demoAccountName())
        .attr("demoAccountPassword", contact.demoAccountPassword())
        .attr("notes", contact.notes())
        .link("appStoreVersion", versionId)
        .save();
  }

  private void submission(App app, String appId, String versionId, Version version, String state, String itemState) {
    DemoWriter.NewResource submission = context.out().resource("reviewSubmissions", context.random().uuid())
        .attr("platform", app.identity().platform().platform())
        .attr("state", state);
    if (version.state() != VersionState.READY_FOR_REVIEW) { // the only one never sent
      submission.date("submittedDate", context.time().daysAgo((int) Math.max(1, version.age().toDays() - 1)));
    }
    String submissionId = submission.link("app", appId).link("appStoreVersionForReview", versionId).save();
    context.out().resource("reviewSubmissionItems", context.random().uuid())
        .attr("state", itemState)
        .link("reviewSubmission", submissionId)
        .link("appStoreVersion", versionId)
        .save();
  }
}
