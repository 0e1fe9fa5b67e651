package io.pomona.jsonapi;

import java.util.Objects;

/**
 * A resource identifier object from a request body: {@code {"type":"apps","id":"123"}}. Whether
 * the resource exists in the team is checked later, by the engine.
 */
public record Identifier(String type, String id) {
  public Identifier {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }
}
