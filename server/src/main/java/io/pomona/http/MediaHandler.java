package io.pomona.http;

import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.uploads.UploadVault;
import io.pomona.uploads.media.ImageFacts;
import io.pomona.uploads.media.ImageProbe;
import io.pomona.uploads.media.ImageRendering;
import io.pomona.uploads.media.MediaUrls;
import io.pomona.uploads.media.Mp4Probe;
import io.pomona.uploads.media.VideoFacts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Processed media, {@code GET /_media/<sha256>/<file>} (see {@link MediaUrls}): an image's
 * templateUrl filled in ({@code 645x1398bb.png}) answers the stored image scaled to fit that box,
 * as PNG or JPEG; {@code original.<ext>} answers the stored file as uploaded. No token, as Apple's
 * CDN needs none. Requests outside the prefix are left to the next handler.
 */
final class MediaHandler extends Handler.Abstract {
  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
  private static final Map<String, String> CONTENT_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg",
      "jpeg", "image/jpeg", "mp4", "video/mp4", "mov", "video/quicktime");

  private final UploadVault vault;
  private final ErrorDocuments errors;

  MediaHandler(UploadVault vault, ErrorDocuments errors) {
    super(InvocationType.BLOCKING);
    this.vault = vault;
    this.errors = errors;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getDecodedPath();
    if (path == null || !path.startsWith(MediaUrls.PATH_PREFIX)) {
      return false;
    }
    ApiResponse answer;
    try {
      answer = get(request, path);
    } catch (ApiException refused) {
      answer = errors.render(refused);
    }
    JettyServer.write(answer, response, callback);
    return true;
  }

  private ApiResponse get(Request request, String path) {
    if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
      throw Errors.methodNotAllowed(request.getMethod(), "GET");
    }
    String[] segments = path.substring(MediaUrls.PATH_PREFIX.length()).split("/", -1);
    if (segments.length != 2 || !DIGEST.matcher(segments[0]).matches()) {
      throw Errors.pathNotFound(request.getHttpURI().getPath());
    }
    Path file = vault.blob(segments[0]).orElseThrow(() -> Errors.pathNotFound(request.getHttpURI().getPath()));
    Matcher rendition = MediaUrls.RENDITION.matcher(segments[1]);
    if (rendition.matches()) {
      int width = side(rendition.group(1), "width");
      int height = side(rendition.group(2), "height");
      String format = ImageRendering.writerFormat(rendition.group(3)).orElseThrow();
      byte[] image = ImageRendering.render(file, width, height, format)
          .orElseThrow(() -> Errors.pathNotFound(request.getHttpURI().getPath()));
      return body(CONTENT_TYPES.get(format), image);
    }
    Matcher original = MediaUrls.ORIGINAL.matcher(segments[1]);
    if (original.matches() && isKind(file, original.group(1))) {
      try {
        return body(CONTENT_TYPES.get(original.group(1)), Files.readAllBytes(file));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the stored file " + file, e);
      }
    }
    throw Errors.pathNotFound(request.getHttpURI().getPath());
  }

  /**
   * Whether the stored file is what the extension says: only processed media are served as
   * originals, not whatever else the vault holds (build binaries, review attachments).
   */
  private static boolean isKind(Path file, String extension) {
    return switch (extension) {
      case "png", "jpg" -> ImageProbe.read(file).map(ImageFacts::format).filter(extension::equals).isPresent();
      default -> Mp4Probe.read(file).map(VideoFacts::extension).filter(extension::equals).isPresent();
    };
  }

  private static ApiResponse body(String contentType, byte[] bytes) {
    Map<String, String> headers = new LinkedHashMap<>();
    // Content-addressed: the bytes behind a URL never change.
    headers.put("Cache-Control", "public, max-age=31536000, immutable");
    return new ApiResponse(200, headers, contentType, bytes);
  }

  private static int side(String text, String name) {
    int value = Integer.parseInt(text);
    if (value < 1 || value > ImageRendering.MAX_SIDE) {
      throw new ApiException(new ApiError(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value",
          "The " + name + " must be between 1 and " + ImageRendering.MAX_SIDE + " pixels; it was " + value + ".")
          .withSource(ApiError.Source.parameter(name)));
    }
    return value;
  }
}
