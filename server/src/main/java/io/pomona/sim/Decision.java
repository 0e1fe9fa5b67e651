package io.pomona.sim;

import io.pomona.behaviour.Outcome;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator decides about a transition, acting as Apple: approve it (the step's usual
 * target), reject it or fail it (the step's alternative targets), with a reason.
 */
public record Decision(Outcome outcome, Optional<String> reason) {
  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  public static Decision approve() {
    return new Decision(Outcome.APPROVE, Optional.empty());
  }

  public static Decision reject(String reason) {
    return new Decision(Outcome.REJECT, Optional.of(reason));
  }

  public static Decision fail(String reason) {
    return new Decision(Outcome.FAIL, Optional.of(reason));
  }
}
