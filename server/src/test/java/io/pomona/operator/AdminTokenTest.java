package io.pomona.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pomona.error.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {
  @TempDir Path directory;

  @Test
  void firstUseGeneratesAnOwnerOnlyTokenFileThatLaterUsesRead() throws IOException {
    Path data = directory.resolve("data");
    AdminToken first = AdminToken.inDataDirectory(data, new SecureRandom());
    AdminToken second = AdminToken.inDataDirectory(data, new SecureRandom());

    Path file = data.resolve(AdminToken.FILE_NAME);
    assertThat(first.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(second.value()).isEqualTo(first.value());
    assertThat(first.file()).contains(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(AdminToken.readFrom(data)).contains(first.value());
  }

  @Test
  void anEmptyTokenFileIsFilledAndTightened() throws IOException {
    Files.writeString(directory.resolve(AdminToken.FILE_NAME), "");
    Files.setPosixFilePermissions(directory.resolve(AdminToken.FILE_NAME), PosixFilePermissions.fromString("rw-r--r--"));

    AdminToken token = AdminToken.inDataDirectory(directory, new SecureRandom());

    assertThat(token.value()).hasSize(43);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(AdminToken.FILE_NAME))))
        .isEqualTo("rw-------");
  }

  @Test
  void givenTokensMustBeLongAndWithoutWhitespace() {
    assertThatThrownBy(() -> AdminToken.given("short")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AdminToken.given("sixteen chars ok")).isInstanceOf(IllegalArgumentException.class);
    assertThat(AdminToken.given("0123456789abcdef").file()).isEmpty();
  }

  @Test
  void checkAcceptsOnlyTheBearerToken() {
    AdminToken token = AdminToken.given("0123456789abcdef");

    token.check(Optional.of("Bearer 0123456789abcdef"));
    token.check(Optional.of("bearer 0123456789abcdef"));
    assertUnauthorized(token, Optional.empty());
    assertUnauthorized(token, Optional.of("Bearer 0123456789abcdeX"));
    assertUnauthorized(token, Optional.of("Basic 0123456789abcdef"));
    assertUnauthorized(token, Optional.of("Bearer"));
  }

  @Test
  void noTokenFileMeansNothingToRead() {
    assertThat(AdminToken.readFrom(directory)).isEmpty();
  }

  private static void assertUnauthorized(AdminToken token, Optional<String> header) {
    assertThatThrownBy(() -> token.check(header)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.errors().get(0).code()).isEqualTo("NOT_AUTHORIZED");
    });
  }
}
