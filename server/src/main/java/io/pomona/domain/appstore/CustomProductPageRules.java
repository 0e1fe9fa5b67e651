package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.Scheduler;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Custom product pages (OpenAPI {@code AppCustomProductPage*}; App Store Connect Help, "custom
 * product pages"): a page of an app, created with its first version and that version's
 * localizations in one request ({@code included}, as {@code AppCustomProductPageCreateRequest}
 * allows) or, when the client sends none, with an empty first version; at most {@value #MAX_PAGES}
 * pages per app (Help). A page's versions go through App Review as review submission items ({@link
 * ReviewTargets#PAGE_VERSION}); one version of a page is in the works at a time, as with App Store
 * versions (Inf). An approved version replaces the page's previously approved one ({@code
 * REPLACED_WITH_NEW_VERSION}). The page's {@code url} is Apple's product page URL with the page id
 * as {@code ppid} (Obs in App Store Connect).
 */
public final class CustomProductPageRules implements Behaviour {
  static final String PAGES = "appCustomProductPages";
  static final String VERSIONS = "appCustomProductPageVersions";
  /** App Store Connect Help: up to 35 custom product pages per app. */
  static final int MAX_PAGES = 35;

  private static final String PAGE = "appCustomProductPage";
  private static final Set<String> DONE = Set.of(ReviewTargets.APPROVED, "REPLACED_WITH_NEW_VERSION");

  @Override
  public Set<String> resourceTypes() {
    return Set.of(PAGES, VERSIONS);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT || ctx.kind() == WriteKind.DELETE) {
      return;
    }
    if (ctx.type().equals(PAGES) && ctx.kind() == WriteKind.CREATE) {
      Related.toOneId(ctx, "app").ifPresent(appId -> {
        if (Related.all(ctx.resources(), "apps", appId, PAGES).size() >= MAX_PAGES) {
          throw new ApiException(Errors.relationshipInvalid("/data/relationships/app",
              "The app already has the maximum of " + MAX_PAGES + " custom product pages."));
        }
      });
    }
    if (ctx.type().equals(VERSIONS)) {
      if (ctx.kind() == WriteKind.CREATE) {
        Related.toOneId(ctx, PAGE).ifPresent(page -> refuseSecondVersionInTheWorks(ctx, page));
      }
    }
  }

  private static void refuseSecondVersionInTheWorks(WriteContext ctx, String pageId) {
    boolean inTheWorks = Related.all(ctx.resources(), PAGES, pageId, VERSIONS).stream()
        .anyMatch(version -> !DONE.contains(version.attributes().get("state")));
    if (inTheWorks) {
      throw new ApiException(Errors.relationshipInvalid("/data/relationships/" + PAGE,
          "You cannot create a new version of the custom product page in the current state."));
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE) {
      return;
    }
    if (ctx.type().equals(PAGES)) {
      setIfAbsent(ctx, "visible", false);
      Related.toOneId(ctx, "app").ifPresent(appId ->
          ctx.set("url", "https://apps.apple.com/app/id" + appId + "?ppid=" + ctx.id()));
      return;
    }
    setIfAbsent(ctx, "state", VersionStates.PREPARE_FOR_SUBMISSION);
    // A version created inline with its page has no page yet: it is the first.
    int previous = Related.toOneId(ctx, PAGE).map(page -> Related.all(ctx.resources(), PAGES, page, VERSIONS).size())
        .orElse(0);
    setIfAbsent(ctx, "version", String.valueOf(previous + 1));
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    // A client's page always has a version to fill in; the operator and demo data make what they say.
    if (ctx.type().equals(PAGES) && ctx.kind() == WriteKind.CREATE && ctx.origin() == Origin.CLIENT
        && Related.all(ctx.resources(), PAGES, ctx.id(), VERSIONS).isEmpty()) {
      ctx.resources().create(VERSIONS, Optional.empty(), Map.of(), Map.of(PAGE, List.of(ctx.id())));
    }
  }

  /** A page version needs a localization before review (media are checked by their own rules). */
  static Map<String, List<ApiError>> preconditions(ResourceAccess resources, StoredResource version) {
    if (Related.all(resources, VERSIONS, version.id(), "appCustomProductPageLocalizations").isEmpty()) {
      return Map.of("/v1/" + VERSIONS + "/" + version.id(), List.of(Errors.relationshipRequired(
          "/data/relationships/appCustomProductPageLocalizations", "appCustomProductPageLocalizations")
          .withDetail("A custom product page version needs at least one localization.")));
    }
    return Map.of();
  }

  /** Approved: the page's previously approved version is replaced by this one. */
  static void approve(ResourceAccess resources, Scheduler scheduler, StoredResource version, Instant now) {
    Related.one(resources, VERSIONS, version.id(), PAGE).ifPresent(page ->
        Related.all(resources, PAGES, page.id(), VERSIONS).stream()
            .filter(other -> !other.id().equals(version.id())
                && ReviewTargets.APPROVED.equals(other.attributes().get("state")))
            .forEach(other -> resources.update(VERSIONS, other.id(), Map.of("state", "REPLACED_WITH_NEW_VERSION"))));
    resources.update(VERSIONS, version.id(), Map.of("state", ReviewTargets.APPROVED));
  }

  private static void setIfAbsent(WriteContext ctx, String attribute, Object value) {
    if (ctx.attribute(attribute).isEmpty()) {
      ctx.set(attribute, value);
    }
  }
}
