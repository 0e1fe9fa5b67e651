package io.pomona.domain.testflight;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.Policy;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.Process.Move;
import io.pomona.behaviour.Step;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Builds expire (api-facts.md §6.1): 90 days after upload on the simulated clock ({@link
 * BuildProcessing} sets {@code expirationDate}), or at once when a client PATCHes {@code expired:
 * true}, which is one-way. Expiry is stored, not derived at read time, so that {@code
 * filter[expired]} and sorting see it: a dated process moves the build's {@value #STATE} from
 * {@code ACTIVE} to {@code EXPIRED} at its {@code expirationDate}, and this behaviour keeps {@code
 * expired} in step with it. {@value #STATE} is Pomona's bookkeeping: no schema shows it, and
 * clients cannot write it (it is not an attribute of Apple's request bodies).
 */
public final class BuildExpiry implements Behaviour {
  static final String STATE = "expiryState";

  /** The process, by name {@code build-expiry}; its step falls due at the build's expirationDate. */
  public static final Process PROCESS = new Process(
      "build-expiry",
      "builds",
      STATE,
      "BUILD_EXPIRY_STATE_UPDATED",
      Set.of(new Move("ACTIVE", "EXPIRED")),
      List.of(Step.of("ACTIVE", "EXPIRED").dueAt("expirationDate")),
      // The delay only matters when an operator turns a manual policy back to automatic.
      Policy.auto(BuildProcessing.EXPIRES_AFTER));

  @Override
  public Set<String> resourceTypes() {
    return Set.of("builds");
  }

  @Override
  public List<Process> processes() {
    return List.of(PROCESS);
  }

  @Override
  public void validate(WriteContext ctx) {
    boolean wasExpired = ctx.previous().map(p -> Boolean.TRUE.equals(p.attributes().get("expired"))).orElse(false);
    if (ctx.kind() == WriteKind.UPDATE && ctx.origin() == Origin.CLIENT && wasExpired
        && Boolean.FALSE.equals(ctx.attributes().get("expired"))) {
      throw TestFlightErrors.attributeInvalid("/data/attributes/expired",
          "An expired build cannot be made available again; upload a new build.");
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.DELETE) {
      return;
    }
    boolean expired = Boolean.TRUE.equals(ctx.attributes().get("expired"));
    String state = ctx.stringAttribute(STATE).orElse("");
    String before = ctx.previous().map(p -> String.valueOf(p.attributes().get(STATE))).orElse("");
    if (ctx.kind() == WriteKind.CREATE && state.isEmpty()) {
      ctx.set(STATE, expired ? "EXPIRED" : "ACTIVE");
    } else if (expired && !state.equals("EXPIRED")) {
      ctx.set(STATE, "EXPIRED");
    } else if (state.equals("EXPIRED") && !before.equals("EXPIRED") && !expired) {
      ctx.set("expired", true);
    }
  }
}
