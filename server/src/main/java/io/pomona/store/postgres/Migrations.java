package io.pomona.store.postgres;

import io.pomona.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the newest version with Flyway ({@code flyway-database-postgresql}), in
 * the connection's current schema. Several nodes starting at once are safe: Flyway holds a
 * PostgreSQL advisory lock while it migrates, and the others wait and then find nothing to do.
 *
 * <p>Start-up fast path, as in the SQLite store: when the history already records {@link
 * #NEWEST_VERSION} and no failed migration, Flyway is not started at all (configuring it costs
 * about 300 ms). The price is that an up-to-date schema skips Flyway's checksum validation;
 * released migrations are never edited (add a new version instead). Versions are plain integers.
 */
final class Migrations {
  static final String LOCATION = "classpath:db/migration/postgres";

  /** The highest V-number under {@link #LOCATION}; a test keeps them in step. */
  static final int NEWEST_VERSION = 2;

  private Migrations() {}

  /** Returns how many migrations were applied now (0 on an up-to-date schema). */
  static int apply(DataSource database) {
    if (upToDate(database)) {
      return 0;
    }
    try {
      MigrateResult result =
          Flyway.configure(Migrations.class.getClassLoader())
              .dataSource(database)
              .locations(LOCATION)
              .failOnMissingLocations(true)
              .load()
              .migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate the database schema", e);
    }
  }

  /** Whether Flyway's history shows {@link #NEWEST_VERSION} applied and nothing failed. */
  static boolean upToDate(DataSource database) {
    try (Connection connection = database.getConnection()) {
      Jdbc jdbc = new Jdbc(connection);
      boolean hasHistory =
          jdbc.one(
                  "SELECT to_regclass('flyway_schema_history') IS NOT NULL",
                  row -> row.getBoolean(1))
              .orElse(false);
      if (!hasHistory) {
        return false;
      }
      long failed = jdbc.number("SELECT count(*) FROM flyway_schema_history WHERE NOT success");
      long newest =
          jdbc.number(
              "SELECT coalesce(max(CAST(version AS integer)), 0) FROM flyway_schema_history"
                  + " WHERE success AND version IS NOT NULL");
      return failed == 0 && newest == NEWEST_VERSION;
    } catch (SQLException e) {
      throw new StoreException("cannot read the migration history", e);
    }
  }
}
