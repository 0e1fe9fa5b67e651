package io.pomona.sim.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.engine.Engine;
import io.pomona.store.Store;
import io.pomona.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook delivery worker of a running Pomona. One thread polls the event log ({@link
 * WebhookDispatcher}) and hands due deliveries to a small pool of sender threads ({@link
 * DeliverySender}); API requests never wait for either. Due times are on the simulated clock, so
 * advancing it makes retries due at the next poll.
 *
 * <p>On {@link #start} it resumes from the store: the dispatcher continues after the last event it
 * handled, and every delivery still {@code PENDING} is queued again. A delivery interrupted by a
 * stop between its POST and the record of the answer is sent again after the restart (at least
 * once, as webhook senders generally promise).
 *
 * <p>Meant for one node: several Pomona nodes on a shared store would each send a pending
 * delivery.
 */
public final class WebhookDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
  /** When to try again a delivery whose sending failed on our side (the store), not the receiver's. */
  private static final Duration AFTER_INTERNAL_FAILURE = Duration.ofSeconds(10);
  /** About how often the store's pending deliveries are queued again (counted in polls). */
  private static final Duration RESCAN_INTERVAL = Duration.ofMinutes(1);
  private static final int BATCHES_PER_POLL = 10;

  /**
   * How the worker runs.
   *
   * @param pollInterval how often (real time) it looks for new events and due deliveries
   * @param senders how many deliveries may be in flight at once
   * @param retries the backoff after failures
   * @param limits timeouts and the recorded response size of each POST
   */
  public record Settings(Duration pollInterval, int senders, RetrySchedule retries, WebhookPoster.Limits limits) {
    public static final Settings DEFAULT =
        new Settings(Duration.ofMillis(100), 4, RetrySchedule.DEFAULT, WebhookPoster.Limits.DEFAULT);

    public Settings {
      Objects.requireNonNull(retries, "retries");
      Objects.requireNonNull(limits, "limits");
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("the poll interval must be positive");
      }
      if (senders < 1) {
        throw new IllegalArgumentException("at least one sender thread is needed");
      }
    }
  }

  private final Store store;
  private final Clock clock;
  private final Settings settings;
  private final WebhookDispatcher dispatcher;
  private final DeliverySender sender;
  private final WebhookPoster poster;
  private final DeliveryQueue queue = new DeliveryQueue();
  private final ScheduledExecutorService poller;
  private final ExecutorService senders;
  /**
   * Deliveries handed to the senders and not finished. Only as many as there are sender threads
   * are handed over, so that while receivers hang the rest wait in the queue, due first, rather
   * than piling up in the executor.
   */
  private final AtomicInteger inFlight = new AtomicInteger();
  /** Polls left before the next rescan of the store's pending deliveries; 0 rescans at the next poll. */
  private int pollsUntilRescan;

  /**
   * @param clock the simulated clock: due times and sent dates
   * @param baseUrl the base of the absolute {@code links.self} in payloads
   */
  public WebhookDelivery(Store store, Engine engine, Clock clock, String baseUrl, Settings settings) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.poster = new WebhookPoster(settings.limits());
    this.dispatcher = new WebhookDispatcher(engine, new WebhookPayloads(new ObjectMapper()),
        baseUrl, UUID::randomUUID);
    this.sender = new DeliverySender(store, engine, poster, settings.retries(), clock);
    this.poller = Executors.newSingleThreadScheduledExecutor(threads("pomona-webhooks"));
    this.senders = Executors.newFixedThreadPool(settings.senders(), threads("pomona-webhook-sender"));
  }

  /** Resumes from the store and starts polling. */
  public void start() {
    store.transaction(tx -> {
      dispatcher.startPosition(tx);
      return null;
    });
    poller.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Looks for new events and due deliveries now rather than at the next poll. */
  public void nudge() {
    poller.execute(this::poll);
  }

  /** How many deliveries wait or are being sent (for tests and the operator). */
  public int pendingCount() {
    return queue.size();
  }

  /**
   * One round: new events into deliveries, due deliveries to the senders, and now and then the
   * store's pending deliveries into the queue again (deliveries written without an event, such as
   * an imported team's, and any the queue lost). A failure (the store busy or closing) is logged
   * and the round tried again at the next poll: ending the worker would silently stop every
   * webhook until a restart.
   */
  private void poll() {
    try {
      dispatch();
      if (pollsUntilRescan-- <= 0) {
        store.read(dispatcher::pendingDeliveries).forEach(queue::offer);
        pollsUntilRescan = (int) Math.max(1, RESCAN_INTERVAL.toMillis() / settings.pollInterval().toMillis());
      }
      if (senders.isShutdown()) {
        return; // closing: what is due stays pending in the store
      }
      for (DeliveryQueue.Entry entry : queue.takeDue(clock.instant(), settings.senders() - inFlight.get())) {
        inFlight.incrementAndGet();
        senders.execute(() -> sendWhileDue(entry));
      }
    } catch (RuntimeException e) {
      LOG.error("webhook dispatch failed; trying again at the next poll", e);
    }
  }

  /** Handles new events, a bounded number of batches per round so that sending keeps its turn. */
  private void dispatch() {
    for (int round = 0; round < BATCHES_PER_POLL && store.read(dispatcher::hasNews); round++) {
      WebhookDispatcher.Batch batch;
      try {
        batch = store.transaction(tx -> dispatcher.dispatchNext(tx, WebhookDispatcher.EVENTS_PER_BATCH));
      } catch (StoreException e) {
        throw e; // the store is busy or closing: the whole batch again at the next poll
      } catch (RuntimeException e) {
        LOG.warn("a batch of events failed; handling them one at a time to find the cause", e);
        batch = dispatchOneAtATime();
      }
      batch.pending().forEach(queue::offer);
    }
  }

  /**
   * Handles up to one batch of events one per transaction. An event that fails twice on our side
   * (not the store's: a store failure stops the round, so that a busy or closing store never makes
   * us skip anything) is skipped, with an error naming it: its webhooks miss one delivery, rather
   * than every later event waiting behind it forever.
   */
  private WebhookDispatcher.Batch dispatchOneAtATime() {
    List<DeliveryQueue.Entry> pending = new ArrayList<>();
    for (int i = 0; i < WebhookDispatcher.EVENTS_PER_BATCH && store.read(dispatcher::hasNews); i++) {
      Optional<WebhookDispatcher.Batch> one = dispatchOne().or(this::dispatchOne);
      if (one.isPresent()) {
        pending.addAll(one.get().pending());
      } else {
        Optional<Long> skipped = store.transaction(dispatcher::skipNext);
        LOG.error("event {} could not be turned into webhook deliveries (see the warnings above); skipped it",
            skipped.map(String::valueOf).orElse("?"));
      }
    }
    return new WebhookDispatcher.Batch(pending, false);
  }

  private Optional<WebhookDispatcher.Batch> dispatchOne() {
    try {
      return Optional.of(store.transaction(tx -> dispatcher.dispatchNext(tx, 1)));
    } catch (StoreException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("handling the next event for webhooks failed", e);
      return Optional.empty();
    }
  }

  /**
   * Sends {@code first}, then whatever else is due, until nothing is: a sender that finishes takes
   * the next due delivery itself instead of idling until the next poll.
   */
  private void sendWhileDue(DeliveryQueue.Entry first) {
    try {
      Optional<DeliveryQueue.Entry> next = Optional.of(first);
      while (next.isPresent() && !Thread.currentThread().isInterrupted()) {
        send(next.get());
        next = queue.takeDue(clock.instant(), 1).stream().findFirst();
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void send(DeliveryQueue.Entry entry) {
    try {
      sender.send(entry);
      queue.done(entry);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping: the delivery stays pending in the store
    } catch (RuntimeException e) {
      LOG.error("sending webhook delivery {} of team {} failed; it stays pending and is tried again in {}",
          entry.deliveryId(), entry.teamId(), AFTER_INTERNAL_FAILURE, e);
      queue.done(entry);
      queue.offer(new DeliveryQueue.Entry(entry.teamId(), entry.deliveryId(),
          clock.instant().plus(AFTER_INTERNAL_FAILURE)));
    }
  }

  /** Stops polling and sending; a POST in flight is abandoned and its delivery stays pending. */
  @Override
  public void close() {
    poller.shutdownNow();
    senders.shutdownNow();
    try {
      poller.awaitTermination(5, TimeUnit.SECONDS);
      senders.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      poster.close();
    }
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
