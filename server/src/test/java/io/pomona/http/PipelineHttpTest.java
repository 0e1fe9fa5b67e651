package io.pomona.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.testing.Documents;
import io.pomona.testing.TestPomona;
import io.pomona.testing.TestPomona.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Items 5–7 of the foundation issue over real HTTP: every bad request gets its exact error. */
class PipelineHttpTest {
  @TempDir static Path directory;
  static TestPomona pomona;

  @BeforeAll
  static void start() {
    pomona = TestPomona.start(directory, settings -> settings.withMaxBodyBytes(2048));
  }

  @AfterAll
  static void stop() throws Exception {
    pomona.close();
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(pomona.url(path)).header("Authorization", "Bearer " + pomona.token());
  }

  static Stream<Arguments> badRequests() {
    String validBody = Documents.resource("bundleIds").attribute("identifier", "com.example.x")
        .attribute("name", "X").attribute("platform", "IOS").document().toString();
    byte[] badUtf8 = {'{', '"', 'd', 'a', 't', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    return Stream.of(
        Arguments.of("malformed JSON", request("/v1/bundleIds").header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{\"data\": {")), 400, "ENTITY_INVALID"),
        Arguments.of("bad UTF-8", request("/v1/bundleIds").header("Content-Type", "application/json")
            .POST(BodyPublishers.ofByteArray(badUtf8)), 400, "ENTITY_INVALID"),
        Arguments.of("body over the limit", request("/v1/bundleIds").header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{\"pad\":\"" + "x".repeat(4096) + "\"}")), 413, "ENTITY_TOO_LARGE"),
        Arguments.of("wrong content type", request("/v1/bundleIds").header("Content-Type", "text/plain")
            .POST(BodyPublishers.ofString(validBody)), 415, "UNSUPPORTED_MEDIA_TYPE"),
        Arguments.of("no content type", request("/v1/bundleIds").POST(BodyPublishers.ofString(validBody)),
            415, "UNSUPPORTED_MEDIA_TYPE"),
        Arguments.of("unknown path", request("/v1/nothingHere").GET(), 404, "PATH_ERROR"),
        Arguments.of("wrong method", request("/v1/apps").DELETE(), 405, "METHOD_NOT_ALLOWED"),
        Arguments.of("unknown parameter", request("/v1/apps?foo=bar").GET(), 400, "PARAMETER_ERROR.ILLEGAL"),
        Arguments.of("no token", HttpRequest.newBuilder(pomona.url("/v1/apps")).GET(), 401, "NOT_AUTHORIZED"),
        Arguments.of("garbage token", HttpRequest.newBuilder(pomona.url("/v1/apps"))
            .header("Authorization", "Bearer abc.def.ghi").GET(), 401, "NOT_AUTHORIZED"));
  }

  @ParameterizedTest(name = "{0} → {2} {3}")
  @MethodSource("badRequests")
  void badRequestGetsItsErrorDocument(String name, HttpRequest.Builder request, int status, String code) {
    Response response = pomona.send(request.build());
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    var error = response.json().path("errors").path(0);
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("status").asText()).isEqualTo(String.valueOf(status));
    assertThat(error.path("id").asText()).isNotBlank();
    assertThat(error.path("title").asText()).isNotBlank();
    assertThat(response.raw().body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aConnectionClosedAfterAnOversizedBodyIsNotReused() {
    // The 413 leaves the rest of the body unread, so the server closes that connection; it must
    // say so, or the client sends its next request down a dead connection.
    for (int i = 0; i < 20; i++) {
      Response tooLarge = pomona.send(request("/v1/bundleIds").header("Content-Type", "application/json")
          .POST(BodyPublishers.ofString("{\"pad\":\"" + "x".repeat(4096) + "\"}")).build());
      assertThat(tooLarge.status()).isEqualTo(413);
      Response next = pomona.send(request("/v1/bundleIds").header("Content-Type", "text/plain")
          .POST(BodyPublishers.ofString("{}")).build());
      assertThat(next.status()).isEqualTo(415);
    }
  }

  @Test
  void notAuthorizedCarriesApplesExactTexts() {
    var error = pomona.send(HttpRequest.newBuilder(pomona.url("/v1/apps")).GET().build()).json().path("errors").path(0);
    assertThat(error.path("title").asText()).isEqualTo("Authentication credentials are missing or invalid.");
    assertThat(error.path("detail").asText()).isEqualTo(
        "Provide a properly configured and signed bearer token, and make sure that it has not expired.");
    assertThat(error.has("source")).isFalse();
  }

  @Test
  void unknownParameterNamesTheParameter() {
    Response response = pomona.get("/v1/apps?filter[emaill]=x");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").path(0).path("source").path("parameter").asText()).isEqualTo("filter[emaill]");
  }

  @Test
  void everyAuthenticatedResponseCarriesTheRateLimitHeader() {
    assertThat(pomona.get("/v1/apps").header("X-Rate-Limit"))
        .hasValueSatisfying(v -> assertThat(v).matches("user-hour-lim:3500;user-hour-rem:\\d+;"));
    assertThat(pomona.get("/v1/apps?foo=1").header("X-Rate-Limit")).isPresent();
  }

  @Test
  void malformedUriIsAJsonErrorNotAnHtmlPage() throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", pomona.pomona().port())) {
      socket.getOutputStream().write("GET /v1/apps/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json").contains("\"errors\"");
    }
  }
}
