package io.pomona.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StatementCacheTest {
  @Test
  void statementCacheReusesStatementsAndClosesWhatItDrops() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      StatementCache cache = new StatementCache(connection);
      PreparedStatement first = cache.get("SELECT 1");

      PreparedStatement again = cache.get("SELECT 1");
      cache.discard("SELECT 1", new SQLException("failed"));
      PreparedStatement fresh = cache.get("SELECT 1");
      for (int i = 0; i < StatementCache.CAPACITY; i++) {
        cache.get("SELECT " + (i + 2));
      }

      assertThat(again).isSameAs(first);
      assertThat(first.isClosed()).isTrue();
      assertThat(fresh).isNotSameAs(first);
      assertThat(fresh.isClosed()).as("least recently used, so evicted").isTrue();
      assertThat(cache.size()).isEqualTo(StatementCache.CAPACITY);
      cache.close();
      assertThat(cache.size()).isZero();
    }
  }
}
