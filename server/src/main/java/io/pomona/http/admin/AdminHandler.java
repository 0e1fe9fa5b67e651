package io.pomona.http.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.http.ApiRequest;
import io.pomona.http.ApiResponse;
import io.pomona.http.ErrorDocuments;
import io.pomona.http.JettyServer;
import io.pomona.operator.AdminToken;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API: checks the admin token (401 before anything else, so unknown paths reveal
 * nothing), routes to an endpoint, and renders its JSON answer or its failure as an error
 * document. {@code GET /_pomona} lists the routes.
 */
public final class AdminHandler implements JettyServer.AdminApi {
  private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);

  private final AdminToken token;
  private final AdminRoutes routes = new AdminRoutes();
  private final ErrorDocuments errors;
  private final ObjectMapper json;

  public AdminHandler(AdminToken token, List<EndpointGroup> groups, ErrorDocuments errors, ObjectMapper json) {
    this.token = token;
    this.errors = errors;
    this.json = json;
    routes.get("/_pomona", call -> Endpoint.Reply.ok(index()));
    groups.forEach(group -> group.register(routes));
  }

  @Override
  public ApiResponse handle(ApiRequest request) {
    try {
      token.check(request.header("authorization"));
      AdminRoutes.Match match = routes.match(request.method(), request.path());
      Endpoint.Reply reply = match.route().endpoint().handle(new AdminCall(request, match.parameters(), json));
      return ApiResponse.json(reply.status(), json.writeValueAsBytes(reply.body()));
    } catch (ApiException e) {
      return errors.render(e);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    } catch (RuntimeException e) {
      String id = UUID.randomUUID().toString();
      log.error("unexpected error {} on admin {} {}", id, request.method(), request.path(), e);
      return errors.render(Errors.unexpected(), id);
    }
  }

  private ObjectNode index() {
    ObjectNode index = json.createObjectNode();
    ArrayNode endpoints = index.putArray("endpoints");
    for (AdminRoutes.Route route : routes.all()) {
      endpoints.add(route.method() + " " + route.template());
    }
    return index;
  }
}
