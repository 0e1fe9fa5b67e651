package io.pomona.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.testing.TestPomona.Response;
import java.net.URI;
import java.net.http.HttpRequest;

/** Sends admin API requests to a {@link TestPomona} with its admin token. */
public final class Admin {
  private final TestPomona pomona;

  public Admin(TestPomona pomona) {
    this.pomona = pomona;
  }

  /** The admin token of the running server. */
  public String token() {
    return pomona.pomona().operator().adminToken().orElseThrow().value();
  }

  /** Where the admin API answers: the API's address or the admin connector's. */
  public URI url(String pathAndQuery) {
    return URI.create(pomona.pomona().adminUrl().orElseThrow() + pathAndQuery);
  }

  public Response get(String pathAndQuery) {
    return send("GET", pathAndQuery, null);
  }

  public Response post(String pathAndQuery, JsonNode body) {
    return send("POST", pathAndQuery, body);
  }

  public Response delete(String pathAndQuery) {
    return send("DELETE", pathAndQuery, null);
  }

  public Response send(String method, String pathAndQuery, JsonNode body) {
    return sendRaw(method, pathAndQuery, body == null ? null : body.toString(), "Bearer " + token());
  }

  /** A request with exactly this body text and Authorization header (null for none). */
  public Response sendRaw(String method, String pathAndQuery, String body, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(pathAndQuery));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return pomona.send(request.build());
  }
}
