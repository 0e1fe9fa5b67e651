package io.pomona.sim;

import io.pomona.behaviour.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an operator decides about a transition, acting as Apple: approve it (the step's usual
 * target), reject it or fail it (the step's alternative targets), with a reason.
 *
 * @param parts the ids of the parts of the resource the decision concerns, when it concerns only
 *     some (App Review rejecting one item of a review submission); empty: the whole resource. The
 *     behaviour of the resource reads them from the write's cause ({@code parts}).
 */
public record Decision(Outcome outcome, Optional<String> reason, List<String> parts) {
  public Decision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    parts = List.copyOf(parts);
  }

  public Decision(Outcome outcome, Optional<String> reason) {
    this(outcome, reason, List.of());
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
