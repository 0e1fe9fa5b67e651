package io.pomona.store.sqlite;

import io.pomona.store.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database file to the newest schema with Flyway (SQLite support ships in flyway-core
 * 13, no extra module needed). Already applied migrations are skipped after a checksum check, so
 * an edited migration stops the start-up instead of silently diverging.
 */
final class Migrations {
  static final String LOCATION = "classpath:db/migration/sqlite";

  private Migrations() {}

  /** Returns how many migrations were applied now (0 on an up-to-date database). */
  static int apply(DataSource database) {
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
}
