package io.pomona.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.Operation;
import io.pomona.query.Query;
import java.util.Optional;

/**
 * One operation to run.
 *
 * @param operation the routed operation
 * @param id the path's {@code {id}}, when it has one
 * @param query the parsed, validated query
 * @param body the parsed JSON body, for writes
 * @param caller the team and key
 * @param path the request path, e.g. {@code /v1/apps}
 * @param rawQuery the query string as sent (links echo it)
 * @param contentType the media type the answer should have: the operation's own, or one of its
 *     {@linkplain Operation#alternativeContentTypes() alternatives} the client asked for
 */
public record Call(
    Operation operation,
    Optional<String> id,
    Query query,
    Optional<JsonNode> body,
    Caller caller,
    String path,
    String rawQuery,
    String contentType) {

  /** A call answered in the operation's own content type. */
  public Call(Operation operation, Optional<String> id, Query query, Optional<JsonNode> body, Caller caller, String path,
      String rawQuery) {
    this(operation, id, query, body, caller, path, rawQuery, operation.contentType());
  }

  /** Whether the client asked for the CSV form of a list. */
  boolean wantsCsv() {
    return CsvDocuments.CSV.equals(contentType);
  }
}
