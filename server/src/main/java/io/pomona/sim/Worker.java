package io.pomona.sim;

import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread that fires transitions as they come due: it fires what is due, then waits
 * until the next due time, at most {@link #LONGEST_WAIT} (so that a transition scheduled meanwhile
 * is noticed soon), or until {@link #wake} (a clock change, a policy change).
 */
final class Worker implements AutoCloseable {
  static final Duration LONGEST_WAIT = Duration.ofMillis(250);
  private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  private final IntSupplier fireDue;
  private final Supplier<Optional<Duration>> untilNextDue;
  private final Object monitor = new Object();
  private boolean woken;
  private volatile boolean running;
  private Thread thread;

  Worker(IntSupplier fireDue, Supplier<Optional<Duration>> untilNextDue) {
    this.fireDue = fireDue;
    this.untilNextDue = untilNextDue;
  }

  synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the worker is already started");
    }
    running = true;
    thread = Thread.ofPlatform().name("pomona-transitions").daemon().start(this::run);
  }

  void wake() {
    synchronized (monitor) {
      woken = true;
      monitor.notifyAll();
    }
  }

  @Override
  public synchronized void close() {
    running = false;
    wake();
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    while (running) {
      Duration wait;
      try {
        fireDue.getAsInt();
        wait = untilNextDue.get().filter(d -> d.compareTo(LONGEST_WAIT) < 0).orElse(LONGEST_WAIT);
      } catch (RuntimeException e) {
        // The database failed (a bug would have cancelled its transition instead): the rows stay
        // pending, so trying again shortly loses nothing.
        log.error("firing due transitions failed; trying again in {}", AFTER_FAILURE, e);
        wait = AFTER_FAILURE;
      }
      pause(wait);
    }
  }

  private void pause(Duration wait) {
    synchronized (monitor) {
      try {
        if (!woken && running && wait.isPositive()) {
          monitor.wait(Math.max(1, wait.toMillis()));
        }
      } catch (InterruptedException e) {
        running = false;
        Thread.currentThread().interrupt();
      } finally {
        woken = false;
      }
    }
  }
}
