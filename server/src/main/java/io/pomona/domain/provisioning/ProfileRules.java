package io.pomona.domain.provisioning;

import io.pomona.behaviour.AppleDates;
import io.pomona.account.Team;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.domain.provisioning.ProfileKinds.Kind;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Provisioning profiles (api-facts.md §8). A create is checked as Apple checks it — a unique name;
 * a bundle ID of a platform the type fits; certificates of the kinds the type takes, unexpired,
 * exactly one for distribution types (Obs); enabled devices of the right platform for development
 * and ad hoc, none for the others — and then built: the plist ({@link ProfileBuilder}) signed by
 * Pomona's CA ({@link ProfileSigner}) becomes {@code profileContent}, with {@code uuid}, {@code
 * platform}, {@code createdDate}, {@code expirationDate} (a year, or sooner when a certificate
 * expires sooner) and {@code profileState} ACTIVE. Profiles are never patched by clients (no PATCH
 * in the API); the only update is {@link ProfileInvalidation}'s.
 *
 * <p>An operator (import, demo data) records a profile as given: Apple's checks and the building
 * are for clients' creates.
 */
final class ProfileRules implements Behaviour {
  static final String TYPE = ProfileInvalidation.TYPE;
  static final Duration VALIDITY = Duration.ofDays(365);
  private static final String CERTIFICATES = "/data/relationships/certificates";
  private static final String DEVICES = "/data/relationships/devices";
  private static final int MOST_CAPABILITIES = 1_000;

  private final ProfileSigner signer;
  private final Function<String, Optional<Team>> teams;

  ProfileRules(ProfileSigner signer, Function<String, Optional<Team>> teams) {
    this.signer = signer;
    this.teams = teams;
  }

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE || ctx.origin() != Origin.CLIENT) {
      return; // Apple's checks bind clients; an operator (import, demo data) may record any profile
    }
    Kind kind = ProfileKinds.of(ctx.stringAttribute("profileType").orElseThrow());
    List<ApiError> problems = new ArrayList<>();
    String name = ctx.stringAttribute("name").orElse("");
    if (!ctx.resources().find(TYPE, Map.of("name", name), 1).isEmpty()) {
      problems.add(Errors.attributeDuplicate("/data/attributes/name",
          "A profile named '" + name + "' already exists."));
    }
    bundleId(ctx).ifPresent(bundleId -> {
      Object platform = bundleId.attributes().get("platform");
      if (!kind.bundlePlatforms().contains(platform)) {
        problems.add(Errors.relationshipInvalid("/data/relationships/bundleId/data", "A " + kind.profileType()
            + " profile needs a bundle ID for " + String.join(" or ", ProfileKinds.sorted(kind.bundlePlatforms()))
            + ", not " + platform + "."));
      }
    });
    checkCertificates(ctx, kind, problems);
    checkDevices(ctx, kind, problems);
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
  }

  private static void checkCertificates(WriteContext ctx, Kind kind, List<ApiError> problems) {
    List<String> ids = ctx.relationships().getOrDefault("certificates", List.of());
    if (ids.isEmpty()) {
      problems.add(Errors.relationshipRequired(CERTIFICATES, "certificates"));
      return;
    }
    if (kind.distribution() != ProfileKinds.Distribution.DEVELOPMENT && ids.size() != 1) {
      problems.add(Errors.relationshipInvalid(CERTIFICATES + "/data", "A " + kind.profileType()
          + " profile takes exactly one distribution certificate; got " + ids.size() + "."));
    }
    for (int i = 0; i < ids.size(); i++) {
      String pointer = CERTIFICATES + "/data/" + i;
      Optional<StoredResource> certificate = ctx.resources().get(CertificateRules.TYPE, ids.get(i));
      if (certificate.isEmpty()) {
        continue; // the link itself reports a certificate the team does not have
      }
      Object type = certificate.get().attributes().get("certificateType");
      if (!kind.certificateTypes().contains(type)) {
        problems.add(Errors.relationshipInvalid(pointer, "A " + kind.profileType() + " profile takes "
            + String.join(" or ", ProfileKinds.sorted(kind.certificateTypes())) + " certificates, not " + type + "."));
      } else if (expiry(certificate.get()).map(expires -> !expires.isAfter(ctx.now())).orElse(false)) {
        problems.add(Errors.relationshipInvalid(pointer, "The certificate '" + ids.get(i) + "' has expired."));
      }
    }
  }

  private static void checkDevices(WriteContext ctx, Kind kind, List<ApiError> problems) {
    List<String> ids = ctx.relationships().getOrDefault("devices", List.of());
    if (kind.devicePlatform().isEmpty()) {
      if (!ids.isEmpty()) {
        problems.add(Errors.relationshipInvalid(DEVICES + "/data", "A " + kind.profileType()
            + " profile takes no devices."));
      }
      return;
    }
    if (ids.isEmpty()) {
      problems.add(Errors.relationshipRequired(DEVICES, "devices"));
      return;
    }
    String platform = kind.devicePlatform().get();
    for (int i = 0; i < ids.size(); i++) {
      Optional<StoredResource> device = ctx.resources().get(DeviceRules.TYPE, ids.get(i));
      if (device.isEmpty()) {
        continue;
      }
      Map<String, Object> attributes = device.get().attributes();
      if (!platform.equals(attributes.get("platform"))) {
        problems.add(Errors.relationshipInvalid(DEVICES + "/data/" + i, "The device '" + ids.get(i) + "' is a "
            + attributes.get("platform") + " device; a " + kind.profileType() + " profile takes " + platform
            + " devices."));
      } else if (!"ENABLED".equals(attributes.get("status"))) {
        problems.add(Errors.relationshipInvalid(DEVICES + "/data/" + i, "The device '" + ids.get(i)
            + "' is disabled."));
      }
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE || ctx.origin() != Origin.CLIENT) {
      return;
    }
    Kind kind = ProfileKinds.of(ctx.stringAttribute("profileType").orElseThrow());
    Optional<StoredResource> bundleId = bundleId(ctx);
    List<StoredResource> certificates = existing(ctx, CertificateRules.TYPE, "certificates");
    if (bundleId.isEmpty() || certificates.size() != ctx.relationships().getOrDefault("certificates", List.of()).size()) {
      return; // linking reports the missing resources, and the write rolls back
    }
    Team team = teams.apply(ctx.teamId())
        .orElseThrow(() -> new IllegalStateException("no team " + ctx.teamId() + " for a write in it"));
    List<StoredResource> capabilities = ctx.resources().related(BundleIdRules.TYPE, bundleId.get().id(),
        CapabilityRules.TYPE, MOST_CAPABILITIES);
    // Whole seconds: the plist's dates have no fractions, and the attributes should read the same.
    // Whole seconds: the plist's dates have no fractions, and the attributes should read the same.
    Instant created = ctx.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant expires = certificates.stream().map(ProfileRules::expiry).flatMap(Optional::stream)
        .reduce(created.plus(VALIDITY), (a, b) -> a.isBefore(b) ? a : b);
    String uuid = UUID.nameUUIDFromBytes(("pomona-profile:" + ctx.teamId() + ":" + ctx.id())
        .getBytes(StandardCharsets.UTF_8)).toString();
    Map<String, Object> bundle = bundleId.get().attributes();
    byte[] plist = ProfileBuilder.plist(new ProfileBuilder.Inputs(kind, ctx.stringAttribute("name").orElseThrow(),
        uuid, team.id(), team.name(), String.valueOf(bundle.get("name")),
        String.valueOf(bundle.getOrDefault("seedId", team.id())), String.valueOf(bundle.get("identifier")),
        capabilities.stream().map(CapabilityRules::chosenOptions).toList(),
        capabilities.stream().map(c -> String.valueOf(c.attributes().get("capabilityType"))).toList(),
        certificates.stream().map(ProfileRules::der).flatMap(Optional::stream).toList(),
        existing(ctx, DeviceRules.TYPE, "devices").stream().map(d -> String.valueOf(d.attributes().get("udid")))
            .toList(),
        created, expires));
    ctx.set("uuid", uuid);
    ctx.set("platform", kind.apiPlatform());
    ctx.set("createdDate", AppleDates.format(created));
    ctx.set("expirationDate", AppleDates.format(expires));
    ctx.set("profileState", ProfileInvalidation.ACTIVE);
    ctx.set("profileContent", signer.sign(plist));
  }

  private static Optional<StoredResource> bundleId(WriteContext ctx) {
    return ctx.relationships().getOrDefault("bundleId", List.of()).stream().findFirst()
        .flatMap(id -> ctx.resources().get(BundleIdRules.TYPE, id));
  }

  private static List<StoredResource> existing(WriteContext ctx, String type, String relationship) {
    return ctx.relationships().getOrDefault(relationship, List.of()).stream()
        .map(id -> ctx.resources().get(type, id)).flatMap(Optional::stream).toList();
  }

  /**
   * A certificate's DER. Pomona-issued ones always have it; one an operator recorded without valid
   * content is left out of the profile rather than failing the client's request.
   */
  private static Optional<byte[]> der(StoredResource certificate) {
    if (!(certificate.attributes().get("certificateContent") instanceof String content)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getMimeDecoder().decode(content));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> expiry(StoredResource certificate) {
    return AppleDates.parse(certificate.attributes().get("expirationDate"));
  }
}
