package io.pomona.sim.demo;

import io.pomona.sim.demo.Story.App;
import io.pomona.sim.demo.Story.Localized;
import io.pomona.sim.demo.Story.Purchase;
import io.pomona.sim.demo.Story.Subscription;
import io.pomona.sim.demo.Story.SubscriptionGroup;
import io.pomona.sim.demo.Story.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * In-app purchases (the v2 {@code inAppPurchases}) and subscription groups with their
 * subscriptions, each with localizations. Apple gives these numeric ids, like apps. A
 * localization's state follows its product's: approved with it, in review with it, else being
 * prepared.
 */
final class PurchaseSeeder {
  private final DemoContext context;

  PurchaseSeeder(DemoContext context) {
    this.context = context;
  }

  void seed(List<App> apps, SeededIds appIds) {
    for (App app : apps) {
      String appId = appIds.id(app.identity().key());
      String productPrefix = app.identity().bundleId() + ".";
      List<String> purchases = new ArrayList<>();
      for (Purchase purchase : app.commerce().purchases()) {
        purchases.add(purchase(productPrefix, purchase));
      }
      // An in-app purchase cannot name its app in the current schema; the app's side links it.
      context.out().link("apps", appId, "inAppPurchasesV2", purchases);
      List<String> groups = new ArrayList<>();
      for (SubscriptionGroup group : app.commerce().subscriptionGroups()) {
        groups.add(subscriptionGroup(productPrefix, group));
      }
      context.out().link("apps", appId, "subscriptionGroups", groups);
    }
  }

  private String purchase(String productPrefix, Purchase purchase) {
    String id = context.out().resource("inAppPurchases", context.random().numericId())
        .attr("name", purchase.name())
        .attr("productId", productPrefix + purchase.productSuffix())
        .attr("inAppPurchaseType", purchase.type())
        .attr("state", purchase.state())
        .attr("reviewNote", purchase.reviewNote())
        .attr("familySharable", purchase.familySharable())
        .attr("contentHosting", false)
        .save();
    for (Localized localized : purchase.localizations()) {
      context.out().resource("inAppPurchaseLocalizations", context.random().uuid())
          .attr("name", localized.name())
          .attr("locale", localized.locale())
          .attr("description", localized.description())
          .attr("state", localizationState(purchase.state()))
          .link("inAppPurchaseV2", id)
          .save();
    }
    return id;
  }

  private String subscriptionGroup(String productPrefix, SubscriptionGroup group) {
    String id = context.out().resource("subscriptionGroups", context.random().numericId())
        .attr("referenceName", group.referenceName())
        .save();
    boolean approved = group.subscriptions().stream().anyMatch(s -> s.state().equals("APPROVED"));
    for (Text name : group.names()) {
      context.out().resource("subscriptionGroupLocalizations", context.random().uuid())
          .attr("name", name.value())
          .attr("locale", name.locale())
          .attr("state", approved ? "APPROVED" : "PREPARE_FOR_SUBMISSION")
          .link("subscriptionGroup", id)
          .save();
    }
    for (Subscription subscription : group.subscriptions()) {
      String subscriptionId = context.out().resource("subscriptions", context.random().numericId())
          .attr("name", subscription.name())
          .attr("productId", productPrefix + subscription.productSuffix())
          .attr("familySharable", subscription.familySharable())
          .attr("state", subscription.state())
          .attr("subscriptionPeriod", subscription.period())
          .attr("reviewNote", subscription.reviewNote())
          .attr("groupLevel", subscription.groupLevel())
          .link("group", id)
          .save();
      for (Localized localized : subscription.localizations()) {
        context.out().resource("subscriptionLocalizations", context.random().uuid())
            .attr("name", localized.name())
            .attr("locale", localized.locale())
            .attr("description", localized.description())
            .attr("state", localizationState(subscription.state()))
            .link("subscription", subscriptionId)
            .save();
      }
    }
    return id;
  }

  private static String localizationState(String productState) {
    return switch (productState) {
      case "APPROVED" -> "APPROVED";
      case "WAITING_FOR_REVIEW" -> "WAITING_FOR_REVIEW";
      default -> "PREPARE_FOR_SUBMISSION";
    };
  }
}
