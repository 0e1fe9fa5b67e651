package io.pomona.store.jdbc;

import io.pomona.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the newest schema with Flyway, from the dialect's own folder of migrations
 * (SQLite support ships in flyway-core; PostgreSQL's in {@code flyway-database-postgresql}). On
 * PostgreSQL several nodes starting at once are safe: Flyway holds an advisory lock while it
 * migrates, and the others wait and then find nothing to do.
 *
 * <p>Start-up fast path: on a database whose history already records the dialect's newest version
 * and no failed migration, Flyway is not started at all. Merely configuring Flyway costs about 300
 * ms in a fresh JVM (measured; mostly its configuration-extension machinery), a sixth of the
 * server's 2 s start-up budget, to conclude that there is nothing to do. The price is that an
 * up-to-date database skips Flyway's checksum validation of applied migrations; released migrations
 * are never edited (add a new version instead), and any pending or failed migration still goes
 * through Flyway with full validation. Versions are plain integers (V1, V2, ...).
 */
public final class Migrations {
  private Migrations() {}

  /** Returns how many migrations were applied now (0 on an up-to-date database). */
  public static int apply(DataSource database, Dialect dialect) {
    if (upToDate(database, dialect)) {
      return 0;
    }
    try {
      MigrateResult result =
          Flyway.configure(Migrations.class.getClassLoader())
              .dataSource(database)
              .locations(dialect.migrationLocation())
              .failOnMissingLocations(true)
              .load()
              .migrate();
      return result.migrationsExecuted;
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate the database schema", e);
    }
  }

  /** Whether Flyway's history shows the newest version applied and nothing failed. */
  public static boolean upToDate(DataSource database, Dialect dialect) {
    try (Connection connection = database.getConnection()) {
      Jdbc jdbc = new Jdbc(connection, dialect);
      if (jdbc.number(dialect.migrationHistoryExists()) == 0) {
        return false;
      }
      // success is a boolean on PostgreSQL and 0/1 on SQLite: "NOT success" reads both.
      long failed = jdbc.number("SELECT count(*) FROM flyway_schema_history WHERE NOT success");
      long newest =
          jdbc.number(
              "SELECT coalesce(max(CAST(version AS integer)), 0) FROM flyway_schema_history"
                  + " WHERE success AND version IS NOT NULL");
      return failed == 0 && newest == dialect.newestMigration();
    } catch (SQLException e) {
      throw new StoreException("cannot read the migration history", e);
    }
  }
}
