package io.pomona.http;

import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.uploads.Reservation;
import io.pomona.uploads.UploadVault;
import java.io.InputStream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The part route of uploads, {@code PUT /_uploads/<token>/<partNumber>}, beside the API pipeline:
 * no token, as Apple's pre-signed part URLs need none (the reservation's secret token is in the
 * path). The body streams to the {@link UploadVault}; answers 200 with the part's MD5 as {@code
 * ETag}, or an error document. Requests outside the prefix are left to the next handler.
 */
final class UploadPartHandler extends Handler.Abstract {
  private final UploadVault vault;
  private final ErrorDocuments errors;

  UploadPartHandler(UploadVault vault, ErrorDocuments errors) {
    super(InvocationType.BLOCKING);
    this.vault = vault;
    this.errors = errors;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = request.getHttpURI().getDecodedPath();
    if (path == null || !path.startsWith(Reservation.PATH_PREFIX)) {
      return false;
    }
    ApiResponse answer;
    try {
      answer = put(request, path.substring(Reservation.PATH_PREFIX.length()));
    } catch (ApiException refused) {
      answer = errors.render(refused);
    }
    JettyServer.write(answer, response, callback);
    return true;
  }

  private ApiResponse put(Request request, String rest) throws Exception {
    String[] segments = rest.split("/", -1);
    if (segments.length != 2) {
      throw Errors.pathNotFound(request.getHttpURI().getPath());
    }
    if (!request.getMethod().equals("PUT")) {
      throw Errors.methodNotAllowed(request.getMethod(), "PUT");
    }
    int partNumber = partNumber(segments[1]);
    String etag;
    try (InputStream body = Content.Source.asInputStream(request)) {
      etag = vault.putPart(segments[0], partNumber, request.getLength(), body);
    }
    return ApiResponse.empty(200).withHeader("ETag", "\"" + etag + "\"");
  }

  private static int partNumber(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException notANumber) {
      throw new ApiException(new ApiError(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value",
          "'" + text + "' is not a part number").withSource(ApiError.Source.parameter("partNumber")));
    }
  }
}
