package io.pomona.store.sqlite;

import io.pomona.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database file to the newest schema with Flyway (SQLite support ships in flyway-core 13,
 * no extra module needed).
 *
 * <p>Start-up fast path: on a database whose history already records {@link #NEWEST_VERSION} and no
 * failed migration, Flyway is not started at all. Merely configuring Flyway costs about 300 ms in a
 * fresh JVM (measured; mostly its configuration-extension machinery), a sixth of the server's 2 s
 * start-up budget, to conclude that there is nothing to do. The price is that an up-to-date
 * database skips Flyway's checksum validation of applied migrations; released migrations are never
 * edited (add a new version instead), and any pending or failed migration still goes through Flyway
 * with full validation. Versions are plain integers (V1, V2, ...).
 */
final class Migrations {
  static final String LOCATION = "classpath:db/migration/sqlite";

  /** The highest V-number under {@link #LOCATION}; {@code MigrationsTest} keeps them in step. */
  static final int NEWEST_VERSION = 2;

  private Migrations() {}

  /** Returns how many migrations were applied now (0 on an up-to-date database). */
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
      if (jdbc.number(
              "SELECT count(*) FROM sqlite_master"
                  + " WHERE type = 'table' AND name = 'flyway_schema_history'")
          == 0) {
        return false;
      }
      long failed = jdbc.number("SELECT count(*) FROM flyway_schema_history WHERE success = 0");
      long newest =
          jdbc.number(
              "SELECT coalesce(max(CAST(version AS INTEGER)), 0) FROM flyway_schema_history"
                  + " WHERE success = 1 AND version IS NOT NULL");
      return failed == 0 && newest == NEWEST_VERSION;
    } catch (SQLException e) {
      throw new StoreException("cannot read the migration history", e);
    }
  }
}
