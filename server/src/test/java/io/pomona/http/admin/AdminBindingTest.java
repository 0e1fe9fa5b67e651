package io.pomona.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.app.AdminSettings;
import io.pomona.testing.Admin;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API can be turned off, bound to its own port, and given its token by configuration. */
class AdminBindingTest {
  private static final String TOKEN = "configured-admin-token-0123456789";

  @TempDir Path directory;

  @Test
  void offMeansNoAdminPathsAndNoTokenFile() throws Exception {
    try (TestPomona pomona = TestPomona.start(directory, settings -> settings.withAdmin(AdminSettings.off()))) {
      Response answer = pomona.send(HttpRequest.newBuilder(pomona.url("/_pomona/teams"))
          .header("Authorization", "Bearer anything").GET().build());

      assertThat(answer.status()).isEqualTo(404);
      assertThat(answer.errorCode()).isEqualTo("PATH_ERROR");
      assertThat(pomona.pomona().adminUrl()).isEmpty();
      assertThat(Files.exists(pomona.pomona().dataDirectory().resolve("admin-token"))).isFalse();
    }
  }

  @Test
  void aConfiguredTokenReplacesTheGeneratedOne() throws Exception {
    try (TestPomona pomona = TestPomona.start(directory,
        settings -> settings.withAdmin(AdminSettings.defaults().withToken(TOKEN)))) {
      Admin admin = new Admin(pomona);

      assertThat(admin.sendRaw("GET", "/_pomona/teams", null, "Bearer " + TOKEN).status()).isEqualTo(200);
      assertThat(Files.exists(pomona.pomona().dataDirectory().resolve("admin-token"))).isFalse();
    }
  }

  @Test
  void anOwnPortServesTheAdminApiThereAndNotOnTheApiPort() throws Exception {
    try (TestPomona pomona = TestPomona.start(directory,
        settings -> settings.withAdmin(AdminSettings.defaults().withToken(TOKEN).onOwnAddress("127.0.0.1", 0)))) {
      URI adminUrl = pomona.pomona().adminUrl().orElseThrow();
      assertThat(adminUrl.getPort()).isNotEqualTo(pomona.pomona().port());

      Response onAdminPort = pomona.send(HttpRequest.newBuilder(URI.create(adminUrl + "/_pomona/teams"))
          .header("Authorization", "Bearer " + TOKEN).GET().build());
      assertThat(onAdminPort.status()).isEqualTo(200);
      Response onApiPort = pomona.send(HttpRequest.newBuilder(pomona.url("/_pomona/teams"))
          .header("Authorization", "Bearer " + TOKEN).GET().build());
      assertThat(onApiPort.status()).isEqualTo(404);
      assertThat(onApiPort.errorCode()).isEqualTo("PATH_ERROR");
      Response apiOnAdminPort = pomona.send(HttpRequest.newBuilder(URI.create(adminUrl + "/v1/apps"))
          .header("Authorization", "Bearer " + TOKEN).GET().build());
      assertThat(apiOnAdminPort.status()).isEqualTo(404);
      assertThat(pomona.get("/v1/apps").status()).isEqualTo(200);
    }
  }
}
