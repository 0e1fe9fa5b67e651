package io.pomona.behaviour;

import java.util.Objects;
import java.util.Optional;

/**
 * One move Apple makes on its own: a resource in state {@code from} moves to {@code to} (when it
 * happens automatically, or when an operator approves), or to {@code rejectedTo} or {@code
 * failedTo} when an operator rejects or fails it.
 *
 * @param due for a dated step (a build expiring, an app event ending), when it falls due, read from
 *     the resource, instead of the policy's delay after the resource entered {@code from}
 */
public record Step(
    String from, String to, Optional<String> rejectedTo, Optional<String> failedTo, Optional<DueDate> due) {

  public Step {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(rejectedTo, "rejectedTo");
    Objects.requireNonNull(failedTo, "failedTo");
    Objects.requireNonNull(due, "due");
  }

  public Step(String from, String to, Optional<String> rejectedTo, Optional<String> failedTo) {
    this(from, to, rejectedTo, failedTo, Optional.empty());
  }

  /** A step that only moves on: approval is its one outcome. */
  public static Step of(String from, String to) {
    return new Step(from, to, Optional.empty(), Optional.empty());
  }

  public Step rejectingTo(String state) {
    return new Step(from, to, Optional.of(state), failedTo, due);
  }

  public Step failingTo(String state) {
    return new Step(from, to, rejectedTo, Optional.of(state), due);
  }

  /** The same step, falling due at the date in {@code attribute} of the resource. */
  public Step dueAt(String attribute) {
    return dueWhen(DueDate.attribute(attribute));
  }

  /** The same step, falling due when {@code rule} says, read from the resource's attributes. */
  public Step dueWhen(DueDate rule) {
    return new Step(from, to, rejectedTo, failedTo, Optional.of(rule));
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
