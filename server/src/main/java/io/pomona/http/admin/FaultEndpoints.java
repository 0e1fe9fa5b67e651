package io.pomona.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.operator.FaultRules;
import io.pomona.operator.FaultSpec;
import io.pomona.operator.RequestLog;

/**
 * Fault rules and the request log.
 *
 * <ul>
 *   <li>{@code POST /_pomona/faults {pathPattern, method?, status?, errorCode?, title?, detail?,
 *       delayMs?, count?, probability?}} (see {@link FaultSpec}, {@link
 *       io.pomona.operator.PathPattern} for the pattern syntax)
 *   <li>{@code GET /_pomona/faults}; {@code DELETE /_pomona/faults}; {@code DELETE
 *       /_pomona/faults/{id}}
 *   <li>{@code GET /_pomona/requests?limit=N}: the last N API requests, oldest first (default 50)
 * </ul>
 */
public final class FaultEndpoints implements EndpointGroup {
  private static final int DEFAULT_REQUESTS = 50;

  private final FaultRules faults;
  private final RequestLog requests;
  private final AdminJson json;

  public FaultEndpoints(FaultRules faults, RequestLog requests, ObjectMapper mapper) {
    this.faults = faults;
    this.requests = requests;
    this.json = new AdminJson(mapper);
  }

  @Override
  public void register(AdminRoutes routes) {
    routes.post("/_pomona/faults", call -> {
      JsonBody body = call.body().only("pathPattern", "method", "status", "errorCode", "title", "detail", "delayMs",
          "count", "probability");
      FaultSpec spec = new FaultSpec(body.text("pathPattern"), body.optionalText("method"), body.optionalInt("status"),
          body.optionalText("errorCode"), body.optionalText("title"), body.optionalText("detail"),
          body.optionalLong("delayMs"), body.optionalInt("count"), body.optionalNumber("probability"));
      return Endpoint.Reply.created(json.fault(faults.add(spec)));
    });
    routes.get("/_pomona/faults", call -> {
      call.query().only();
      return Endpoint.Reply.ok(json.list("faults", faults.list(), json::fault));
    });
    routes.delete("/_pomona/faults", call -> {
      ObjectNode answer = json.object();
      answer.put("cleared", faults.clear());
      return Endpoint.Reply.ok(answer);
    });
    routes.delete("/_pomona/faults/{id}", call -> {
      String id = call.path("id");
      if (!faults.remove(id)) {
        throw new ApiException(new ApiError(404, "NOT_FOUND", "The specified resource does not exist",
            "There is no fault rule with id '" + id + "'"));
      }
      ObjectNode answer = json.object();
      answer.put("cleared", 1);
      return Endpoint.Reply.ok(answer);
    });
    routes.get("/_pomona/requests", call -> {
      int limit = call.query().only("limit").integer("limit", 1, requests.capacity()).orElse(DEFAULT_REQUESTS);
      ObjectNode answer = json.list("requests", requests.last(limit), json::request);
      answer.put("capacity", requests.capacity());
      return Endpoint.Reply.ok(answer);
    });
  }
}
