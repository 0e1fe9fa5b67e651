package io.pomona.uploads.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's format and size with {@code javax.imageio}, from its header (the pixels are not
 * decoded). Only PNG and JPEG count: Apple takes screenshots as {@code .png}, {@code .jpg} or
 * {@code .jpeg}; a GIF, BMP or anything ImageIO cannot read is not an image here.
 */
public final class ImageProbe {
  /** ImageIO's format names of the accepted formats, with the extension templateUrls use. */
  private static final Map<String, String> ACCEPTED = Map.of("png", "png", "jpeg", "jpg");

  private ImageProbe() {}

  /** The image in {@code file}, or empty when it is not a PNG or JPEG image that can be read. */
  public static Optional<ImageFacts> read(Path file) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        return Optional.empty();
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        String format = ACCEPTED.get(reader.getFormatName().toLowerCase(Locale.ROOT));
        if (format == null) {
          return Optional.empty();
        }
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        boolean alpha = types.hasNext() && types.next().getColorModel().hasAlpha();
        return Optional.of(new ImageFacts(format, width, height, alpha));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException unreadable) {
      // A truncated or corrupt file: ImageIO's readers throw IOExceptions and, for some damage,
      // runtime exceptions; either way the bytes are not an image Apple would accept.
      return Optional.empty();
    }
  }
}
