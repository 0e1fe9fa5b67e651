package io.pomona.sim.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The pending deliveries the worker knows of, earliest due first. The store is the truth (a
 * restart rebuilds this from it); the queue only saves polling the store for them, and makes sure a
 * delivery is sent by one thread at a time: a delivery stays known from {@link #offer} until
 * {@link #done}, and offering it again meanwhile changes nothing.
 */
final class DeliveryQueue {
  /** A delivery to send at or after {@code due} on the simulated clock. */
  record Entry(String teamId, String deliveryId, Instant due) {
    String key() {
      return teamId + "/" + deliveryId;
    }
  }

  private final PriorityQueue<Entry> byDue =
      new PriorityQueue<>(Comparator.comparing(Entry::due).thenComparing(Entry::key));
  private final Set<String> known = new HashSet<>();

  /** Adds a delivery unless it is already waiting or being sent; true if added. */
  synchronized boolean offer(Entry entry) {
    if (!known.add(entry.key())) {
      return false;
    }
    byDue.add(entry);
    return true;
  }

  /**
   * Removes and returns up to {@code limit} of the deliveries due at {@code now}, earliest first;
   * they stay known.
   */
  synchronized List<Entry> takeDue(Instant now, int limit) {
    List<Entry> due = new ArrayList<>();
    while (due.size() < limit && !byDue.isEmpty() && !byDue.peek().due().isAfter(now)) {
      due.add(byDue.poll());
    }
    return due;
  }

  /** The delivery was sent and recorded (or no longer needs sending): forget it. */
  synchronized void done(Entry entry) {
    known.remove(entry.key());
  }

  /** When the next waiting delivery is due. */
  synchronized Optional<Instant> nextDue() {
    return Optional.ofNullable(byDue.peek()).map(Entry::due);
  }

  /** How many deliveries are waiting or being sent. */
  synchronized int size() {
    return known.size();
  }
}
