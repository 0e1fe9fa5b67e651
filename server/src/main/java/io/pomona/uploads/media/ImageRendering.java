package io.pomona.uploads.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * An image re-encoded for a templateUrl: scaled to fit within a {@code w × h} box keeping its
 * aspect ratio (Apple's {@code bb}, "bounding box", suffix), as PNG or JPEG.
 */
public final class ImageRendering {
  /** The largest side served: large enough for every display type, small enough to bound memory. */
  public static final int MAX_SIDE = 4096;
  /** The largest image decoded: above every accepted size (3840 × 2160 is the largest). */
  public static final long MAX_SOURCE_PIXELS = 16L * 1024 * 1024;

  private ImageRendering() {}

  /** The format names a templateUrl may end with, as ImageIO writes them. */
  public static Optional<String> writerFormat(String extension) {
    return switch (extension) {
      case "png" -> Optional.of("png");
      case "jpg", "jpeg" -> Optional.of("jpg");
      default -> Optional.empty();
    };
  }

  /**
   * The stored image {@code file} within a {@code width × height} box, encoded as {@code format}
   * ({@code png} or {@code jpg}); empty when the file is not an image.
   */
  public static Optional<byte[]> render(Path file, int width, int height, String format) {
    // Decoding allocates width × height pixels: read the header first, so that a small file that
    // claims a huge size (which processing refused) cannot exhaust the memory here.
    Optional<ImageFacts> facts = ImageProbe.read(file);
    if (facts.isEmpty() || (long) facts.get().width() * facts.get().height() > MAX_SOURCE_PIXELS) {
      return Optional.empty();
    }
    BufferedImage source;
    try {
      source = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stored image " + file, e);
    }
    if (source == null) {
      return Optional.empty();
    }
    double scale = Math.min((double) width / source.getWidth(), (double) height / source.getHeight());
    int targetWidth = Math.max(1, (int) Math.round(source.getWidth() * scale));
    int targetHeight = Math.max(1, (int) Math.round(source.getHeight() * scale));
    // JPEG has no alpha: draw on an opaque image for it.
    boolean opaque = format.equals("jpg") || !source.getColorModel().hasAlpha();
    BufferedImage target = new BufferedImage(targetWidth, targetHeight,
        opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
    Graphics2D graphics = target.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.drawImage(source, 0, 0, targetWidth, targetHeight, null);
    } finally {
      graphics.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(target, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode an image as " + format, e);
    }
    return Optional.of(out.toByteArray());
  }
}
