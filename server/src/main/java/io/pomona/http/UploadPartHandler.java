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
    // One stream for the whole exchange: closing a partly read stream fails the request's content,
    // and Jetty then drops the connection without sending the answer.
    InputStream body = Content.Source.asInputStream(request);
    try {
      answer = put(request, path.substring(Reservation.PATH_PREFIX.length()), body);
    } catch (ApiException refused) {
      discardUnread(body);
      answer = errors.render(refused);
    }
    JettyServer.write(answer, response, callback);
    return true;
  }

  private ApiResponse put(Request request, String rest, InputStream body) throws Exception {
    String[] segments = rest.split("/", -1);
    if (segments.length != 2) {
      throw Errors.pathNotFound(request.getHttpURI().getPath());
    }
    if (!request.getMethod().equals("PUT")) {
      throw Errors.methodNotAllowed(request.getMethod(), "PUT");
    }
    int partNumber = partNumber(segments[1]);
    String etag = vault.putPart(segments[0], partNumber, request.getLength(), body);
    return ApiResponse.empty(200).withHeader("ETag", "\"" + etag + "\"");
  }

  /**
   * A part refused before its bytes were read (sent twice, out of range, unknown reservation) is
   * still read to its end, up to one part's worth, so that the client, which is still sending,
   * receives the error document instead of a reset connection ("broken pipe"). Larger bodies are
   * left unread: Jetty then closes the connection after the answer.
   */
  private static void discardUnread(InputStream body) {
    byte[] sink = new byte[64 * 1024];
    long left = DISCARD_LIMIT;
    try {
      int read;
      while (left > 0 && (read = body.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
        left -= read;
      }
    } catch (java.io.IOException | RuntimeException unreadable) {
      // The body could not be read (already consumed, or the client went away): answer anyway.
    }
  }

  private static final long DISCARD_LIMIT = 2 * UploadVault.DEFAULT_PART_BYTES;

  private static int partNumber(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException notANumber) {
      throw new ApiException(new ApiError(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value",
          "'" + text + "' is not a part number").withSource(ApiError.Source.parameter("partNumber")));
    }
  }
}
