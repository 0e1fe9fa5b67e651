package io.pomona.behaviour;

import java.util.Objects;
import java.util.Optional;

/**
 * One move Apple makes on its own: a resource in state {@code from} moves to {@code to} (when it
 * happens automatically, or when an operator approves), or to {@code rejectedTo} or {@code
 * failedTo} when an operator rejects or fails it.
 */
public record Step(String from, String to, Optional<String> rejectedTo, Optional<String> failedTo) {

  public Step {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(rejectedTo, "rejectedTo");
    Objects.requireNonNull(failedTo, "failedTo");
  }

  /** A step that only moves on: approval is its one outcome. */
  public static Step of(String from, String to) {
    return new Step(from, to, Optional.empty(), Optional.empty());
  }

  public Step rejectingTo(String state) {
    return new Step(from, to, Optional.of(state), failedTo);
  }

  public Step failingTo(String state) {
    return new Step(from, to, rejectedTo, Optional.of(state));
  }

  /** Where the resource goes on {@code outcome}; empty if this step cannot end that way. */
  public Optional<String> target(Outcome outcome) {
    return switch (outcome) {
      case APPROVE -> Optional.of(to);
      case REJECT -> rejectedTo;
      case FAIL -> failedTo;
    };
  }
}
