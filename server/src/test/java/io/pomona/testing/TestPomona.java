package io.pomona.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.account.Team;
import io.pomona.app.Accounts;
import io.pomona.app.Pomona;
import io.pomona.app.Settings;
import io.pomona.auth.KeyMaterial;
import io.pomona.auth.TokenMinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A real Pomona on a free port with a temporary SQLite file, a team and an ADMIN key registered
 * the way a user would, and an HTTP client that sends real ES256 tokens.
 */
public final class TestPomona implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();

  private final Pomona pomona;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Team team;
  private final Accounts.CreatedKey key;
  private final TokenMinter minter;
  private final Settings settings;

  private TestPomona(Pomona pomona, Team team, Accounts.CreatedKey key, TokenMinter minter, Settings settings) {
    this.pomona = pomona;
    this.team = team;
    this.key = key;
    this.minter = minter;
    this.settings = settings;
  }

  public static TestPomona start(Path directory) {
    return start(directory, settings -> settings);
  }

  public static TestPomona start(Path directory, UnaryOperator<Settings> configure) {
    try {
      Settings settings = configure.apply(Settings.forTests(directory.resolve("data")));
      Pomona pomona = Pomona.start(settings, Clock.systemUTC());
      Accounts accounts = new Accounts(pomona.store(), Clock.systemUTC());
      Team team = accounts.createTeam("Test Team");
      Accounts.CreatedKey key = accounts.createKey(team, "test", Set.of("ADMIN"), Optional.empty(), directory.resolve("keys"));
      TokenMinter minter = new TokenMinter(key.key().keyId(),
          KeyMaterial.readPrivateKey(Files.readString(key.privateKeyFile())), Clock.systemUTC());
      return new TestPomona(pomona, team, key, minter, settings);
    } catch (Exception e) {
      throw new IllegalStateException("could not start Pomona for a test", e);
    }
  }

  /**
   * Stops this server and starts a new one on the same data directory (a restart), keeping the
   * team and key; this instance is closed and the returned one takes its place.
   */
  public TestPomona restart() {
    try {
      pomona.close();
      return new TestPomona(Pomona.start(settings, Clock.systemUTC()), team, key, minter, settings);
    } catch (Exception e) {
      throw new IllegalStateException("could not restart Pomona for a test", e);
    }
  }

  public Pomona pomona() {
    return pomona;
  }

  public Team team() {
    return team;
  }

  public Accounts.CreatedKey key() {
    return key;
  }

  /** A fresh team-key token for the test team: ES256, 20 minutes, no scope. */
  public String token() {
    return minter.teamToken(team.issuerId(), Duration.ofMinutes(20), List.of());
  }

  public URI url(String pathAndQuery) {
    return URI.create(pomona.baseUrl() + pathAndQuery);
  }

  public Response get(String pathAndQuery) {
    return send("GET", pathAndQuery, null);
  }

  public Response send(String method, String pathAndQuery, JsonNode body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(pathAndQuery))
        .header("Authorization", "Bearer " + token());
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    return send(request.build());
  }

  public Response send(HttpRequest request) {
    try {
      return new Response(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    pomona.close();
  }

  /** An HTTP response with its body parsed as JSON (when it is JSON). */
  public record Response(HttpResponse<String> raw) {
    public int status() {
      return raw.statusCode();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + raw.body(), e);
      }
    }

    public Optional<String> header(String name) {
      return raw.headers().firstValue(name);
    }

    /** The first error's code, for error responses. */
    public String errorCode() {
      return json().path("errors").path(0).path("code").asText();
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}
