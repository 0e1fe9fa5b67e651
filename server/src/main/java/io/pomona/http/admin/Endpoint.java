package io.pomona.http.admin;

import com.fasterxml.jackson.databind.JsonNode;

/** One admin endpoint: a call in, a JSON answer out; bad input throws an ApiException. */
@FunctionalInterface
public interface Endpoint {
  Reply handle(AdminCall call);

  /** A JSON answer with its status. */
  record Reply(int status, JsonNode body) {
    public static Reply ok(JsonNode body) {
      return new Reply(200, body);
    }

    public static Reply created(JsonNode body) {
      return new Reply(201, body);
    }
  }
}
