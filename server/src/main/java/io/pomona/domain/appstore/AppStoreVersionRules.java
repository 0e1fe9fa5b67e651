package io.pomona.domain.appstore;

import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of an App Store version (api-facts.md §6.2): what a new one gets, its version string,
 * one version in the works per platform, edits only in an editable state, the release date of a
 * scheduled release, a build that fits ({@link BuildFit}), and the deprecated {@code appStoreState}
 * kept in step with {@code appVersionState}. When a version goes live, the one it replaces on the
 * platform becomes {@code REPLACED_WITH_NEW_VERSION} (Inf §6.2) and its phased release starts.
 */
public final class AppStoreVersionRules implements Behaviour {
  static final String TYPE = "appStoreVersions";

  /**
   * Apple's rule for a version number (App Store Connect Help, "version number"): one to three
   * period-separated non-negative integers, e.g. {@code 1}, {@code 1.2}, {@code 1.2.3}.
   */
  private static final Pattern VERSION_STRING = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,2}");

  /** What a client may change on a version (OpenAPI {@code AppStoreVersionUpdateRequest}). */
  private static final List<String> CLIENT_ATTRIBUTES = List.of("versionString", "copyright", "reviewType",
      "releaseType", "earliestReleaseDate", "usesIdfa", "downloadable");

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  /** The version's state process: its state events and scheduled releases ({@link VersionRelease}). */
  @Override
  public List<io.pomona.behaviour.Process> processes() {
    return List.of(VersionRelease.PROCESS);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.kind() == WriteKind.DELETE || ctx.origin() != Origin.CLIENT) {
      return;
    }
    if (ctx.kind() == WriteKind.UPDATE) {
      requireEditableForChange(ctx);
    }
    List<ApiError> problems = new ArrayList<>();
    ctx.stringAttribute("versionString").filter(v -> !VERSION_STRING.matcher(v).matches()).ifPresent(v ->
        problems.add(Errors.attributeInvalid("/data/attributes/versionString", "The version string '" + v
            + "' is invalid: use one to three period-separated integers, such as 1.0 or 2.1.3.")));
    if (ctx.kind() == WriteKind.CREATE) {
      Related.toOneId(ctx, "app").ifPresent(appId -> problems.addAll(otherVersionsOfPlatform(ctx, appId)));
    } else if (changed(ctx, "versionString")) {
      Related.toOneId(ctx, "app").ifPresent(appId -> duplicateVersionString(ctx, appId).ifPresent(problems::add));
    }
    scheduledReleaseDate(ctx).ifPresent(problems::add);
    if (ctx.relationships().containsKey("build")) {
      Optional<String> buildId = ctx.relationships().get("build").stream().findFirst();
      buildId.flatMap(id -> BuildFit.problem(ctx, id, Related.toOneId(ctx, "app"), ctx.stringAttribute("platform")))
          .ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
  }

  /** Obs §6.2: editing a version outside the editable states is refused, media included. */
  private static void requireEditableForChange(WriteContext ctx) {
    Optional<String> state = ctx.previous().flatMap(p -> Related.text(p, "appVersionState"));
    if (VersionStates.editable(state)) {
      return;
    }
    for (String name : CLIENT_ATTRIBUTES) {
      if (changed(ctx, name)) {
        throw new ApiException(Errors.entityStateInvalid("/data/attributes/" + name, TYPE, ctx.id()));
      }
    }
    if (ctx.relationships().containsKey("build")) {
      throw new ApiException(Errors.entityStateInvalid("/data/relationships/build", TYPE, ctx.id()));
    }
  }

  /**
   * Obs §6.2: while another version of the app on the same platform is not out yet, a new one is
   * refused with "You cannot create a new version of the App in the current state."; a version
   * string that the platform already has adds a second error.
   */
  private static List<ApiError> otherVersionsOfPlatform(WriteContext ctx, String appId) {
    List<ApiError> problems = new ArrayList<>();
    Optional<String> platform = ctx.stringAttribute("platform");
    boolean blocked = Related.all(ctx.resources(), "apps", appId, "appStoreVersions").stream()
        .filter(v -> samePlatform(v, platform))
        .anyMatch(v -> !VersionStates.shipped(v.attributes().get("appVersionState")));
    if (blocked) {
      problems.add(Errors.relationshipInvalid("/data/relationships/app",
          "You cannot create a new version of the App in the current state."));
    }
    duplicateVersionString(ctx, appId).ifPresent(problems::add);
    return problems;
  }

  private static Optional<ApiError> duplicateVersionString(WriteContext ctx, String appId) {
    Optional<String> versionString = ctx.stringAttribute("versionString");
    Optional<String> platform = ctx.stringAttribute("platform");
    boolean taken = versionString.isPresent() && Related.all(ctx.resources(), "apps", appId, "appStoreVersions")
        .stream()
        .filter(v -> !v.id().equals(ctx.id()) && samePlatform(v, platform))
        .anyMatch(v -> versionString.equals(Related.text(v, "versionString")));
    return taken
        ? Optional.of(Errors.attributeDuplicate("/data/attributes/versionString",
            "The version number '" + versionString.get() + "' has already been used."))
        : Optional.empty();
  }

  /**
   * A {@code SCHEDULED} release needs its {@code earliestReleaseDate}, in the future on the
   * simulated clock (Inf: Apple's page accepts only a future date).
   */
  private static Optional<ApiError> scheduledReleaseDate(WriteContext ctx) {
    if (!ctx.stringAttribute("releaseType").equals(Optional.of("SCHEDULED"))) {
      return Optional.empty();
    }
    Optional<String> date = ctx.stringAttribute("earliestReleaseDate");
    if (date.isEmpty()) {
      return Optional.of(Errors.attributeRequired("/data/attributes/earliestReleaseDate", "earliestReleaseDate"));
    }
    if (changed(ctx, "earliestReleaseDate") && instant(date.get()).map(d -> !d.isAfter(ctx.now())).orElse(false)) {
      return Optional.of(Errors.attributeInvalid("/data/attributes/earliestReleaseDate",
          "The earliest release date " + date.get() + " must be in the future."));
    }
    return Optional.empty();
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.DELETE) {
      return;
    }
    if (ctx.kind() == WriteKind.CREATE) {
      // What Apple fills in on a new version (Obs in responses): editable, reviewed for the App
      // Store, released when approved unless the client chose otherwise, downloadable.
      setIfAbsent(ctx, "appVersionState", VersionStates.PREPARE_FOR_SUBMISSION);
      setIfAbsent(ctx, "reviewType", "APP_STORE");
      setIfAbsent(ctx, "releaseType", "AFTER_APPROVAL");
      setIfAbsent(ctx, "downloadable", true);
      setIfAbsent(ctx, "createdDate", AppleDates.format(ctx.now()));
    }
    ctx.stringAttribute("appVersionState").ifPresent(state -> {
      String legacy = VersionStates.appStoreState(state);
      if (!legacy.equals(ctx.attributes().get("appStoreState"))) {
        ctx.set("appStoreState", legacy);
      }
    });
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.UPDATE || !changed(ctx, "appVersionState")
        || !ctx.stringAttribute("appVersionState").equals(Optional.of(VersionStates.READY_FOR_DISTRIBUTION))) {
      return;
    }
    Optional<String> appId = Related.toOneId(ctx, "app");
    Optional<String> platform = ctx.stringAttribute("platform");
    appId.ifPresent(app -> Related.all(ctx.resources(), "apps", app, "appStoreVersions").stream()
        .filter(v -> !v.id().equals(ctx.id()) && samePlatform(v, platform))
        .filter(v -> VersionStates.READY_FOR_DISTRIBUTION.equals(v.attributes().get("appVersionState")))
        .forEach(v -> ctx.resources().update(TYPE, v.id(),
            java.util.Map.of("appVersionState", VersionStates.REPLACED_WITH_NEW_VERSION))));
    PhasedReleases.startWith(ctx.resources(), ctx.id(), ctx.now());
  }

  static boolean samePlatform(StoredResource version, Optional<String> platform) {
    return platform.isEmpty() || platform.equals(Related.text(version, "platform"));
  }

  static boolean changed(WriteContext ctx, String attribute) {
    Object before = ctx.previous().map(p -> p.attributes().get(attribute)).orElse(null);
    return !Objects.equals(before, ctx.attributes().get(attribute));
  }

  private static void setIfAbsent(WriteContext ctx, String attribute, Object value) {
    if (ctx.attribute(attribute).isEmpty()) {
      ctx.set(attribute, value);
    }
  }

  static Optional<Instant> instant(String dateTime) {
    try {
      return Optional.of(OffsetDateTime.parse(dateTime).toInstant());
    } catch (DateTimeParseException notADate) {
      return Optional.empty(); // the body validator refuses what is not a date-time; nothing to add here
    }
  }
}
