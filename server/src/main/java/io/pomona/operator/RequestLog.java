package io.pomona.operator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last API requests, in a fixed-size ring in memory: the pipeline records every App Store
 * Connect API request (admin requests are not API requests), and the operator reads the newest
 * ones. Recording takes no lock: one atomic increment and one slot write.
 */
public final class RequestLog {
  public static final int DEFAULT_CAPACITY = 1_000;

  private final AtomicReferenceArray<LoggedRequest> slots;
  private final AtomicLong recorded = new AtomicLong();

  public RequestLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a request log needs room for at least one request");
    }
    this.slots = new AtomicReferenceArray<>(capacity);
  }

  public int capacity() {
    return slots.length();
  }

  /** Records a finished request; returns its entry, numbered from 1. */
  public LoggedRequest record(Instant time, String method, String path, String query, int status, double latencyMs,
      Optional<String> keyId, Optional<String> faultRuleId) {
    long seq = recorded.incrementAndGet();
    LoggedRequest entry = new LoggedRequest(seq, time, method, path, query, status, latencyMs, keyId, faultRuleId);
    slots.set((int) ((seq - 1) % slots.length()), entry);
    return entry;
  }

  /** Up to {@code limit} of the newest requests, oldest first. */
  public List<LoggedRequest> last(int limit) {
    long newest = recorded.get();
    long oldest = Math.max(1, newest - Math.min(limit, slots.length()) + 1);
    List<LoggedRequest> entries = new ArrayList<>();
    for (long seq = oldest; seq <= newest; seq++) {
      LoggedRequest entry = slots.get((int) ((seq - 1) % slots.length()));
      // A slot may still hold an older entry (its writer is mid-way) or a newer one (lapped).
      if (entry != null && entry.seq() == seq) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /**
   * One API request as the log keeps it.
   *
   * @param seq its number, from 1, in the order requests finished
   * @param time when it finished
   * @param method the HTTP method
   * @param path the decoded path
   * @param query the raw query string, or empty
   * @param status the HTTP status answered
   * @param latencyMs time spent in the pipeline, in milliseconds
   * @param keyId the API key that authenticated it, if any did
   * @param faultRuleId the fault rule that took it, if any did
   */
  public record LoggedRequest(long seq, Instant time, String method, String path, String query, int status,
      double latencyMs, Optional<String> keyId, Optional<String> faultRuleId) {
    public boolean faulted() {
      return faultRuleId.isPresent();
    }
  }
}
