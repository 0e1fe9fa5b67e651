package io.pomona.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.Operation;
import java.util.Optional;

/**
 * One request of the sweep, ready to send.
 *
 * @param operation the catalog operation it exercises
 * @param target the path with its query, e.g. {@code /v1/apps/123?include=builds}
 * @param body the JSON body, for writes
 */
public record Probe(Operation operation, String target, Optional<JsonNode> body) {
  public String method() {
    return operation.method();
  }
}
