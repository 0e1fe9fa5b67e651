package io.pomona.http.admin;

import io.pomona.store.postgres.PostgresSettings;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** Export → reset → import through the admin API on a server whose data live in PostgreSQL. */
@TestPostgres.Required
class PostgresExportImportTest extends ExportImportTest {
  private PostgresSettings database;

  @Override
  protected TestPomona startPomona(Path directory) {
    database = TestPostgres.freshSchema();
    return TestPomona.start(directory, settings -> settings.withPostgres(database));
  }

  /** Replaces the inherited one: the server stops first, so no pooled connection outlives its schema. */
  @AfterEach
  @Override
  void stop() throws Exception {
    try {
      super.stop();
    } finally {
      if (database != null) {
        TestPostgres.dropSchema(database);
      }
    }
  }
}
