package io.pomona.behaviour;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A simulated process, declared as data (moto's managed state, style.md §1.2): the state attribute
 * of one resource type, the moves allowed between its values, and the {@link Step}s that Apple
 * takes on its own, each fired per the process's {@link Policy}.
 *
 * @param name a stable, URL-safe name (lowercase words and dashes, e.g. {@code build-processing})
 *     by which configuration and the operator set the policy
 * @param resourceType the type whose state moves, e.g. {@code builds}
 * @param stateAttribute the attribute holding the state, e.g. {@code processingState}
 * @param eventType the event recorded on every change of the state, e.g. {@code
 *     BUILD_PROCESSING_STATE_UPDATED}
 * @param moves the allowed {@code from → to} pairs
 * @param steps the moves Apple makes by itself, at most one per from-state
 * @param defaultPolicy the policy when neither configuration nor the operator chose one
 */
public record Process(
    String name,
    String resourceType,
    String stateAttribute,
    String eventType,
    Set<Move> moves,
    List<Step> steps,
    Policy defaultPolicy) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  /** An allowed change of the state attribute. */
  public record Move(String from, String to) {
    public Move {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  public Process {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("process name '" + name + "' is not lowercase-with-dashes");
    }
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(stateAttribute, "stateAttribute");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(defaultPolicy, "defaultPolicy");
    moves = Set.copyOf(moves);
    steps = List.copyOf(steps);
    Set<String> froms = new HashSet<>();
    for (Step step : steps) {
      if (!froms.add(step.from())) {
        throw new IllegalArgumentException(name + ": two steps leave " + step.from());
      }
      for (Outcome outcome : Outcome.values()) {
        Optional<String> to = step.target(outcome);
        if (to.isPresent() && !moves.contains(new Move(step.from(), to.get()))) {
          throw new IllegalArgumentException(
              name + ": step " + step.from() + " → " + to.get() + " is not an allowed move");
        }
      }
    }
  }

  /** The step Apple takes from {@code state}, if it takes one. */
  public Optional<Step> stepFrom(String state) {
    return steps.stream().filter(step -> step.from().equals(state)).findFirst();
  }

  public boolean allows(String from, String to) {
    return moves.contains(new Move(from, to));
  }

  /** The state in a set of attributes, when it is a string. */
  public Optional<String> stateIn(Map<String, Object> attributes) {
    return attributes.get(stateAttribute) instanceof String state
        ? Optional.of(state)
        : Optional.empty();
  }

  /**
   * Keeps the process in step with a write of its resource type (the engine calls this after
   * every write's {@code afterWrite} hooks): when the state changed (or was set on create), it
   * records {@link #eventType()} with the old and new state, cancels the transitions pending from
   * the state left and starts the step leaving the state entered. Deleting the resource cancels
   * its pending transitions.
   */
  public void follow(WriteContext ctx) {
    if (!ctx.type().equals(resourceType)) {
      return;
    }
    if (ctx.kind() == WriteKind.DELETE) {
      ctx.scheduler().cancel(this, ctx.id(), "the resource was deleted");
      return;
    }
    Optional<String> before = ctx.previous().flatMap(previous -> stateIn(previous.attributes()));
    Optional<String> after = stateIn(ctx.attributes());
    if (before.equals(after)) {
      return;
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("process", name);
    payload.put("origin", ctx.origin().name());
    payload.putAll(ctx.cause());
    ctx.events().record(eventType, before, after, payload);
    if (before.isPresent()) {
      ctx.scheduler().cancel(this, ctx.id(), "the state changed to " + after.orElse("none"));
    }
    after.flatMap(this::stepFrom).ifPresent(step -> {
      Optional<java.time.Instant> due = step.due().flatMap(rule -> rule.in(ctx.attributes()));
      if (due.isPresent()) {
        ctx.scheduler().startAt(this, ctx.id(), step, due.get());
      } else {
        ctx.scheduler().start(this, ctx.id(), step);
      }
    });
  }

  /**
   * Whether every step of this process falls due at a date of its resource (a build expiring):
   * the passing of time, not a decision of Apple's, so the policy configured for every process
   * ({@code *}) does not cover it; only a policy named for it does.
   */
  public boolean isDated() {
    // A process without steps of its own moves only at dates its behaviour names (Scheduler#startAt).
    return steps.stream().allMatch(step -> step.due().isPresent());
  }
}
