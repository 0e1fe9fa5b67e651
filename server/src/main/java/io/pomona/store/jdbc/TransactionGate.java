package io.pomona.store.jdbc;

import io.pomona.store.StoreException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What every transaction passes before it gets a connection. Transactions do not nest on one
 * thread (a nested one would wait for a connection its own thread holds, or see another snapshot).
 * Write transactions queue on a fair lock, so that in one process they wait in the JVM, in order,
 * rather than each holding a connection while the database makes them wait; a writer that waits
 * longer than {@code longestWriteWait} fails.
 */
public final class TransactionGate {
  private final Duration longestWriteWait;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

  public TransactionGate(Duration longestWriteWait) {
    this.longestWriteWait = longestWriteWait;
  }

  /** Runs {@code work} as the one writer of this process. */
  public <T> T write(Supplier<T> work) {
    return read(
        () -> {
          lockForWriting();
          try {
            return work.get();
          } finally {
            writeLock.unlock();
          }
        });
  }

  /** Runs {@code work} as a transaction of this thread, which must not be in one already. */
  public <T> T read(Supplier<T> work) {
    if (inTransaction.get()) {
      throw new IllegalStateException(
          "a transaction is already running on this thread; transactions do not nest");
    }
    inTransaction.set(true);
    try {
      return work.get();
    } finally {
      inTransaction.remove();
    }
  }

  private void lockForWriting() {
    try {
      if (!writeLock.tryLock(longestWriteWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new StoreException(
            "waited " + longestWriteWait.toSeconds() + " s for other writes to finish", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting to write", e);
    }
  }
}
