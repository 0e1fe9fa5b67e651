package io.pomona.app;

import io.pomona.store.Store;
import io.pomona.store.postgres.PostgresSettings;
import io.pomona.store.postgres.PostgresStore;
import io.pomona.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Chooses the store: PostgreSQL when a database URL is configured ({@code --database-url} or
 * {@code POMONA_DATABASE_URL}), else the SQLite file in the data directory.
 */
final class StoreFactory {
  private StoreFactory() {}

  static Store open(Settings settings, Clock clock) {
    return open(settings.dataDirectory(), settings.postgres(), clock);
  }

  /** For the commands that open the store without serving (team, keys, ...). */
  static Store open(Path dataDirectory, Optional<PostgresSettings> postgres, Clock clock) {
    return postgres.isPresent()
        ? PostgresStore.open(postgres.get(), clock)
        : SqliteStore.open(dataDirectory, clock);
  }

  /** Where the data lives, for people: never shows a password. */
  static String describe(Path dataDirectory, Optional<PostgresSettings> postgres) {
    return postgres
        .map(database -> "PostgreSQL " + database.redactedUrl())
        .orElse("SQLite " + dataDirectory.resolve(SqliteStore.DATABASE_FILE).toAbsolutePath());
  }
}
