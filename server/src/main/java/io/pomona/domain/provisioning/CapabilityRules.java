package io.pomona.domain.provisioning;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.domain.provisioning.CapabilityCatalog.Capability;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bundle ID capabilities (api-facts.md §8): enabled by POST on a bundle ID, settings changed by
 * PATCH, disabled by DELETE. A capability is enabled at most once per bundle ID; app-specific
 * capabilities are refused on wildcard bundle IDs; settings are checked and normalized by {@link
 * CapabilitySettings}; the type of an enabled capability cannot change. Any change invalidates the
 * bundle ID's profiles, as Apple's does.
 */
final class CapabilityRules implements Behaviour {
  static final String TYPE = "bundleIdCapabilities";
  private static final String TYPE_POINTER = "/data/attributes/capabilityType";
  private static final int MOST_CAPABILITIES = 1_000;

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.kind() == WriteKind.DELETE) {
      return;
    }
    String capabilityType = ctx.stringAttribute("capabilityType")
        .orElseThrow(() -> new ApiException(Errors.attributeRequired(TYPE_POINTER, "capabilityType")));
    Capability capability = CapabilityCatalog.of(capabilityType)
        .orElseThrow(() -> new ApiException(Errors.attributeInvalid(TYPE_POINTER,
            "'" + capabilityType + "' is not a capability type")));
    if (ctx.kind() == WriteKind.UPDATE) {
      Object before = ctx.previous().orElseThrow().attributes().get("capabilityType");
      if (!capabilityType.equals(before)) {
        throw new ApiException(Errors.attributeInvalid(TYPE_POINTER, "An enabled capability keeps its type ("
            + before + "); disable it and enable " + capabilityType + " instead."));
      }
    } else {
      bundleIdOf(ctx).ifPresent(bundleId -> requireAllowedOn(ctx, bundleId, capability));
    }
    Object sent = ctx.attributes().get("settings");
    ctx.set("settings", CapabilitySettings.stored(sent, CapabilitySettings.chosen(capability, sent)));
  }

  private static void requireAllowedOn(WriteContext ctx, StoredResource bundleId, Capability capability) {
    Object identifier = bundleId.attributes().get("identifier");
    if (!capability.wildcardAllowed() && identifier instanceof String text && BundleIdRules.isWildcard(text)) {
      throw new ApiException(Errors.attributeInvalid(TYPE_POINTER, "The capability " + capability.type()
          + " cannot be enabled on the wildcard bundle ID '" + text + "'; use an explicit one."));
    }
    boolean enabled = ctx.resources().related(BundleIdRules.TYPE, bundleId.id(), TYPE, MOST_CAPABILITIES).stream()
        .anyMatch(existing -> capability.type().equals(existing.attributes().get("capabilityType")));
    if (enabled) {
      throw new ApiException(Errors.attributeDuplicate(TYPE_POINTER, "The capability " + capability.type()
          + " is already enabled on bundle ID '" + identifier + "'."));
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.DELETE) {
      invalidateProfiles(ctx); // before the edge to the bundle ID goes with the row
    }
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.DELETE) {
      invalidateProfiles(ctx);
    }
  }

  private static void invalidateProfiles(WriteContext ctx) {
    bundleIdOf(ctx).ifPresent(bundleId ->
        ProfileInvalidation.invalidateReferring(ctx.resources(), "bundleId", bundleId.id()));
  }

  /** The capability's bundle ID: named by the create request, else linked. */
  private static Optional<StoredResource> bundleIdOf(WriteContext ctx) {
    List<String> named = ctx.relationships().getOrDefault("bundleId", List.of());
    if (!named.isEmpty()) {
      return ctx.resources().get(BundleIdRules.TYPE, named.get(0));
    }
    return ctx.resources().related(TYPE, ctx.id(), "bundleId", 1).stream().findFirst();
  }

  static Map<String, String> chosenOptions(StoredResource capability) {
    return CapabilitySettings.fromStored(capability.attributes().get("settings"));
  }
}
