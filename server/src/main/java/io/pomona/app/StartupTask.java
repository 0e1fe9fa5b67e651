package io.pomona.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A piece of start-up that runs on a thread of its own while the main thread does another: start-up
 * is mostly single-threaded class loading and parsing (catalog JSON, the store's migrations, the
 * CA's certificates), and a second core would otherwise idle. Joining rethrows the task's own
 * exception, so a failing task fails start-up exactly as it did when it ran inline.
 */
final class StartupTask<T> {
  private final CompletableFuture<T> result = new CompletableFuture<>();

  private StartupTask(String name, Supplier<T> work) {
    Thread thread = new Thread(() -> {
      try {
        result.complete(work.get());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "pomona-startup-" + name);
    // Daemon: when the main thread gives up on start-up, nothing waits for this one.
    thread.setDaemon(true);
    thread.start();
  }

  static <T> StartupTask<T> begin(String name, Supplier<T> work) {
    return new StartupTask<>(name, work);
  }

  /** Waits for the task to end, whatever its outcome: for clean-up after another part failed. */
  void awaitQuietly() {
    result.handle((value, failure) -> null).join();
  }

  /** The result, or the task's exception as it was thrown. */
  T join() {
    try {
      return result.join();
    } catch (CompletionException e) {
      switch (e.getCause()) {
        case RuntimeException cause -> throw cause;
        case Error cause -> throw cause;
        default -> throw e;
      }
    }
  }
}
