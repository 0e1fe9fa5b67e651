package io.pomona.http;

import io.pomona.catalog.Operation;
import io.pomona.error.Errors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the operation for a method and path. Built once from the catalog's operations: no
 * hand-written route per endpoint. Path templates are compiled into a tree of segments where a
 * literal segment wins over a {@code {param}} segment, so {@code /v1/apps/{id}/relationships/builds}
 * and {@code /v1/apps/{id}/builds} never compete.
 */
public final class Router {
  private final Node root = new Node();
  private int routeCount;

  public Router(List<Operation> operations) {
    for (Operation operation : operations) {
      add(operation);
    }
  }

  /** How many operations are routed. */
  public int size() {
    return routeCount;
  }

  private void add(Operation operation) {
    Node node = root;
    List<String> parameterNames = new ArrayList<>();
    for (String segment : segments(operation.path())) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        parameterNames.add(segment.substring(1, segment.length() - 1));
        node = node.parameter == null ? (node.parameter = new Node()) : node.parameter;
      } else {
        node = node.literals.computeIfAbsent(segment, s -> new Node());
      }
    }
    if (node.byMethod.put(operation.method(), operation) != null) {
      throw new IllegalStateException("two operations for " + operation.method() + " " + operation.path());
    }
    node.parameterNames = List.copyOf(parameterNames);
    routeCount++;
  }

  /**
   * The operation and path parameters for a request; unknown path → 404 {@code PATH_ERROR},
   * known path with another method → 405 {@code METHOD_NOT_ALLOWED}.
   */
  public RouteMatch route(String method, String path) {
    List<String> values = new ArrayList<>(2);
    Node node = find(root, segments(path), 0, values);
    if (node == null) {
      throw Errors.pathNotFound(path);
    }
    Operation operation = node.byMethod.get(method);
    if (operation == null) {
      throw Errors.methodNotAllowed(method, String.join(", ", node.byMethod.keySet()));
    }
    return new RouteMatch(operation, parameters(node.parameterNames, values));
  }

  /** Routing runs on every request: no Optional or intermediate map for the usual 0–2 parameters. */
  private static Map<String, String> parameters(List<String> names, List<String> values) {
    return switch (values.size()) {
      case 0 -> Map.of();
      case 1 -> Map.of(names.get(0), values.get(0));
      case 2 -> Map.of(names.get(0), values.get(0), names.get(1), values.get(1));
      default -> {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
          parameters.put(names.get(i), values.get(i));
        }
        yield Map.copyOf(parameters);
      }
    };
  }

  /** The node answering {@code segments} from {@code index} on, or null; fills {@code values}. */
  private static Node find(Node node, List<String> segments, int index, List<String> values) {
    if (index == segments.size()) {
      return node.byMethod.isEmpty() ? null : node;
    }
    String segment = segments.get(index);
    Node literal = node.literals.get(segment);
    if (literal != null) {
      Node found = find(literal, segments, index + 1, values);
      if (found != null) {
        return found;
      }
    }
    if (node.parameter != null && !segment.isEmpty()) {
      values.add(segment);
      Node found = find(node.parameter, segments, index + 1, values);
      if (found != null) {
        return found;
      }
      values.remove(values.size() - 1);
    }
    return null;
  }

  private static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/", -1));
  }

  /** A routed request: the operation and the values of the path's parameters ({@code id}). */
  public record RouteMatch(Operation operation, Map<String, String> pathParameters) {}

  private static final class Node {
    final Map<String, Node> literals = new HashMap<>();
    Node parameter;
    final Map<String, Operation> byMethod = new TreeMap<>();
    List<String> parameterNames = List.of();
  }
}
