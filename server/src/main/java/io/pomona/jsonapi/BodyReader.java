package io.pomona.jsonapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.pomona.error.Errors;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a request body into a JSON tree: the content type must be JSON, the bytes UTF-8, and the
 * text one JSON object. Each failure is a 4xx naming the problem (415, or 400 ENTITY_INVALID).
 */
public final class BodyReader {
  private final ObjectReader reader;

  public BodyReader(ObjectMapper json) {
    this.reader =
        json.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // Decimals stay exact, as sent ("1.50" keeps its scale): prices must not pass
            // through a double on their way to the store.
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
  }

  public JsonNode read(Optional<String> contentType, byte[] body) {
    requireJsonContentType(contentType);
    if (body.length == 0) {
      throw Errors.entityInvalid("The request body is empty; a JSON document is required.");
    }
    requireUtf8(body);
    JsonNode tree;
    try {
      tree = reader.readTree(body);
    } catch (JsonProcessingException e) {
      throw Errors.entityInvalid(
          "The request body is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ").");
    } catch (java.io.IOException e) {
      throw Errors.entityInvalid("The request body could not be read as JSON.");
    }
    if (tree == null || !tree.isObject()) {
      throw Errors.entityInvalid("The request body must be a JSON object.");
    }
    return tree;
  }

  private static void requireJsonContentType(Optional<String> contentType) {
    String mediaType =
        contentType.map(value -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    // Apple documents application/json; JSON:API's own media type is accepted as the same thing.
    if (!mediaType.equals("application/json") && !mediaType.equals("application/vnd.api+json")) {
      throw Errors.unsupportedMediaType(contentType.orElse(""));
    }
  }

  private static void requireUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw Errors.entityInvalid("The request body is not valid UTF-8.");
    }
  }
}
