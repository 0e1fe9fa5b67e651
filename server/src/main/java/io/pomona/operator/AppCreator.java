package io.pomona.operator;

import io.pomona.account.Team;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.engine.Engine;
import io.pomona.engine.Resources;
import io.pomona.error.Errors;
import io.pomona.store.Store;
import io.pomona.store.StoredResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Creates apps, which the API itself cannot (api-facts.md §14), together with what App Store
 * Connect creates alongside a new app:
 *
 * <ul>
 *   <li>the {@code apps} resource, with a numeric id as Apple's are;
 *   <li>one {@code appInfos} in {@code PREPARE_FOR_SUBMISSION}, with its {@code
 *       ageRatingDeclarations} and an {@code appInfoLocalizations} in the primary locale carrying
 *       the name;
 *   <li>per platform, a version {@code 1.0} ({@code appStoreVersions} in {@code
 *       PREPARE_FOR_SUBMISSION}) with an {@code appStoreVersionLocalizations} in the primary
 *       locale;
 *   <li>the app's {@code betaLicenseAgreements} and {@code betaAppReviewDetails}, which every app
 *       has and which the API can only patch (the TestFlight behaviours of {@code apps} make them);
 *   <li>the link {@code bundleIds.app} when the team has a bundle id with that identifier.
 * </ul>
 *
 * <p>Name, bundle id and SKU must be unique among the team's apps (409), as in App Store Connect.
 * Everything is written in one transaction through the engine's internal write path, so the
 * behaviours of these types run and every creation is an event, as for any other write.
 */
public final class AppCreator {
  /** Apple's {@code Platform} values (OpenAPI 4.4.1). */
  public static final Set<String> PLATFORMS = Set.of("IOS", "MAC_OS", "TV_OS", "VISION_OS");

  private static final int LONGEST_NAME = 30;
  private static final Pattern BUNDLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
  private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final String FIRST_STATE = "PREPARE_FOR_SUBMISSION";

  private final Resources resources;
  private final Store store;
  private final RandomGenerator random;

  /** @param random draws app ids; must be safe for concurrent use (e.g. {@link java.security.SecureRandom}) */
  public AppCreator(Engine engine, Store store, RandomGenerator random) {
    this.resources = engine.resources();
    this.store = store;
    this.random = random;
  }

  /**
   * Creates the app and everything with it in one transaction, so that a failure leaves nothing
   * behind. 400 for bad input, 409 for a name, bundle id or SKU the team's apps already use.
   */
  public CreatedApp create(Team team, NewApp request) {
    NewApp app = validated(request);
    return store.transaction(tx -> {
      ResourceAccess access = resources.access(tx, team.id(), Origin.OPERATOR, Map.of("operation", "createApp"));
      requireUnique(access, "name", app.name());
      requireUnique(access, "bundleId", app.bundleId());
      requireUnique(access, "sku", app.sku());
      List<ResourceRef> related = new ArrayList<>();

      StoredResource created = createApp(access, app);
      String appId = created.id();
      StoredResource ageRating = access.create("ageRatingDeclarations", Optional.empty(), Map.of(), Map.of());
      related.add(ref(ageRating));
      StoredResource appInfo = access.create("appInfos", Optional.empty(),
          attributes("state", FIRST_STATE, "appStoreState", FIRST_STATE),
          Map.of("app", List.of(appId), "ageRatingDeclaration", List.of(ageRating.id())));
      related.add(ref(appInfo));
      related.add(ref(access.create("appInfoLocalizations", Optional.empty(),
          attributes("locale", app.primaryLocale(), "name", app.name()), Map.of("appInfo", List.of(appInfo.id())))));

      String createdDate = tx.now().toString();
      for (String platform : app.platforms()) {
        StoredResource version = access.create("appStoreVersions", Optional.empty(),
            attributes("platform", platform, "versionString", "1.0", "appStoreState", FIRST_STATE,
                "appVersionState", FIRST_STATE, "releaseType", "AFTER_APPROVAL", "reviewType", "APP_STORE",
                "downloadable", true, "createdDate", createdDate),
            Map.of("app", List.of(appId)));
        related.add(ref(version));
        related.add(ref(access.create("appStoreVersionLocalizations", Optional.empty(),
            attributes("locale", app.primaryLocale()), Map.of("appStoreVersion", List.of(version.id())))));
      }
      // The app's TestFlight behaviours made these with the app (every app has them, however made).
      access.related("apps", appId, "betaLicenseAgreement", 1).forEach(agreement -> related.add(ref(agreement)));
      access.related("apps", appId, "betaAppReviewDetail", 1).forEach(detail -> related.add(ref(detail)));

      for (StoredResource bundleId : access.find("bundleIds", Map.of("identifier", app.bundleId()), 100)) {
        access.link("bundleIds", bundleId.id(), "app", List.of(appId));
        related.add(ref(bundleId));
      }
      return new CreatedApp(ref(created), created.attributes(), related);
    });
  }

  /** Inserts the app under a random 10-digit id, drawing again in the rare case it is taken. */
  private StoredResource createApp(ResourceAccess access, NewApp app) {
    Map<String, Object> attributes = attributes("name", app.name(), "bundleId", app.bundleId(), "sku", app.sku(),
        "primaryLocale", app.primaryLocale(), "isOrEverWasMadeForKids", false);
    for (int attempt = 0; ; attempt++) {
      String id = Long.toString(random.nextLong(1_000_000_000L, 10_000_000_000L));
      if (access.get("apps", id).isEmpty() || attempt == 5) {
        return access.create("apps", Optional.of(id), attributes, Map.of());
      }
    }
  }

  private static NewApp validated(NewApp app) {
    List<String> problems = new ArrayList<>();
    String name = app.name() == null ? "" : app.name().strip();
    if (name.isEmpty() || name.length() > LONGEST_NAME) {
      problems.add("'name' needs 1 to " + LONGEST_NAME + " characters");
    }
    if (app.bundleId() == null || !BUNDLE_ID.matcher(app.bundleId()).matches()) {
      problems.add("'bundleId' must be letters, digits, '.' and '-', such as com.example.notes");
    }
    if (app.sku() == null || !SKU.matcher(app.sku()).matches()) {
      problems.add("'sku' must be 1 to 100 letters, digits, '.', '_' and '-', starting with a letter or digit");
    }
    if (app.primaryLocale() == null || !LOCALE.matcher(app.primaryLocale()).matches()) {
      problems.add("'primaryLocale' must be a locale such as en-US");
    }
    Set<String> platforms = new LinkedHashSet<>(app.platforms());
    if (platforms.isEmpty() || !PLATFORMS.containsAll(platforms) || platforms.size() != app.platforms().size()) {
      problems.add("'platforms' must list distinct values of " + new java.util.TreeSet<>(PLATFORMS));
    }
    if (!problems.isEmpty()) {
      throw Errors.entityInvalid(String.join("; ", problems));
    }
    return new NewApp(name, app.bundleId(), app.sku(), app.primaryLocale(), app.platforms());
  }

  private static void requireUnique(ResourceAccess access, String attribute, String value) {
    if (!access.find("apps", Map.of(attribute, value), 1).isEmpty()) {
      throw Errors.duplicate("The team already has an app whose " + attribute + " is '" + value + "'");
    }
  }

  private static ResourceRef ref(StoredResource resource) {
    return new ResourceRef(resource.type(), resource.id());
  }

  private static Map<String, Object> attributes(Object... namesAndValues) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return attributes;
  }

  /**
   * An app just created and what was created or linked with it.
   *
   * @param app the {@code apps} resource
   * @param attributes its attributes
   * @param related the resources created with it, and any bundle id linked to it
   */
  public record CreatedApp(ResourceRef app, Map<String, Object> attributes, List<ResourceRef> related) {
    public CreatedApp {
      attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
      related = List.copyOf(related);
    }
  }
}
