package io.pomona.sim;

import io.pomona.behaviour.Behaviours;
import io.pomona.behaviour.Policy;
import io.pomona.behaviour.Process;
import io.pomona.engine.Resources;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.Event;
import io.pomona.store.Store;
import io.pomona.store.Transition;
import io.pomona.store.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Apple side's control plane, the one facade the operator surface calls: the simulated clock
 * (show, freeze, resume, advance, set), the processes and their policies, the scheduler (what is
 * due, fire it), the operator's decisions, and the recent transitions and events.
 *
 * <p>Clock and policy changes are kept in the store before they take effect, and every change that
 * can make transitions due fires them before it returns: after {@code advance(10s)} every
 * transition due within those 10 s has fired. Between changes a background worker ({@link
 * #startWorker}) fires transitions as real time makes them due.
 */
public final class Simulation implements AutoCloseable {
  static final String CLOCK_FROZEN_AT = "clock.frozenAtMillis";
  static final String CLOCK_OFFSET = "clock.offsetMillis";

  /** Firing rounds per call: a process whose steps have zero delays and loop must not spin for ever. */
  private static final int MOST_ROUNDS = 1_000;
  private static final int BATCH = 100;

  private final Store store;
  private final SimClock clock;
  private final Behaviours behaviours;
  private final Policies policies;
  private final Firing firing;
  private final Decisions decisions;
  private final Worker worker;
  private final Object changes = new Object();

  /**
   * Restores the clock kept in the store (a restart keeps an advanced or frozen clock).
   *
   * @param resources the engine's internal write path, through which transitions fire
   */
  public Simulation(Store store, SimClock clock, Behaviours behaviours, Policies policies, Resources resources) {
    this.store = store;
    this.clock = clock;
    this.behaviours = behaviours;
    this.policies = policies;
    this.firing = new Firing(store, resources, behaviours);
    this.decisions = new Decisions(store, firing);
    this.worker = new Worker(this::fireDue, this::untilNextDue);
    clock.apply(store.read(Simulation::keptClock));
  }

  /** Starts firing transitions in the background as they come due. */
  public void startWorker() {
    worker.start();
  }

  // ---- the clock ----

  public SimClock clock() {
    return clock;
  }

  public ClockState clockState() {
    return clock.state();
  }

  /** Stops the clock at the current simulated time. */
  public ClockState freeze() {
    return change(state -> state.freeze(clock.realInstant()));
  }

  /** Lets a frozen clock run again from where it stands. */
  public ClockState resume() {
    return change(state -> state.resume(clock.realInstant()));
  }

  /** Moves the clock forward; 400 for a negative duration. Fires what becomes due. */
  public ClockState advance(Duration by) {
    if (by.isNegative()) {
      throw new ApiException(Errors.invalidParameter("duration",
          "The clock only moves forward: " + by + " is negative; use set to go back."));
    }
    return change(state -> state.advance(by));
  }

  /**
   * Sets the simulated time (a frozen clock stays frozen there; a running one runs on from it).
   * Going back is allowed — transitions then fall due later — but before 1970 or after 9999 is a
   * 400.
   */
  public ClockState set(Instant to) {
    if (to.isBefore(Instant.EPOCH) || to.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
      throw new ApiException(Errors.invalidParameter("time", "The clock cannot be set to " + to + "."));
    }
    return change(state -> state.set(to, clock.realInstant()));
  }

  private ClockState change(java.util.function.UnaryOperator<ClockState> how) {
    ClockState changed;
    synchronized (changes) {
      changed = how.apply(clock.state());
      ClockState kept = changed;
      store.write(tx -> keep(tx, kept));
      clock.apply(changed);
    }
    fireDue();
    worker.wake();
    return changed;
  }

  private static ClockState keptClock(Tx tx) {
    Duration offset = tx.setting(CLOCK_OFFSET).map(Long::parseLong).map(Duration::ofMillis).orElse(Duration.ZERO);
    Optional<Instant> frozenAt = tx.setting(CLOCK_FROZEN_AT).map(Long::parseLong).map(Instant::ofEpochMilli);
    return new ClockState(frozenAt, offset);
  }

  private static void keep(Tx tx, ClockState state) {
    tx.putSetting(CLOCK_OFFSET, Long.toString(state.offset().toMillis()));
    if (state.frozenAt().isPresent()) {
      tx.putSetting(CLOCK_FROZEN_AT, Long.toString(state.frozenAt().get().toEpochMilli()));
    } else {
      tx.removeSetting(CLOCK_FROZEN_AT);
    }
  }

  // ---- processes and policies ----

  public List<Process> processes() {
    return behaviours.processes();
  }

  /** Every process's current policy, by name. */
  public Map<String, Policy> policies() {
    return policies.all();
  }

  /** 404 if there is no such process. */
  public Policy policy(String process) {
    return policies.of(process);
  }

  /**
   * Sets a process's policy from now on, kept across restarts (unless configuration sets it at
   * start-up). Its pending transitions follow at once: under a manual policy they await a
   * decision; under an automatic one they fall due {@code delay} after they were scheduled (at
   * once if that is past). 404 if there is no such process.
   */
  public Policy setPolicy(String processName, Policy policy) {
    Process process = behaviours.process(processName).orElseThrow(() -> Errors.notFound("processes", processName));
    synchronized (changes) {
      store.write(tx -> {
        tx.putSetting(Policies.SETTING_PREFIX + processName, policy.toString());
        for (Transition pending : tx.pendingTransitions(processName)) {
          if (pending.dueAt().isPresent() && process.stepFrom(pending.from()).isEmpty()) {
            continue; // started at a date the resource names (Scheduler#startAt): no policy re-times it
          }
          Optional<String> to = policy.isManual() ? Optional.empty()
              : process.stepFrom(pending.from()).map(step -> step.to()).or(pending::to);
          // A dated step keeps its date; a manual one that becomes automatic falls due after the delay.
          Optional<Instant> due = policy.isManual() || to.isEmpty() ? Optional.empty()
              : process.isDated() && pending.dueAt().isPresent() ? pending.dueAt()
              : Optional.of(pending.createdAt().plus(policy.delay()));
          tx.rescheduleTransition(pending.id(), to, due);
        }
      });
      policies.set(processName, policy);
    }
    fireDue();
    worker.wake();
    return policy;
  }

  // ---- the scheduler ----

  /**
   * Fires every transition due now on the simulated clock, including those that firing makes due
   * at once; returns how many fired (cancelled ones not counted). Safe to call from any thread, on
   * any node: each transition fires once.
   */
  public int fireDue() {
    int fired = 0;
    for (int round = 0; round < MOST_ROUNDS; round++) {
      Instant now = clock.instant();
      List<Transition> due = store.read(tx -> tx.dueTransitions(now, BATCH));
      if (due.isEmpty()) {
        return fired;
      }
      for (Transition transition : due) {
        Optional<Transition> ended = firing.fireDue(transition);
        if (ended.isPresent() && ended.get().state() == Transition.State.FIRED) {
          fired++;
        }
      }
    }
    return fired;
  }

  /** When the next timed transition is due on the simulated clock. */
  public Optional<Instant> nextDueAt() {
    return store.read(Tx::nextDueAt);
  }

  private Optional<Duration> untilNextDue() {
    Instant now = clock.instant();
    return nextDueAt().map(due -> due.isAfter(now) ? Duration.between(now, due) : Duration.ZERO);
  }

  /** The newest transitions, whatever their state, newest first (of every team when empty). */
  public List<Transition> transitions(Optional<String> teamId, int limit) {
    return store.read(tx -> tx.latestTransitions(teamId, limit));
  }

  public Optional<Transition> transition(long id) {
    return store.read(tx -> tx.findTransition(id));
  }

  // ---- decisions and events ----

  public Decisions decisions() {
    return decisions;
  }

  /** The newest events, newest first (of every team when empty). */
  public List<Event> latestEvents(Optional<String> teamId, int limit) {
    return store.read(tx -> tx.latestEvents(teamId, limit));
  }

  /** Stops the worker; the store stays open (its owner closes it). */
  @Override
  public void close() {
    worker.close();
  }
}
