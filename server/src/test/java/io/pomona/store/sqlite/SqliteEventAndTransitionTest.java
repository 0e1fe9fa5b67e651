package io.pomona.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.store.EventAndTransitionContractTest;
import io.pomona.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SqliteEventAndTransitionTest extends EventAndTransitionContractTest {
  @TempDir Path directory;

  @Override
  protected Store openStore(Clock clock) {
    return SqliteStore.open(directory, clock);
  }

  @Test
  void findingDueTransitionsSeeksThePendingIndex() throws SQLException {
    SQLiteDataSource database = new SQLiteDataSource();
    database.setUrl("jdbc:sqlite:" + directory.resolve(SqliteStore.DATABASE_FILE));
    List<String> plan = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN SELECT * FROM transitions"
            + " WHERE state = 'PENDING' AND due_at IS NOT NULL AND due_at <= 5 ORDER BY due_at, id LIMIT 10")) {
      while (rows.next()) {
        plan.add(rows.getString("detail"));
      }
    }
    assertThat(plan).anySatisfy(step -> assertThat(step).contains("USING INDEX transitions_due"));
    assertThat(plan).noneSatisfy(step -> assertThat(step).contains("TEMP B-TREE"));
  }
}
