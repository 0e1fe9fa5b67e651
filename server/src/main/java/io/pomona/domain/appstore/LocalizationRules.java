package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata texts of a version, an app, a custom product page, an app event and an experiment's
 * treatment ({@link TextRules}): length limits, URLs, a known locale and one localization per locale (a second → 409 {@code ATTRIBUTE.INVALID.DUPLICATE} at
 * {@code /data/attributes/locale}). A version's localizations change only while the version is
 * editable, except {@code promotionalText}, which Apple lets developers change at any time (App
 * Store Connect Help, "promotional text").
 */
public final class LocalizationRules implements Behaviour {
  /** The parent of each localized type: one localization per locale per parent. */
  private static final Map<String, String> PARENT = Map.of(
      "appStoreVersionLocalizations", "appStoreVersion",
      "appInfoLocalizations", "appInfo",
      "appCustomProductPageLocalizations", "appCustomProductPageVersion",
      "appEventLocalizations", "appEvent",
      "appStoreVersionExperimentTreatmentLocalizations", "appStoreVersionExperimentTreatment");
  private static final String ANY_STATE = "promotionalText";

  @Override
  public Set<String> resourceTypes() {
    Set<String> types = new java.util.HashSet<>(PARENT.keySet());
    types.addAll(TextRules.LIMITS.keySet());
    return Set.copyOf(types);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT) {
      return;
    }
    if (ctx.type().equals("appStoreVersionLocalizations")) {
      requireEditableVersion(ctx);
    }
    if (ctx.kind() == WriteKind.DELETE) {
      return;
    }
    List<ApiError> problems = new ArrayList<>();
    TextRules.LIMITS.getOrDefault(ctx.type(), Map.of()).forEach((name, limit) ->
        ctx.stringAttribute(name).filter(text -> text.codePointCount(0, text.length()) > limit).ifPresent(text ->
            problems.add(Errors.attributeInvalid("/data/attributes/" + name, "'" + name + "' is "
                + text.codePointCount(0, text.length()) + " characters long; at most " + limit + " are allowed."))));
    TextRules.URLS.getOrDefault(ctx.type(), List.of()).forEach(name ->
        ctx.stringAttribute(name).filter(url -> !TextRules.isWebUrl(url)).ifPresent(url ->
            problems.add(Errors.attributeInvalid("/data/attributes/" + name,
                "'" + url + "' is not an http or https URL."))));
    if (ctx.kind() == WriteKind.CREATE && PARENT.containsKey(ctx.type())) {
      ctx.stringAttribute("locale").ifPresent(locale -> localeProblem(ctx, locale).ifPresent(problems::add));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
  }

  private static Optional<ApiError> localeProblem(WriteContext ctx, String locale) {
    if (!TextRules.LOCALES.contains(locale)) {
      return Optional.of(Errors.attributeInvalid("/data/attributes/locale",
          "'" + locale + "' is not a locale of the App Store."));
    }
    String parentRelationship = PARENT.get(ctx.type());
    Optional<String> parent = Related.toOneId(ctx, parentRelationship);
    boolean taken = parent.isPresent() && ctx.resources()
        .referrers(ctx.type(), parentRelationship, parent.get(), Related.MANY).stream()
        .anyMatch(other -> locale.equals(other.attributes().get("locale")));
    return taken
        ? Optional.of(Errors.attributeDuplicate("/data/attributes/locale",
            "A localization for locale '" + locale + "' already exists."))
        : Optional.empty();
  }

  private static void requireEditableVersion(WriteContext ctx) {
    Optional<String> versionId = Related.toOneId(ctx, "appStoreVersion");
    Optional<String> state = versionId.flatMap(id -> ctx.resources().get(AppStoreVersionRules.TYPE, id))
        .flatMap(version -> Related.text(version, "appVersionState"));
    if (VersionStates.editable(state)) {
      return;
    }
    if (ctx.kind() != WriteKind.UPDATE) {
      throw new ApiException(Errors.entityStateInvalid("/data/relationships/appStoreVersion",
          AppStoreVersionRules.TYPE, versionId.orElse("")));
    }
    for (String name : ctx.attributes().keySet()) {
      if (!name.equals(ANY_STATE) && AppStoreVersionRules.changed(ctx, name)) {
        throw new ApiException(Errors.entityStateInvalid("/data/attributes/" + name, AppStoreVersionRules.TYPE,
            versionId.orElse("")));
      }
    }
  }
}
