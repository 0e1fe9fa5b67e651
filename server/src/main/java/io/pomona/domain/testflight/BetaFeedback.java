package io.pomona.domain.testflight;

import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Policy;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.Process.Move;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.Step;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.store.StoredResource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Testers send feedback (the Apple side's part of TestFlight): once a build is in beta testing,
 * the process {@code beta-feedback} waits (an hour by default, or an operator's decision) and then
 * one of its testers sends a screenshot submission and a crash submission with its crash log,
 * which Apple's {@code BETA_FEEDBACK_*_SUBMISSION_CREATED} webhooks report. One round per build
 * (Inf: a stand-in for the stream real testers produce); the content is plausible, chosen from
 * the build's own id so that it is stable. {@value #STATE} is Pomona's bookkeeping on the build,
 * shown by no schema.
 */
public final class BetaFeedback implements Behaviour {
  static final String STATE = "feedbackState";

  /** The process, by name {@code beta-feedback}. */
  public static final Process PROCESS = new Process(
      "beta-feedback",
      "builds",
      STATE,
      "BUILD_FEEDBACK_STATE_UPDATED",
      Set.of(new Move("AWAITING", "RECEIVED")),
      List.of(Step.of("AWAITING", "RECEIVED")),
      Policy.auto(Duration.ofHours(1)));

  private static final List<String> SCREENSHOT_COMMENTS = List.of(
      "The button on the settings screen is cut off in landscape.",
      "Text overlaps the image on the first screen.",
      "Dark mode: this label is unreadable.");
  private static final List<String> CRASH_COMMENTS = List.of(
      "It closed when I rotated the phone.",
      "Crashed right after I tapped Share.",
      "The app quit while loading.");
  private static final List<String> DEVICES = List.of("iPhone15,2", "iPhone16,1", "iPad14,3");

  @Override
  public Set<String> resourceTypes() {
    return Set.of("builds", "buildBetaDetails");
  }

  @Override
  public List<Process> processes() {
    return List.of(PROCESS);
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.UPDATE) {
      return;
    }
    if (ctx.type().equals("buildBetaDetails") && inTesting(ctx.attributes())
        && !ctx.previous().map(p -> inTesting(p.attributes())).orElse(false)) {
      ctx.resources().related("buildBetaDetails", ctx.id(), "build", 1).stream()
          .filter(build -> build.attributes().get(STATE) == null)
          .forEach(build -> ctx.resources().update("builds", build.id(), Map.of(STATE, "AWAITING")));
    } else if (ctx.type().equals("builds") && "RECEIVED".equals(ctx.attributes().get(STATE))
        && !"RECEIVED".equals(ctx.previous().map(p -> p.attributes().get(STATE)).orElse(null))) {
      send(ctx);
    }
  }

  private static boolean inTesting(Map<String, Object> detail) {
    return "IN_BETA_TESTING".equals(detail.get("internalBuildState"))
        || "IN_BETA_TESTING".equals(detail.get("externalBuildState"));
  }

  private static void send(WriteContext ctx) {
    ResourceAccess resources = ctx.resources();
    Optional<StoredResource> app = resources.related("builds", ctx.id(), "app", 1).stream().findFirst();
    Optional<StoredResource> tester = testerOf(resources, ctx.id());
    int pick = Math.floorMod(ctx.id().hashCode(), SCREENSHOT_COMMENTS.size());
    Map<String, List<String>> links = new LinkedHashMap<>();
    links.put("build", List.of(ctx.id()));
    tester.ifPresent(t -> links.put("tester", List.of(t.id())));

    Map<String, Object> screenshot = device(ctx, tester, pick);
    screenshot.put("comment", SCREENSHOT_COMMENTS.get(pick));
    screenshot.put("screenshots", List.of());
    String screenshotId = resources.create("betaFeedbackScreenshotSubmissions", Optional.empty(), screenshot, links)
        .id();

    String crashLog = resources.create("betaCrashLogs", Optional.empty(), Map.of("logText", crashLogText(ctx, pick)),
        Map.of()).id();
    Map<String, Object> crash = device(ctx, tester, pick);
    crash.put("comment", CRASH_COMMENTS.get(pick));
    Map<String, List<String>> crashLinks = new LinkedHashMap<>(links);
    crashLinks.put("crashLog", List.of(crashLog));
    String crashId = resources.create("betaFeedbackCrashSubmissions", Optional.empty(), crash, crashLinks).id();

    app.ifPresent(a -> {
      resources.addLinks("apps", a.id(), "betaFeedbackScreenshotSubmissions", List.of(screenshotId));
      resources.addLinks("apps", a.id(), "betaFeedbackCrashSubmissions", List.of(crashId));
    });
  }

  /** A tester who has the build: one of its groups', else one invited to it alone. */
  private static Optional<StoredResource> testerOf(ResourceAccess resources, String buildId) {
    for (StoredResource group : resources.related("builds", buildId, "betaGroups", 50)) {
      Optional<StoredResource> tester = resources.related("betaGroups", group.id(), "betaTesters", 1).stream()
          .findFirst();
      if (tester.isPresent()) {
        return tester;
      }
    }
    return resources.related("builds", buildId, "individualTesters", 1).stream().findFirst();
  }

  private static Map<String, Object> device(WriteContext ctx, Optional<StoredResource> tester, int pick) {
    Map<String, Object> device = new LinkedHashMap<>();
    device.put("createdDate", AppleDates.format(ctx.now()));
    tester.map(t -> t.attributes().get("email")).ifPresent(email -> device.put("email", email));
    device.put("deviceModel", DEVICES.get(pick));
    device.put("osVersion", "18." + pick);
    device.put("locale", "en-US");
    device.put("timeZone", "America/Los_Angeles");
    device.put("architecture", "arm64e");
    device.put("connectionType", "WIFI");
    device.put("appUptimeInMilliseconds", 60_000L + pick * 17_000L);
    device.put("diskBytesAvailable", 48_000_000_000L);
    device.put("diskBytesTotal", 128_000_000_000L);
    device.put("batteryPercentage", 80 - pick * 10);
    device.put("screenWidthInPoints", pick == 2 ? 820 : 393);
    device.put("screenHeightInPoints", pick == 2 ? 1180 : 852);
    device.put("appPlatform", "IOS");
    device.put("devicePlatform", "IOS");
    device.put("deviceFamily", pick == 2 ? "IPAD" : "IPHONE");
    return device;
  }

  private static String crashLogText(WriteContext ctx, int pick) {
    return "Incident Identifier: " + ctx.id() + "\n"
        + "Hardware Model:      " + DEVICES.get(pick) + "\n"
        + "Date/Time:           " + AppleDates.format(ctx.now()) + "\n"
        + "OS Version:          iOS 18." + pick + "\n\n"
        + "Exception Type:  EXC_CRASH (SIGABRT)\n"
        + "Triggered by Thread:  0\n\n"
        + "Thread 0 Crashed:\n"
        + "0   libsystem_kernel.dylib  0x00000001e3a1b2c4 __pthread_kill + 8\n"
        + "1   libsystem_c.dylib       0x00000001b2f1a0c0 abort + 180\n";
  }
}
