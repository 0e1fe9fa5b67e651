package io.pomona.store.postgres;

import io.pomona.store.jdbc.Migrations;
import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.testing.TestPostgres;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class MigrationsTest {
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

  @Test
  void newestVersionConstantMatchesTheNewestMigrationFile() throws IOException, URISyntaxException {
    Path folder = Path.of(Migrations.class.getResource("/db/migration/postgres").toURI());
    List<Integer> versions;
    try (Stream<Path> files = Files.list(folder)) {
      versions =
          files
              .map(file -> VERSIONED.matcher(file.getFileName().toString()))
              .filter(Matcher::matches)
              .map(match -> Integer.valueOf(match.group(1)))
              .sorted()
              .toList();
    }

    assertThat(versions).isNotEmpty();
    assertThat(versions.get(versions.size() - 1)).isEqualTo(PostgresDialect.NEWEST_MIGRATION);
    assertThat(versions).doesNotHaveDuplicates();
  }

  @Test
  @TestPostgres.Required
  void emptySchemaIsNotUpToDateUntilMigratedAndAFailedMigrationTakesTheFlywayPath() {
    PostgresSettings settings = TestPostgres.freshSchema();
    try {
      PGSimpleDataSource database = new PGSimpleDataSource();
      database.setURL(settings.jdbcUrl());
      settings.user().ifPresent(database::setUser);
      settings.password().ifPresent(database::setPassword);

      assertThat(Migrations.upToDate(database, PostgresDialect.INSTANCE)).isFalse();
      assertThat(Migrations.apply(database, PostgresDialect.INSTANCE)).isEqualTo(PostgresDialect.NEWEST_MIGRATION);
      assertThat(Migrations.upToDate(database, PostgresDialect.INSTANCE)).isTrue();
      assertThat(Migrations.apply(database, PostgresDialect.INSTANCE)).isZero();

      TestPostgres.execute(
          settings, "UPDATE flyway_schema_history SET success = false WHERE version = '1'");
      assertThat(Migrations.upToDate(database, PostgresDialect.INSTANCE)).isFalse();
    } finally {
      TestPostgres.dropSchema(settings);
    }
  }
}
