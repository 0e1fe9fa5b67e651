package io.pomona.domain.provisioning;

import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Devices (api-facts.md §8): the UDID must have a shape of the device's platform and is stored in
 * Apple's case; a UDID is registered once per team (409 {@code
 * ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE}, Apple's exact code Unv); the server fills in {@code
 * deviceClass}, {@code model}, {@code status} ENABLED and {@code addedDate}. Each product family
 * (device class) takes {@value #YEARLY_LIMIT} registrations per membership year, disabled devices
 * included — Pomona counts a rolling year, having no membership dates. There is no delete; disabling
 * a device invalidates the profiles that list it.
 */
final class DeviceRules implements Behaviour {
  static final String TYPE = "devices";
  static final int YEARLY_LIMIT = 100;
  private static final Duration MEMBERSHIP_YEAR = Duration.ofDays(365);

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE) {
      return;
    }
    String platform = ctx.stringAttribute("platform").orElseThrow(
        () -> new ApiException(Errors.attributeRequired("/data/attributes/platform", "platform")));
    if (!DeviceFormats.registrable(platform)) {
      throw new ApiException(Errors.attributeInvalid("/data/attributes/platform",
          "Devices are registered for IOS or MAC_OS, not " + platform + "."));
    }
    String given = ctx.stringAttribute("udid").orElseThrow(
        () -> new ApiException(Errors.attributeRequired("/data/attributes/udid", "udid")));
    String udid = DeviceFormats.normalizedUdid(platform, given).orElseThrow(() -> new ApiException(
        Errors.attributeInvalid("/data/attributes/udid", "'" + given + "' is not a valid " + platform
            + " UDID: expected " + DeviceFormats.shapesOf(platform) + ".")));
    if (!ctx.resources().find(TYPE, Map.of("udid", udid), 1).isEmpty()) {
      throw new ApiException(Errors.attributeDuplicate("/data/attributes/udid",
          "A device with UDID '" + udid + "' is already registered."));
    }
    String deviceClass = ctx.stringAttribute("deviceClass")
        .orElseGet(() -> DeviceFormats.deviceClass(platform, ctx.stringAttribute("name").orElse("")));
    requireBelowYearlyLimit(ctx, deviceClass);
    ctx.set("udid", udid);
    ctx.set("deviceClass", deviceClass);
  }

  private static void requireBelowYearlyLimit(WriteContext ctx, String deviceClass) {
    Instant yearAgo = ctx.now().minus(MEMBERSHIP_YEAR);
    long thisYear = ctx.resources().find(TYPE, Map.of("deviceClass", deviceClass), 10_000).stream()
        .filter(device -> AppleDates.parse(device.attributes().get("addedDate")).map(yearAgo::isBefore).orElse(true))
        .count();
    if (thisYear >= YEARLY_LIMIT) {
      throw new ApiException(Errors.attributeInvalid("/data/attributes/udid", "You have registered the maximum of "
          + YEARLY_LIMIT + " " + deviceClass + " devices for this membership year."));
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.CREATE) {
      if (ctx.attribute("model").isEmpty()) {
        ctx.set("model", DeviceFormats.model(ctx.stringAttribute("deviceClass").orElseThrow()));
      }
      if (ctx.attribute("status").isEmpty()) {
        ctx.set("status", "ENABLED");
      }
      if (ctx.attribute("addedDate").isEmpty()) {
        ctx.set("addedDate", AppleDates.format(ctx.now()));
      }
    }
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    boolean disabled = ctx.kind() == WriteKind.UPDATE && "DISABLED".equals(ctx.attributes().get("status"))
        && !"DISABLED".equals(ctx.previous().orElseThrow().attributes().get("status"));
    if (disabled) {
      ProfileInvalidation.invalidateReferring(ctx.resources(), "devices", ctx.id());
    }
  }
}
