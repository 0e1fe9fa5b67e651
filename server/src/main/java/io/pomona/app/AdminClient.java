package io.pomona.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The CLI's side of the admin API: JSON requests with the admin token to a running server,
 * over {@code java.net.http}. A non-2xx answer becomes a {@link Failure} carrying the error
 * document's first code and detail.
 */
final class AdminClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI server;
  private final String token;

  AdminClient(URI server, String token) {
    String base = server.toString();
    this.server = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.token = token;
  }

  JsonNode get(String pathAndQuery) {
    return send("GET", pathAndQuery, null);
  }

  JsonNode post(String pathAndQuery, JsonNode body) {
    return send("POST", pathAndQuery, body);
  }

  JsonNode delete(String pathAndQuery) {
    return send("DELETE", pathAndQuery, null);
  }

  private JsonNode send(String method, String pathAndQuery, JsonNode body) {
    URI uri = server.resolve(pathAndQuery);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      try {
        request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      } catch (IOException e) {
        throw new IllegalStateException("a JSON tree always serializes", e);
      }
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      throw new Unreachable("cannot reach a Pomona server at " + server + " (is `pomona serve` running? see --server)", e);
    } catch (IOException e) {
      throw new Unreachable("talking to " + server + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable("interrupted while waiting for " + server, e);
    }
    JsonNode answer = parse(response.body());
    if (response.statusCode() >= 300) {
      JsonNode error = answer.path("errors").path(0);
      throw new Failure(response.statusCode(), error.path("code").asText("HTTP_" + response.statusCode()),
          error.path("detail").asText(error.path("title").asText(new String(response.body()))));
    }
    return answer;
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode().put("body", new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** The server answered with an error. */
  static final class Failure extends RuntimeException {
    private final int status;
    private final String code;

    Failure(int status, String code, String detail) {
      super(detail);
      this.status = status;
      this.code = code;
    }

    int status() {
      return status;
    }

    String code() {
      return code;
    }
  }

  /** No server answered. */
  static final class Unreachable extends RuntimeException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
