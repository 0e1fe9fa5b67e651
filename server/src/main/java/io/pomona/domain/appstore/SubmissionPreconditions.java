package io.pomona.domain.appstore;

import io.pomona.behaviour.ResourceAccess;
import io.pomona.error.ApiError;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a version needs before it can be submitted for review (App Store Connect Help, "submit an
 * app"; api-facts.md §6.3): a valid build with its export compliance answered, a localization in
 * the app's primary language, the required texts and screenshots of every localization, an
 * answered age rating questionnaire, review contact details, a price and an availability. Each
 * missing piece is one error, listed under the path of the resource it concerns, as Apple's
 * {@code meta.associatedErrors} does.
 */
final class SubmissionPreconditions {
  /** Texts every localization needs (Obs: "You must provide a value for the attribute 'supportUrl'"). */
  static final List<String> LOCALIZATION_TEXTS = List.of("description", "keywords", "supportUrl");

  /**
   * The screenshot display types a version needs, by platform: at least one processed ({@code
   * COMPLETE}) screenshot in a set of one of them, per localization; the first is the one the
   * error names. Inf, from App Store Connect Help "screenshot specifications": iPhone apps need
   * the 6.9" ({@code APP_IPHONE_67}) or the 6.5" size; the Mac, TV and Vision Pro their one size.
   */
  static final Map<String, List<String>> SCREENSHOTS = Map.of(
      "IOS", List.of("APP_IPHONE_67", "APP_IPHONE_65"),
      "MAC_OS", List.of("APP_DESKTOP"),
      "TV_OS", List.of("APP_APPLE_TV"),
      "VISION_OS", List.of("APP_APPLE_VISION_PRO"));

  /**
   * iPad screenshots, needed on iOS only when the app runs on iPad (Help: "required if your app
   * runs on iPad"). Inf: the API does not expose a build's device families, so Pomona takes an
   * iPad screenshot set in any localization of the version as the sign that it does; every
   * localization then needs a 13" ({@code APP_IPAD_PRO_3GEN_129}) or 12.9" one.
   */
  static final List<String> IPAD_SCREENSHOTS = List.of("APP_IPAD_PRO_3GEN_129", "APP_IPAD_PRO_129");

  /** The display types of iPad sets, any of which shows that the app runs on iPad. */
  private static final List<String> IPAD_TYPES = List.of("APP_IPAD_PRO_3GEN_129", "APP_IPAD_PRO_129",
      "APP_IPAD_PRO_3GEN_11", "APP_IPAD_105", "APP_IPAD_97");

  /**
   * The age rating questions that must be answered (Inf: the questionnaire as it stood before
   * Apple's 2025 additions, which clients of older API versions cannot answer).
   */
  static final List<String> AGE_RATING_ANSWERS = List.of("alcoholTobaccoOrDrugUseOrReferences", "contests",
      "gamblingSimulated", "horrorOrFearThemes", "matureOrSuggestiveThemes", "medicalOrTreatmentInformation",
      "profanityOrCrudeHumor", "sexualContentGraphicAndNudity", "sexualContentOrNudity", "violenceCartoonOrFantasy",
      "violenceRealistic", "violenceRealisticProlongedGraphicOrSadistic", "gambling", "unrestrictedWebAccess");

  /** Review contact details Apple needs (Obs: {@code contactPhone} is required). */
  static final List<String> REVIEW_CONTACT = List.of("contactFirstName", "contactLastName", "contactPhone",
      "contactEmail");

  private final ResourceAccess resources;
  private final Map<String, List<ApiError>> problems = new LinkedHashMap<>();

  private SubmissionPreconditions(ResourceAccess resources) {
    this.resources = resources;
  }

  /** The missing pieces of a version, by resource path; empty when it can be submitted. */
  static Map<String, List<ApiError>> of(ResourceAccess resources, StoredResource version) {
    SubmissionPreconditions check = new SubmissionPreconditions(resources);
    check.check(version);
    return check.problems;
  }

  private void check(StoredResource version) {
    String versionPath = path(version);
    Optional<StoredResource> app = Related.one(resources, version.type(), version.id(), "app");
    build(version, versionPath);
    localizations(version, versionPath, app.flatMap(a -> Related.text(a, "primaryLocale")));
    reviewDetail(version, versionPath);
    app.ifPresent(this::ageRating);
    app.ifPresent(this::pricingAndAvailability);
  }

  private void build(StoredResource version, String versionPath) {
    Optional<StoredResource> build = Related.one(resources, version.type(), version.id(), "build");
    if (build.isEmpty()) {
      add(versionPath, Errors.relationshipRequired("/data/relationships/build", "build")
          .withDetail("You must choose a build for this version."));
      return;
    }
    if (!Related.text(build.get(), "processingState").equals(Optional.of("VALID"))
        || Boolean.TRUE.equals(build.get().attributes().get("expired"))) {
      add(versionPath, Errors.relationshipInvalid("/data/relationships/build",
          "The build '" + build.get().id() + "' is no longer valid for review."));
    }
    boolean complianceAnswered = build.get().attributes().get("usesNonExemptEncryption") != null
        || Related.one(resources, "builds", build.get().id(), "appEncryptionDeclaration").isPresent();
    if (!complianceAnswered) {
      add(path(build.get()), Errors.attributeRequired("/data/attributes/usesNonExemptEncryption",
          "usesNonExemptEncryption"));
    }
  }

  private void localizations(StoredResource version, String versionPath, Optional<String> primaryLocale) {
    List<StoredResource> localizations =
        Related.all(resources, version.type(), version.id(), "appStoreVersionLocalizations");
    boolean primaryPresent = localizations.stream().anyMatch(l -> primaryLocale.isEmpty()
        || primaryLocale.equals(Related.text(l, "locale")));
    if (!primaryPresent || localizations.isEmpty()) {
      add(versionPath, Errors.relationshipRequired("/data/relationships/appStoreVersionLocalizations",
          "appStoreVersionLocalizations").withDetail("You must provide a localization for the app's primary "
          + "language" + primaryLocale.map(l -> " '" + l + "'").orElse("") + "."));
    }
    String platform = Related.text(version, "platform").orElse("IOS");
    List<List<String>> required = new ArrayList<>();
    if (SCREENSHOTS.containsKey(platform)) {
      required.add(SCREENSHOTS.get(platform));
    }
    if (platform.equals("IOS") && localizations.stream().anyMatch(l -> hasSet(l, IPAD_TYPES))) {
      required.add(IPAD_SCREENSHOTS);
    }
    for (StoredResource localization : localizations) {
      for (String text : LOCALIZATION_TEXTS) {
        if (Related.text(localization, text).filter(value -> !value.isBlank()).isEmpty()) {
          add(path(localization), Errors.attributeRequired("/data/attributes/" + text, text));
        }
      }
      for (List<String> displayTypes : required) {
        if (!hasScreenshot(localization, displayTypes)) {
          ApiError missing = Errors.screenshotRequired(displayTypes.get(0));
          add("/v1/appScreenshots/", missing.withDetail(missing.detail().orElse("") + " Locale: "
              + Related.text(localization, "locale").orElse("?") + " (appStoreVersionLocalizations '"
              + localization.id() + "'); a processed screenshot of " + String.join(" or ", displayTypes)
              + " is needed."));
        }
      }
    }
  }

  private List<StoredResource> sets(StoredResource localization) {
    return Related.all(resources, localization.type(), localization.id(), "appScreenshotSets");
  }

  private boolean hasSet(StoredResource localization, List<String> displayTypes) {
    return sets(localization).stream().anyMatch(set -> displayTypes.contains(set.attributes().get(
        "screenshotDisplayType")));
  }

  /** A screenshot counts once Apple has processed it ({@code assetDeliveryState COMPLETE}). */
  private boolean hasScreenshot(StoredResource localization, List<String> displayTypes) {
    return sets(localization).stream()
        .filter(set -> displayTypes.contains(set.attributes().get("screenshotDisplayType")))
        .flatMap(set -> Related.all(resources, set.type(), set.id(), "appScreenshots").stream())
        .anyMatch(screenshot -> screenshot.attributes().get("assetDeliveryState") instanceof Map<?, ?> state
            && "COMPLETE".equals(state.get("state")));
  }

  private void reviewDetail(StoredResource version, String versionPath) {
    Optional<StoredResource> detail = Related.one(resources, version.type(), version.id(), "appStoreReviewDetail");
    if (detail.isEmpty()) {
      add(versionPath, Errors.relationshipRequired("/data/relationships/appStoreReviewDetail", "appStoreReviewDetail")
          .withDetail("You must provide App Review contact information."));
      return;
    }
    List<String> required = new ArrayList<>(REVIEW_CONTACT);
    if (Boolean.TRUE.equals(detail.get().attributes().get("demoAccountRequired"))) {
      required.addAll(List.of("demoAccountName", "demoAccountPassword"));
    }
    for (String attribute : required) {
      if (Related.text(detail.get(), attribute).filter(value -> !value.isBlank()).isEmpty()) {
        add(path(detail.get()), Errors.attributeRequired("/data/attributes/" + attribute, attribute));
      }
    }
  }

  private void ageRating(StoredResource app) {
    List<StoredResource> infos = Related.all(resources, "apps", app.id(), "appInfos");
    Optional<StoredResource> info = infos.stream()
        .filter(i -> !VersionStates.shipped(i.attributes().get("state"))
            && !"REPLACED_WITH_NEW_INFO".equals(i.attributes().get("state")))
        .findFirst().or(() -> infos.stream().findFirst());
    Optional<StoredResource> declaration = info.flatMap(i -> Related.one(resources, "appInfos", i.id(),
        "ageRatingDeclaration"));
    if (declaration.isEmpty()) {
      add(info.map(SubmissionPreconditions::path).orElse(path(app)),
          Errors.relationshipRequired("/data/relationships/ageRatingDeclaration", "ageRatingDeclaration")
              .withDetail("You must answer the age rating questionnaire."));
      return;
    }
    for (String answer : AGE_RATING_ANSWERS) {
      if (declaration.get().attributes().get(answer) == null) {
        add(path(declaration.get()), Errors.attributeRequired("/data/attributes/" + answer, answer));
      }
    }
  }

  private void pricingAndAvailability(StoredResource app) {
    if (Related.one(resources, "apps", app.id(), "appPriceSchedule").isEmpty()) {
      add(path(app), Errors.relationshipRequired("/data/relationships/appPriceSchedule", "appPriceSchedule")
          .withDetail("You must choose a price for the app."));
    }
    if (Related.one(resources, "apps", app.id(), "appAvailabilityV2").isEmpty()) {
      add(path(app), Errors.relationshipRequired("/data/relationships/appAvailabilityV2", "appAvailabilityV2")
          .withDetail("You must choose where the app is available."));
    }
  }

  private void add(String path, ApiError error) {
    problems.computeIfAbsent(path, p -> new ArrayList<>()).add(error);
  }

  private static String path(StoredResource resource) {
    return "/v1/" + resource.type() + "/" + resource.id();
  }
}
