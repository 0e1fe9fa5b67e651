package io.pomona.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tokens whose signature was verified, keyed on the whole token, each until an instant after which
 * it is forgotten. A hit is one hash-map read and a clock read.
 *
 * <p>Why not Caffeine, as elsewhere: its bounded caches record every read for their eviction
 * policy, and draining that record was a tenth of an authenticated list request's CPU (JFR,
 * bench/results.md), although a server sees a handful of distinct tokens at a time. Here nothing
 * is recorded on a hit. The bound is kept on insertion instead: when full, expired tokens go
 * first, then, if every token is still live (a flood of fresh tokens), an arbitrary tenth; a
 * forgotten token only costs one more verification when it comes back. Concurrent inserts may
 * overshoot the bound by the number of request threads until the next sweep.
 *
 * @param <V> what is remembered with a token
 */
final class VerifiedTokens<V> {
  private final ConcurrentMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final int maximumSize;
  private final Clock clock;
  private final AtomicBoolean sweeping = new AtomicBoolean();

  private record Entry<V>(V value, long forgetAtMillis) {}

  /**
   * @param maximumSize how many tokens to keep at most (0 keeps none)
   * @param clock the clock that {@code forgetAt} instants are compared with
   */
  VerifiedTokens(int maximumSize, Clock clock) {
    this.maximumSize = maximumSize;
    this.clock = clock;
  }

  /** What was remembered with {@code token}, or null when nothing is (or no longer). */
  V get(String token) {
    Entry<V> entry = entries.get(token);
    if (entry == null) {
      return null;
    }
    if (clock.millis() >= entry.forgetAtMillis()) {
      entries.remove(token, entry);
      return null;
    }
    return entry.value();
  }

  /** Remembers {@code value} with {@code token} until {@code forgetAt} (exclusive). */
  void put(String token, V value, Instant forgetAt) {
    if (maximumSize == 0) {
      return;
    }
    if (entries.size() >= maximumSize) {
      makeRoom();
    }
    entries.put(token, new Entry<>(value, forgetAt.toEpochMilli()));
  }

  int size() {
    return entries.size();
  }

  /** Drops expired tokens, then, while still above nine tenths of the bound, arbitrary ones. */
  private void makeRoom() {
    if (!sweeping.compareAndSet(false, true)) {
      return; // another thread is sweeping
    }
    try {
      long now = clock.millis();
      entries.values().removeIf(entry -> now >= entry.forgetAtMillis());
      int excess = entries.size() - maximumSize * 9 / 10;
      for (Iterator<String> tokens = entries.keySet().iterator(); excess > 0 && tokens.hasNext(); excess--) {
        tokens.next();
        tokens.remove();
      }
    } finally {
      sweeping.set(false);
    }
  }
}
