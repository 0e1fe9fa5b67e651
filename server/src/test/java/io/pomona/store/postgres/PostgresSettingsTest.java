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
}
