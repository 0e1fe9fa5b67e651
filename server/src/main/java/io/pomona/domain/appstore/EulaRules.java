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
import java.util.Set;

/**
 * An app's custom license agreement (OpenAPI {@code EndUserLicenseAgreement*}; App Store Connect
 * Help, "provide a custom license agreement"): one per app (the app's {@code
 * endUserLicenseAgreement} is to-one; a second → 409 at {@code /data/relationships/app}, Inf: Apple's
 * page edits the one agreement), a text that is not blank, and at least one territory where it
 * applies (elsewhere Apple's standard agreement does).
 */
public final class EulaRules implements Behaviour {
  static final String TYPE = "endUserLicenseAgreements";

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT || ctx.kind() == WriteKind.DELETE) {
      return;
    }
    List<ApiError> problems = new ArrayList<>();
    if (ctx.kind() == WriteKind.CREATE) {
      Related.toOneId(ctx, "app").flatMap(appId -> Related.one(ctx.resources(), "apps", appId,
          "endUserLicenseAgreement")).ifPresent(existing -> problems.add(Errors.relationshipInvalid(
              "/data/relationships/app", "The app already has a license agreement ('" + existing.id()
                  + "'); change that one instead.")));
    }
    ctx.stringAttribute("agreementText").filter(String::isBlank).ifPresent(text ->
        problems.add(Errors.attributeInvalid("/data/attributes/agreementText", "The agreement text is empty.")));
    if (ctx.relationships().containsKey("territories") && ctx.relationships().get("territories").isEmpty()) {
      problems.add(Errors.relationshipInvalid("/data/relationships/territories",
          "A license agreement applies in at least one territory."));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
  }
}
