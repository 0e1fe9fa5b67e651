package io.pomona.sim.demo;

import io.pomona.behaviour.SeededFiles;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * One screenshot per version localization, in a set of the display type App Review requires for
 * the platform, with a real PNG at a size Apple accepts for it (a gradient and a card, drawn with
 * Java2D). The bytes go through the screenshots' own behaviour as an operator's seeded file
 * ({@link SeededFiles}), so they are stored, measured and served like an uploaded screenshot.
 * One image per platform, drawn once per seeding: the demo stays fast.
 */
final class DemoScreenshots {
  /** The display type and a size it takes, by platform (the smallest accepted size of each). */
  private static final Map<DemoPlatform, Shot> SHOTS = new EnumMap<>(Map.of(
      DemoPlatform.IOS, new Shot("APP_IPHONE_67", 1290, 2796),
      DemoPlatform.MAC_OS, new Shot("APP_DESKTOP", 1280, 800),
      DemoPlatform.TV_OS, new Shot("APP_APPLE_TV", 1920, 1080)));

  private record Shot(String displayType, int width, int height) {}

  private final DemoContext context;
  private final Map<DemoPlatform, byte[]> images = new EnumMap<>(DemoPlatform.class);

  DemoScreenshots(DemoContext context) {
    this.context = context;
  }

  /** A screenshot set with one processed screenshot for a version localization of the platform. */
  void seed(DemoPlatform platform, String localizationId) {
    Shot shot = SHOTS.get(platform);
    String set = context.out().resource("appScreenshotSets", context.random().uuid())
        .attr("screenshotDisplayType", shot.displayType())
        .link("appStoreVersionLocalization", localizationId)
        .save();
    context.out().resource("appScreenshots", context.random().uuid())
        .attr("fileName", "home.png")
        .attr(SeededFiles.BYTES_ATTRIBUTE, images.computeIfAbsent(platform, p -> draw(shot)))
        .link("appScreenshotSet", set)
        .save();
  }

  private static byte[] draw(Shot shot) {
    BufferedImage image = new BufferedImage(shot.width(), shot.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setPaint(new GradientPaint(0, 0, new Color(0x3A7BD5), 0, shot.height(), new Color(0x00D2FF)));
      graphics.fillRect(0, 0, shot.width(), shot.height());
      graphics.setColor(Color.WHITE);
      int margin = Math.min(shot.width(), shot.height()) / 10;
      graphics.fillRoundRect(margin, shot.height() / 3, shot.width() - 2 * margin, shot.height() / 3, margin, margin);
    } finally {
      graphics.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a demo screenshot", e);
    }
    return png.toByteArray();
  }
}
