package io.pomona.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.error.Errors;
import io.pomona.http.ApiRequest;
import java.io.IOException;
import java.util.Map;

/**
 * One routed admin request: its path parameters, its query parameters and, on demand, its body
 * as JSON.
 */
public final class AdminCall {
  private final ApiRequest request;
  private final Map<String, String> pathParameters;
  private final QueryParameters query;
  private final ObjectMapper json;

  AdminCall(ApiRequest request, Map<String, String> pathParameters, ObjectMapper json) {
    this.request = request;
    this.pathParameters = Map.copyOf(pathParameters);
    this.query = QueryParameters.parse(request.rawQuery());
    this.json = json;
  }

  /** A {@code {name}} segment of the route's path. */
  public String path(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalStateException("the route has no path parameter " + name);
    }
    return value;
  }

  public QueryParameters query() {
    return query;
  }

  /** The body as a JSON object; an empty body counts as {@code {}}. 400 for anything else. */
  public JsonBody body() {
    return new JsonBody(rawJson(), "");
  }

  /** The body as any JSON value (for imported documents); 400 when it is not JSON. */
  public JsonNode rawJson() {
    byte[] body = request.body();
    if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw Errors.entityInvalid("The request body is not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
