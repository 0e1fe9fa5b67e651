package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.App;
import io.pomona.sim.demo.Story.Response;
import io.pomona.sim.demo.Story.Review;
import io.pomona.sim.demo.Story.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customer reviews (numeric ids, as Apple's) linked to their app, their territory and the version
 * that was live when they were written, and the developer's responses: published ones a day or
 * two after the review, pending ones written minutes ago (api-facts.md §11).
 */
final class ReviewSeeder {
  private final DemoContext context;

  ReviewSeeder(DemoContext context) {
    this.context = context;
  }

  void seed(List<App> apps, SeededIds appIds, SeededIds versionIds) {
    for (App app : apps) {
      String key = app.identity().key();
      List<String> reviews = new ArrayList<>();
      Map<String, List<String>> reviewsByVersion = new LinkedHashMap<>();
      for (Review review : app.reviews()) {
        Instant written = context.time().daysAgo(review.daysAgo());
        String id = review(review, written);
        reviews.add(id);
        liveAt(app.versions(), review.daysAgo()).ifPresent(version -> reviewsByVersion
            .computeIfAbsent(versionIds.id(key + "/" + version.versionString()), v -> new ArrayList<>()).add(id));
        review.response().ifPresent(response -> response(id, response, written));
      }
      // Reviews cannot name their app or version (OpenAPI 4.4.1): those sides link them.
      context.out().link("apps", appIds.id(key), "customerReviews", reviews);
      reviewsByVersion.forEach((version, ids) -> context.out().link("appStoreVersions", version, "customerReviews", ids));
    }
  }

  private String review(Review review, Instant written) {
    return context.out().resource("customerReviews", context.random().numericId())
        .attr("rating", review.rating())
        .attr("title", review.title())
        .attr("body", review.body())
        .attr("reviewerNickname", review.nickname())
        .date("createdDate", written)
        .attr("territory", review.territory())
        .link("reviewTerritory", review.territory())
        .save();
  }

  private void response(String reviewId, Response response, Instant reviewWritten) {
    Instant modified = response.published()
        ? context.time().after(reviewWritten, 18 * 60, 40 * 60)
        : context.time().minutesAgo(context.random().between(5, 90));
    context.out().resource("customerReviewResponses", context.random().uuid())
        .attr("responseBody", response.body())
        .date("lastModifiedDate", modified)
        .attr("state", response.published() ? "PUBLISHED" : "PENDING_PUBLISH")
        .link("review", reviewId)
        .save();
  }

  /** The version customers had when a review was written: the newest released one older than it. */
  private static Optional<Version> liveAt(List<Version> versions, int daysAgo) {
    return versions.stream()
        .filter(v -> v.state().released() && v.age().toDays() >= daysAgo)
        .min(Comparator.comparing(Version::age));
  }
}
