package io.pomona.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {
  @Test
  void passwordsNeverShowInTextMeantForPeople() {
    PostgresSettings inUrl =
        PostgresSettings.of("jdbc:postgresql://db:5432/pomona?user=app&password=s3cret&ssl=true");
    PostgresSettings apart =
        new PostgresSettings(
            "jdbc:postgresql://db/pomona", Optional.of("app"), Optional.of("s3cret"));

    assertThat(inUrl.redactedUrl())
        .isEqualTo("jdbc:postgresql://db:5432/pomona?user=app&password=***&ssl=true");
    assertThat(inUrl.toString()).doesNotContain("s3cret");
    assertThat(apart.toString()).doesNotContain("s3cret").contains("user=app");
  }

  @Test
  void onlyPostgresUrlsAreAccepted() {
    assertThatThrownBy(() -> PostgresSettings.of("jdbc:mysql://db/pomona?password=s3cret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:postgresql:")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void libpqUrlsBecomeJdbcUrlsWithTheirCredentialsApart() {
    PostgresSettings full =
        PostgresSettings.of("postgresql://app%40corp:p%3As+w%2Fd@db.example:6543/pomona?currentSchema=s1&sslmode=require");
    PostgresSettings bare = PostgresSettings.of("postgres://db.example/pomona");

    assertThat(full.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/pomona?currentSchema=s1&sslmode=require");
    assertThat(full.user()).hasValue("app@corp");
    assertThat(full.password()).hasValue("p:s+w/d");
    assertThat(bare.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example/pomona");
    assertThat(bare.user()).isEmpty();
    assertThat(bare.password()).isEmpty();
  }

  @Test
  void credentialsGivenApartWinOverTheUrlsAndAnEmptyHostIsLocalhost() {
    PostgresSettings settings =
        PostgresSettings.parse("postgresql://url-user:url-pass@/pomona", Optional.empty(), Optional.of("env-pass"));

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/pomona");
    assertThat(settings.user()).hasValue("url-user");
    assertThat(settings.password()).hasValue("env-pass");
  }

  @Test
  void badUrlsAreRefusedWithoutShowingThePassword() {
    assertThatThrownBy(() -> PostgresSettings.of("mysql://app:s3cret@db/pomona"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgresql://")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> PostgresSettings.of("postgresql://app:s3cret%zz@db/pomona"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two hex digits")
        .hasMessageNotContaining("s3cret");
  }
}
