package io.pomona.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.behaviour.Outcome;
import io.pomona.behaviour.Policy;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.sim.ClockState;
import io.pomona.sim.Decision;
import io.pomona.sim.Simulation;
import io.pomona.store.Event;
import io.pomona.store.Store;
import io.pomona.store.Transition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Apple side as the operator drives it: the simulated clock, process policies, pending
 * decisions, recent transitions and the event log, answered as JSON for the admin API and the
 * CLI. The work is {@link Simulation}'s; this class checks the operator's input (400s) and shapes
 * the answers.
 */
public final class SimulationAdmin {
  /** The most events or transitions one request returns. */
  public static final int MOST = 1_000;

  /** The latest simulated time the operator can reach (the simulation refuses to be set later). */
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final Simulation simulation;
  private final Store store;
  private final ObjectMapper json;
  private final StateJson stateJson;

  public SimulationAdmin(Simulation simulation, Store store, ObjectMapper json) {
    this.simulation = simulation;
    this.store = store;
    this.json = json;
    this.stateJson = new StateJson(json);
  }

  // ---- the clock ----

  /** {@code {now, realNow, frozen, frozenAt?, offsetMillis, nextDueAt?}}. */
  public ObjectNode clock() {
    return clockView(simulation.clockState());
  }

  public ObjectNode freeze() {
    return clockView(simulation.freeze());
  }

  public ObjectNode resume() {
    return clockView(simulation.resume());
  }

  /** Moves the clock forward and fires what falls due; 400 for a negative duration. */
  public ObjectNode advance(Duration by) {
    if (by.isNegative()) {
      throw Errors.entityInvalid("The clock only moves forward: " + by + " is negative; use set to go back.");
    }
    Instant target = simulation.clockState().at(simulation.clock().realInstant()).plus(by);
    if (target.isAfter(LATEST)) {
      throw Errors.entityInvalid("Advancing by " + by + " would take the clock past " + LATEST + ".");
    }
    return clockView(simulation.advance(by));
  }

  /** Sets the simulated time (a frozen clock stays frozen there). */
  public ObjectNode set(Instant to) {
    if (to.isBefore(Instant.EPOCH) || to.isAfter(LATEST)) {
      throw Errors.entityInvalid("'instant' must be from " + Instant.EPOCH + " to " + LATEST + "; got " + to);
    }
    return clockView(simulation.set(to));
  }

  private ObjectNode clockView(ClockState state) {
    ObjectNode node = json.createObjectNode();
    Instant real = simulation.clock().realInstant();
    node.put("now", state.at(real).toString());
    node.put("realNow", real.toString());
    node.put("frozen", state.frozen());
    state.frozenAt().ifPresent(at -> node.put("frozenAt", at.toString()));
    node.put("offsetMillis", state.offset().toMillis());
    simulation.nextDueAt().ifPresent(due -> node.put("nextDueAt", due.toString()));
    return node;
  }

  // ---- policies ----

  /** {@code {policies: {process: "auto:10s" | "manual"}}}. */
  public ObjectNode policies() {
    ObjectNode node = json.createObjectNode();
    ObjectNode policies = node.putObject("policies");
    simulation.policies().forEach((process, policy) -> policies.put(process, policy.toString()));
    return node;
  }

  /** Sets a process's policy from its text form; 400 for a bad policy, 404 for an unknown process. */
  public ObjectNode setPolicy(String process, String policyText) {
    Policy policy = simulation.setPolicy(process, Policy.parse(policyText, "policy"));
    ObjectNode node = json.createObjectNode();
    node.put("process", process);
    node.put("policy", policy.toString());
    return node;
  }

  // ---- decisions and transitions ----

  /** Transitions that await the operator, oldest first, of one team or all. */
  public ArrayNode pendingDecisions(Optional<String> teamId) {
    ArrayNode array = json.createArrayNode();
    simulation.decisions().pending(teamId).forEach(transition -> array.add(stateJson.transition(transition, true)));
    return array;
  }

  /**
   * Takes a decision: {@code approve}, {@code reject} or {@code fail} (the last two with a reason).
   * 400 for another word or a missing reason, 404 for an unknown transition, 409 if it already
   * ended or its step cannot end that way.
   */
  public ObjectNode decide(String transitionId, String decision, Optional<String> reason) {
    return decide(transitionId, decision, reason, List.of());
  }

  /**
   * Takes a decision that may concern only some parts of the resource ({@link Decision#parts}): a
   * rejection of some items of a review submission. 400 for parts of another decision.
   */
  public ObjectNode decide(String transitionId, String decision, Optional<String> reason, List<String> parts) {
    long id = transitionId(transitionId);
    Outcome outcome = switch (decision.toLowerCase(Locale.ROOT)) {
      case "approve" -> Outcome.APPROVE;
      case "reject" -> Outcome.REJECT;
      case "fail" -> Outcome.FAIL;
      default -> throw Errors.entityInvalid("'decision' must be approve, reject or fail; got '" + decision + "'");
    };
    Optional<String> given = reason.map(String::strip).filter(text -> !text.isEmpty());
    if (outcome != Outcome.APPROVE && given.isEmpty()) {
      throw Errors.entityInvalid("a " + decision.toLowerCase(Locale.ROOT) + " decision needs a 'reason'");
    }
    if (!parts.isEmpty() && outcome != Outcome.REJECT) {
      throw Errors.entityInvalid("only a reject decision names 'parts'");
    }
    Transition ended = simulation.decisions().decide(id, new Decision(outcome, given, parts));
    return stateJson.transition(ended, true);
  }

  /** The newest transitions, newest first, of one team or all. */
  public ArrayNode transitions(Optional<String> teamId, int limit) {
    ArrayNode array = json.createArrayNode();
    simulation.transitions(teamId, bounded(limit)).forEach(transition -> array.add(stateJson.transition(transition, true)));
    return array;
  }

  // ---- events ----

  /**
   * Events in the order they happened: those after {@code afterSeq} when given (oldest first, up to
   * {@code limit}), else the newest {@code limit}; of one team or of all.
   */
  public ArrayNode events(Optional<String> teamId, Optional<Long> afterSeq, int limit) {
    int bounded = bounded(limit);
    List<Event> events;
    if (afterSeq.isPresent()) {
      events = store.read(tx -> teamId.isPresent()
          ? tx.events(teamId.get(), afterSeq, bounded)
          : tx.eventsAfter(afterSeq.get(), bounded));
    } else {
      events = new ArrayList<>(simulation.latestEvents(teamId, bounded));
      java.util.Collections.reverse(events);
    }
    ArrayNode array = json.createArrayNode();
    events.forEach(event -> array.add(stateJson.event(event, true)));
    return array;
  }

  private static int bounded(int limit) {
    if (limit < 1 || limit > MOST) {
      throw new ApiException(Errors.invalidParameter("limit", "'limit' must be from 1 to " + MOST));
    }
    return limit;
  }

  private static long transitionId(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new ApiException(new ApiError(404, "NOT_FOUND", "The specified resource does not exist",
          "There is no decision with id '" + text + "'"));
    }
  }
}
