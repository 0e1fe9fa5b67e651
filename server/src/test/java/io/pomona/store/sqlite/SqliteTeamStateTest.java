package io.pomona.store.sqlite;

import io.pomona.store.Store;
import io.pomona.store.TeamStateContractTest;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The whole-team state contract on a SQLite file. */
class SqliteTeamStateTest extends TeamStateContractTest {
  @TempDir Path temporary;

  @Override
  protected Store openStore(Clock clock) {
    return SqliteStore.open(temporary.resolve("data"), clock);
  }
}
