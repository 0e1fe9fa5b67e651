package io.pomona.domain.testflight;

import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.store.StoredResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Beta groups (api-facts.md §14): a name unique within its app (case ignored, Inf), internal or
 * external, and for external groups a public link that can be enabled, with an optional limit
 * of testers (1 to 10,000). Apple fills in {@code createdDate} and, when the link is enabled, its
 * {@code publicLinkId} and {@code publicLink}.
 */
public final class BetaGroupRules implements Behaviour {
  static final int MOST_PUBLIC_LINK_TESTERS = 10_000;
  private static final String JOIN_URL = "https://testflight.apple.com/join/";
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  @Override
  public Set<String> resourceTypes() {
    return Set.of("betaGroups");
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.kind() == WriteKind.DELETE || ctx.origin() == Origin.OPERATOR) {
      return;
    }
    Optional<String> name = ctx.stringAttribute("name");
    String previousName = ctx.previous().map(p -> String.valueOf(p.attributes().get("name"))).orElse("");
    if (name.isPresent() && !name.get().equals(previousName)) {
      appOf(ctx).ifPresent(app -> refuseTakenName(ctx.resources(), app, ctx.id(), name.get()));
    }
    // Only what this write changes is checked: a relationship write leaves the attributes as they are.
    boolean linkChanged = changed(ctx, "publicLinkEnabled") || changed(ctx, "isInternalGroup");
    boolean internal = Boolean.TRUE.equals(ctx.attributes().get("isInternalGroup"));
    if (linkChanged && internal && Boolean.TRUE.equals(ctx.attributes().get("publicLinkEnabled"))) {
      throw TestFlightErrors.attributeInvalid("/data/attributes/publicLinkEnabled",
          "An internal group has no public link; only external groups can enable one.");
    }
    if (changed(ctx, "publicLinkLimit") && ctx.attributes().get("publicLinkLimit") instanceof Number limit
        && (limit.longValue() < 1 || limit.longValue() > MOST_PUBLIC_LINK_TESTERS)) {
      throw TestFlightErrors.attributeInvalid("/data/attributes/publicLinkLimit",
          "The public link limit must be between 1 and " + MOST_PUBLIC_LINK_TESTERS + "; it was " + limit + ".");
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.DELETE) {
      return;
    }
    if (ctx.kind() == WriteKind.CREATE) {
      defaultTo(ctx, "createdDate", AppleDates.format(ctx.now()));
      defaultTo(ctx, "isInternalGroup", false);
      defaultTo(ctx, "hasAccessToAllBuilds", false);
      defaultTo(ctx, "publicLinkEnabled", false);
      defaultTo(ctx, "publicLinkLimitEnabled", false);
      defaultTo(ctx, "feedbackEnabled", true);
    }
    if (Boolean.TRUE.equals(ctx.attributes().get("publicLinkEnabled")) && ctx.attribute("publicLinkId").isEmpty()) {
      String linkId = publicLinkId(ctx.id());
      ctx.set("publicLinkId", linkId);
      ctx.set("publicLink", JOIN_URL + linkId);
    }
  }

  private static boolean changed(WriteContext ctx, String name) {
    Object before = ctx.previous().map(p -> p.attributes().get(name)).orElse(null);
    return !java.util.Objects.equals(before, ctx.attributes().get(name));
  }

  private static void defaultTo(WriteContext ctx, String name, Object value) {
    if (ctx.attribute(name).isEmpty()) {
      ctx.set(name, value);
    }
  }

  private static Optional<String> appOf(WriteContext ctx) {
    Optional<String> given = ctx.relationships().getOrDefault("app", List.of()).stream().findFirst();
    return given.isPresent() ? given
        : ctx.resources().related("betaGroups", ctx.id(), "app", 1).stream().findFirst().map(StoredResource::id);
  }

  private static void refuseTakenName(ResourceAccess resources, String appId, String groupId, String name) {
    boolean taken = resources.related("apps", appId, "betaGroups", 1000).stream()
        .anyMatch(g -> !g.id().equals(groupId) && g.attributes().get("name") instanceof String other
            && other.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    if (taken) {
      throw TestFlightErrors.duplicate("/data/attributes/name",
          "The app already has a beta group named '" + name + "'.");
    }
  }

  /** Stable for the group (the same group always shows the same link), unguessable from outside. */
  private static String publicLinkId(String groupId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(groupId.getBytes(StandardCharsets.UTF_8));
      StringBuilder id = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        id.append(ALPHABET[(hash[i] & 0xff) % ALPHABET.length]);
      }
      return id.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
