package io.pomona.operator;

import io.pomona.account.Team;
import io.pomona.engine.Engine;
import io.pomona.engine.Resources;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.Condition;
import io.pomona.store.ResourceQuery;
import io.pomona.store.Store;
import io.pomona.store.StoredResource;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
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
 *       has and which the API can only patch;
 *   <li>the link {@code bundleIds.app} when the team has a bundle id with that identifier.
 * </ul>
 *
 * <p>Name, bundle id and SKU must be unique among the team's apps (409), as in App Store Connect.
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
  private final Clock clock;
  private final RandomGenerator random;

  public AppCreator(Engine engine, Store store, Clock clock, RandomGenerator random) {
    this.resources = engine.resources();
    this.store = store;
    this.clock = clock;
    this.random = random;
  }

  public CreatedApp create(Team team, NewApp request) {
    NewApp app = validated(request);
    requireUnique(team, "name", app.name());
    requireUnique(team, "bundleId", app.bundleId());
    requireUnique(team, "sku", app.sku());
    List<ResourceRef> related = new ArrayList<>();

    StoredResource created = createApp(team, app);
    String appId = created.id();
    StoredResource ageRating = resources.create(team.id(), "ageRatingDeclarations", Optional.empty(), Map.of(), Map.of());
    related.add(ref(ageRating));
    StoredResource appInfo = resources.create(team.id(), "appInfos", Optional.empty(),
        attributes("state", FIRST_STATE, "appStoreState", FIRST_STATE),
        Map.of("app", List.of(appId), "ageRatingDeclaration", List.of(ageRating.id())));
    related.add(ref(appInfo));
    related.add(ref(resources.create(team.id(), "appInfoLocalizations", Optional.empty(),
        attributes("locale", app.primaryLocale(), "name", app.name()), Map.of("appInfo", List.of(appInfo.id())))));

    String createdDate = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    for (String platform : app.platforms()) {
      StoredResource version = resources.create(team.id(), "appStoreVersions", Optional.empty(),
          attributes("platform", platform, "versionString", "1.0", "appStoreState", FIRST_STATE,
              "appVersionState", FIRST_STATE, "releaseType", "AFTER_APPROVAL", "reviewType", "APP_STORE",
              "downloadable", true, "createdDate", createdDate),
          Map.of("app", List.of(appId)));
      related.add(ref(version));
      related.add(ref(resources.create(team.id(), "appStoreVersionLocalizations", Optional.empty(),
          attributes("locale", app.primaryLocale()), Map.of("appStoreVersion", List.of(version.id())))));
    }
    related.add(ref(resources.create(team.id(), "betaLicenseAgreements", Optional.empty(), Map.of(),
        Map.of("app", List.of(appId)))));
    related.add(ref(resources.create(team.id(), "betaAppReviewDetails", Optional.empty(),
        attributes("demoAccountRequired", false), Map.of("app", List.of(appId)))));

    for (StoredResource bundleId : matching(team, "bundleIds", "identifier", app.bundleId())) {
      resources.link(team.id(), "bundleIds", bundleId.id(), "app", List.of(appId));
      related.add(ref(bundleId));
    }
    return new CreatedApp(ref(created), created.attributes(), related);
  }

  /** Inserts the app under a random 10-digit id, drawing again in the rare case it is taken. */
  private StoredResource createApp(Team team, NewApp app) {
    Map<String, Object> attributes = attributes("name", app.name(), "bundleId", app.bundleId(), "sku", app.sku(),
        "primaryLocale", app.primaryLocale(), "isOrEverWasMadeForKids", false);
    for (int attempt = 0; ; attempt++) {
      String id = Long.toString(random.nextLong(1_000_000_000L, 10_000_000_000L));
      try {
        return resources.create(team.id(), "apps", Optional.of(id), attributes, Map.of());
      } catch (ApiException taken) {
        if (taken.status() != 409 || attempt == 5) {
          throw taken;
        }
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

  private void requireUnique(Team team, String attribute, String value) {
    if (!matching(team, "apps", attribute, value).isEmpty()) {
      throw Errors.duplicate("The team already has an app whose " + attribute + " is '" + value + "'");
    }
  }

  private List<StoredResource> matching(Team team, String type, String attribute, String value) {
    ResourceQuery query = ResourceQuery.all(team.id(), type, 100)
        .withConditions(List.of(new Condition.AttributeIn(attribute, List.of(value))));
    return store.read(tx -> tx.query(query)).items();
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
