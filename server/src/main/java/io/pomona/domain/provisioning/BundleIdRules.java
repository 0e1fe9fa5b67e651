package io.pomona.domain.provisioning;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bundle IDs (api-facts.md §8). An identifier is reverse-DNS of letters, digits, hyphens and dots
 * (Unv), or a wildcard: {@code *} alone or after a final dot ({@code com.example.*}). It is unique
 * per team: Apple's is unique across all accounts, but Pomona's teams are independent sandboxes
 * and a clash with another team would leak that team's data. The clash is Apple's observed 409
 * {@code ENTITY_ERROR.ATTRIBUTE.INVALID} text. {@code seedId} (the App ID prefix) defaults to the
 * team id; another 10-character prefix is accepted, as older teams have them. A bundle ID that an app uses cannot be deleted (409
 * {@code STATE_ERROR}, Inf); deleting one disables its capabilities and invalidates its profiles.
 */
final class BundleIdRules implements Behaviour {
  static final String TYPE = "bundleIds";
  private static final String EXPLICIT = "[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*";
  private static final Pattern IDENTIFIER = Pattern.compile(EXPLICIT + "|(?:" + EXPLICIT + "\\.)?\\*");
  /** An App ID prefix: the team id or one of the legacy prefixes older teams still have (10 characters). */
  private static final Pattern SEED_ID = Pattern.compile("[A-Z0-9]{10}");
  /** Inf: Apple's form limits identifiers to 155 characters. */
  static final int LONGEST_IDENTIFIER = 155;

  static boolean isWildcard(String identifier) {
    return identifier.endsWith("*");
  }

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.kind() == WriteKind.CREATE) {
      validateNew(ctx);
    } else if (ctx.kind() == WriteKind.DELETE) {
      requireUnused(ctx);
    }
  }

  private static void validateNew(WriteContext ctx) {
    String identifier = ctx.stringAttribute("identifier").orElseThrow(
        () -> new ApiException(Errors.attributeRequired("/data/attributes/identifier", "identifier")));
    if (identifier.length() > LONGEST_IDENTIFIER || !IDENTIFIER.matcher(identifier).matches()) {
      throw new ApiException(Errors.attributeInvalid("/data/attributes/identifier", "'" + identifier
          + "' is not a valid bundle ID: use reverse-DNS letters, digits, hyphens and dots (com.example.app),"
          + " or a wildcard ending in .* (com.example.*)."));
    }
    if (!ctx.resources().find(TYPE, Map.of("identifier", identifier), 1).isEmpty()) {
      throw new ApiException(Errors.attributeInvalid("/data/attributes/identifier",
          "An App ID with Identifier '" + identifier + "' is not available. Please enter a different string."));
    }
    String seedId = ctx.stringAttribute("seedId").orElse(ctx.teamId());
    if (!SEED_ID.matcher(seedId).matches()) {
      throw new ApiException(Errors.attributeInvalid("/data/attributes/seedId",
          "'" + seedId + "' is not an App ID prefix: 10 upper-case letters and digits, such as the team id '"
              + ctx.teamId() + "'."));
    }
    ctx.set("seedId", seedId);
  }

  private static void requireUnused(WriteContext ctx) {
    Object identifier = ctx.attributes().get("identifier");
    boolean linked = !ctx.resources().related(TYPE, ctx.id(), "app", 1).isEmpty();
    boolean named = identifier instanceof String text && !ctx.resources().find("apps", Map.of("bundleId", text), 1)
        .isEmpty();
    if (linked || named) {
      throw Errors.stateConflict("The bundle ID '" + identifier + "' is used by an app and cannot be deleted.");
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.DELETE) {
      return;
    }
    ProfileInvalidation.invalidateReferring(ctx.resources(), "bundleId", ctx.id());
    for (StoredResource capability : ctx.resources().related(TYPE, ctx.id(), CapabilityRules.TYPE, 1_000)) {
      ctx.resources().delete(CapabilityRules.TYPE, capability.id());
    }
  }
}
