package io.pomona.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pomona.store.StoreException;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Fixed-size HikariCP pools, which keep connections open and replace a broken one. */
public final class Pools {
  private Pools() {}

  /**
   * A pool of exactly {@code size} connections to {@code database}, set up further by {@code
   * configure}; {@code where} names the database in a failure (without a password).
   */
  public static HikariDataSource open(
      String name, DataSource database, String where, int size, Consumer<HikariConfig> configure) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setDataSource(database);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    configure.accept(config);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot open connections (" + name + ") to " + where, e);
    }
  }
}
