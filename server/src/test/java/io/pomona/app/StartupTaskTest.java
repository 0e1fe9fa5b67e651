package io.pomona.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.store.StoreException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class StartupTaskTest {
  @Test
  void joinGivesTheResultComputedOnAnotherThread() {
    StartupTask<String> task = StartupTask.begin("test", () -> Thread.currentThread().getName());

    assertThat(task.join()).isEqualTo("pomona-startup-test");
  }

  @Test
  void joinRethrowsTheTasksOwnException() {
    // Main reports a StoreException as "pomona: <message>" and exit code 2: it must arrive unwrapped.
    StoreException failure = new StoreException("cannot open the database", new RuntimeException("locked"));
    StartupTask<String> task = StartupTask.begin("test", () -> {
      throw failure;
    });

    assertThatThrownBy(task::join).isSameAs(failure);
  }

  @Test
  void awaitQuietlyWaitsForTheEndAndSwallowsTheFailure() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    boolean[] finished = {false};
    StartupTask<String> task = StartupTask.begin("test", () -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      finished[0] = true;
      throw new IllegalStateException("failed after the release");
    });
    release.countDown();

    task.awaitQuietly();

    assertThat(finished[0]).isTrue();
  }
}
