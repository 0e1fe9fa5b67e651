package io.pomona.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Renders an {@link ApiException} as Apple's {@code ErrorResponse}, each error with a fresh id. */
public final class ErrorDocuments {
  private final ObjectMapper json;

  public ErrorDocuments(ObjectMapper json) {
    this.json = json;
  }

  public ApiResponse render(ApiException exception) {
    return render(exception, UUID.randomUUID().toString());
  }

  /** Renders with {@code firstId} as the first error's id (so a 500's id can also be logged). */
  public ApiResponse render(ApiException exception, String firstId) {
    ObjectNode document = json.createObjectNode();
    ArrayNode errors = document.putArray("errors");
    boolean first = true;
    for (ApiError error : exception.errors()) {
      ObjectNode node = errors.addObject();
      node.put("id", first ? firstId : UUID.randomUUID().toString());
      first = false;
      node.put("status", Integer.toString(error.status()));
      node.put("code", error.code());
      node.put("title", error.title());
      error.detail().ifPresent(detail -> node.put("detail", detail));
      error.source().ifPresent(source -> {
        ObjectNode sourceNode = node.putObject("source");
        source.pointer().ifPresent(pointer -> sourceNode.put("pointer", pointer));
        source.parameter().ifPresent(parameter -> sourceNode.put("parameter", parameter));
      });
      if (!error.meta().isEmpty()) {
        node.set("meta", json.valueToTree(error.meta()));
      }
    }
    try {
      return ApiResponse.json(exception.status(), json.writeValueAsBytes(document));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
