package io.pomona.store.postgres;

import io.pomona.store.Store;
import io.pomona.store.TeamStateContractTest;
import io.pomona.testing.TestPostgres;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

/** The whole-team state contract on PostgreSQL, each test in a fresh schema. */
@TestPostgres.Required
class PostgresTeamStateTest extends TeamStateContractTest {
  private PostgresSettings settings;
  private Store store;

  @Override
  protected Store openStore(Clock clock) {
    settings = TestPostgres.freshSchema();
    store = PostgresStore.open(settings, clock);
    return store;
  }

  // JUnit runs this before the contract's own @AfterEach, so the store is closed here first (closing
  // twice is harmless) and no pooled connection outlives its schema.
  @AfterEach
  void dropSchema() {
    if (settings != null) {
      store.close();
      TestPostgres.dropSchema(settings);
    }
  }
}
