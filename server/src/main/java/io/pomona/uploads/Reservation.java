package io.pomona.uploads;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reserved upload: its token (the secret in its part URLs), how its file is cut into parts, the
 * content type the parts are sent with, and when the part URLs stop working.
 */
public record Reservation(String token, PartPlan plan, String contentType, Instant expiresAt) {
  /** The path prefix of part URLs; Apple's API paths all start with /v1 .. /v3, the admin API's with /_pomona. */
  public static final String PATH_PREFIX = "/_uploads/";

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  /** The URL of one part, under {@code baseUrl} (the server's public URL, no trailing slash). */
  public String partUrl(String baseUrl, int partNumber) {
    return baseUrl + PATH_PREFIX + token + "/" + partNumber;
  }

  /**
   * The upload operations as the {@code uploadOperations} attribute holds them: each {@code
   * method}, {@code url}, {@code length}, {@code offset} and {@code requestHeaders} (the spec's
   * {@code UploadOperation}), plus {@code expiration} and {@code partNumber} when {@code
   * withPartDetails} (its {@code DeliveryFileUploadOperation}, used by build upload files).
   */
  public List<Map<String, Object>> operations(String baseUrl, boolean withPartDetails) {
    return plan.parts().stream().map(part -> {
      Map<String, Object> operation = new LinkedHashMap<>();
      operation.put("method", "PUT");
      operation.put("url", partUrl(baseUrl, part.number()));
      operation.put("length", part.length());
      operation.put("offset", part.offset());
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("name", "Content-Type");
      header.put("value", contentType);
      operation.put("requestHeaders", List.of(header));
      if (withPartDetails) {
        operation.put("expiration", DATE_TIME.format(expiresAt));
        operation.put("partNumber", part.number());
      }
      return operation;
    }).toList();
  }
}
