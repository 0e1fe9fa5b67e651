package io.pomona.http.admin;

import io.pomona.error.Errors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin API's routes: a method and a path template such as {@code
 * /_pomona/teams/{team}/keys}, whose {@code {name}} segments match one path segment each.
 */
public final class AdminRoutes {
  private final List<Route> routes = new ArrayList<>();

  /** A route: method, template and the endpoint that answers it. */
  public record Route(String method, String template, Endpoint endpoint) {
    List<String> segments() {
      return List.of(template.substring(1).split("/"));
    }
  }

  /** A matched route with the values of its {@code {name}} segments. */
  record Match(Route route, Map<String, String> parameters) {}

  public AdminRoutes get(String template, Endpoint endpoint) {
    return add("GET", template, endpoint);
  }

  public AdminRoutes post(String template, Endpoint endpoint) {
    return add("POST", template, endpoint);
  }

  public AdminRoutes delete(String template, Endpoint endpoint) {
    return add("DELETE", template, endpoint);
  }

  private AdminRoutes add(String method, String template, Endpoint endpoint) {
    if (!template.startsWith("/_pomona")) {
      throw new IllegalArgumentException("admin routes live under /_pomona: " + template);
    }
    routes.add(new Route(method, template, endpoint));
    return this;
  }

  public List<Route> all() {
    return List.copyOf(routes);
  }

  /** The route for a request: 404 {@code PATH_ERROR} for an unknown path, 405 for another method. */
  Match match(String method, String path) {
    List<String> segments = List.of(path.substring(1).split("/", -1));
    Set<String> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      Optional<Map<String, String>> parameters = parameters(route.segments(), segments);
      if (parameters.isPresent()) {
        if (route.method().equals(method)) {
          return new Match(route, parameters.get());
        }
        allowed.add(route.method());
      }
    }
    if (!allowed.isEmpty()) {
      throw Errors.methodNotAllowed(method, String.join(", ", allowed));
    }
    throw Errors.pathNotFound(path);
  }

  private static Optional<Map<String, String>> parameters(List<String> template, List<String> path) {
    if (template.size() != path.size()) {
      return Optional.empty();
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < template.size(); i++) {
      String expected = template.get(i);
      if (expected.startsWith("{") && expected.endsWith("}")) {
        if (path.get(i).isEmpty()) {
          return Optional.empty();
        }
        values.put(expected.substring(1, expected.length() - 1), path.get(i));
      } else if (!expected.equals(path.get(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(values);
  }
}
