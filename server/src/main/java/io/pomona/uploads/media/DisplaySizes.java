package io.pomona.uploads.media;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pixel sizes Apple accepts per display type: screenshots by {@code ScreenshotDisplayType},
 * app previews by {@code PreviewType}, app event media by {@code AppEventAssetType}.
 *
 * <p>Source: App Store Connect Help, "Screenshot specifications" and "App preview
 * specifications" (the sizes listed for each device class; several types take more than one size
 * because Apple folded newer devices into an existing slot: the 6.9" iPhone publishes through
 * {@code APP_IPHONE_67}, the 13" iPad through {@code APP_IPAD_PRO_3GEN_129}), and "App event
 * image and video specifications" (event card 1920 × 1080, details page 1080 × 1920). Inf where
 * the pages are silent: iMessage types take their device's sizes; {@code APP_IPHONE_35} and the
 * watch types are listed as Apple listed them when those devices were current. Portrait sizes
 * are listed; landscape, the transpose, is accepted where the device rotates (not the watch, not
 * the landscape-only Mac, TV and Vision Pro, not app events, whose slots have one orientation).
 */
public final class DisplaySizes {

  /** One accepted size, width × height in pixels. */
  public record Size(int width, int height) {
    @Override
    public String toString() {
      return width + "x" + height;
    }
  }

  /** The sizes of one display type, and whether their transposes are accepted too. */
  public record Accepted(List<Size> sizes, boolean rotates) {
    public boolean fits(int width, int height) {
      return sizes.stream().anyMatch(size -> size.width() == width && size.height() == height
          || rotates && size.width() == height && size.height() == width);
    }

    /** The sizes for an error message, e.g. {@code 1290x2796, 1320x2868 (or rotated)}. */
    public String describe() {
      return sizes.stream().map(Size::toString).collect(Collectors.joining(", ")) + (rotates ? " (or rotated)" : "");
    }
  }

  private static Accepted rotating(int... widthsAndHeights) {
    return new Accepted(sizes(widthsAndHeights), true);
  }

  private static Accepted fixed(int... widthsAndHeights) {
    return new Accepted(sizes(widthsAndHeights), false);
  }

  private static List<Size> sizes(int... widthsAndHeights) {
    Size[] sizes = new Size[widthsAndHeights.length / 2];
    for (int i = 0; i < sizes.length; i++) {
      sizes[i] = new Size(widthsAndHeights[2 * i], widthsAndHeights[2 * i + 1]);
    }
    return List.of(sizes);
  }

  private static final Accepted IPHONE_69 = rotating(1260, 2736, 1290, 2796, 1320, 2868);
  private static final Accepted IPHONE_65 = rotating(1242, 2688, 1284, 2778);
  private static final Accepted IPHONE_63 = rotating(1179, 2556, 1206, 2622);
  private static final Accepted IPHONE_61 = rotating(1170, 2532, 1125, 2436, 1080, 2340);
  private static final Accepted IPHONE_55 = rotating(1242, 2208);
  private static final Accepted IPHONE_47 = rotating(750, 1334);
  private static final Accepted IPHONE_40 = rotating(640, 1096, 640, 1136);
  private static final Accepted IPHONE_35 = rotating(640, 920, 640, 960);
  private static final Accepted IPAD_13 = rotating(2064, 2752, 2048, 2732);
  private static final Accepted IPAD_11 = rotating(1488, 2266, 1668, 2420, 1668, 2388, 1640, 2360);
  private static final Accepted IPAD_105 = rotating(1668, 2224);
  private static final Accepted IPAD_97 = rotating(1536, 2008, 1536, 2048, 768, 1004, 768, 1024);

  /** Screenshots, by {@code ScreenshotDisplayType}. */
  private static final Map<String, Accepted> SCREENSHOTS = Map.ofEntries(
      Map.entry("APP_IPHONE_67", IPHONE_69),
      Map.entry("APP_IPHONE_65", IPHONE_65),
      Map.entry("APP_IPHONE_61", IPHONE_63),
      Map.entry("APP_IPHONE_58", IPHONE_61),
      Map.entry("APP_IPHONE_55", IPHONE_55),
      Map.entry("APP_IPHONE_47", IPHONE_47),
      Map.entry("APP_IPHONE_40", IPHONE_40),
      Map.entry("APP_IPHONE_35", IPHONE_35),
      Map.entry("APP_IPAD_PRO_3GEN_129", IPAD_13),
      Map.entry("APP_IPAD_PRO_129", rotating(2048, 2732)),
      Map.entry("APP_IPAD_PRO_3GEN_11", IPAD_11),
      Map.entry("APP_IPAD_105", IPAD_105),
      Map.entry("APP_IPAD_97", IPAD_97),
      Map.entry("APP_DESKTOP", fixed(1280, 800, 1440, 900, 2560, 1600, 2880, 1800)),
      Map.entry("APP_APPLE_TV", fixed(1920, 1080, 3840, 2160)),
      Map.entry("APP_APPLE_VISION_PRO", fixed(3840, 2160)),
      Map.entry("APP_WATCH_ULTRA", fixed(422, 514, 410, 502)),
      Map.entry("APP_WATCH_SERIES_10", fixed(416, 496)),
      Map.entry("APP_WATCH_SERIES_7", fixed(396, 484)),
      Map.entry("APP_WATCH_SERIES_4", fixed(368, 448)),
      Map.entry("APP_WATCH_SERIES_3", fixed(312, 390)),
      Map.entry("IMESSAGE_APP_IPHONE_67", IPHONE_69),
      Map.entry("IMESSAGE_APP_IPHONE_65", IPHONE_65),
      Map.entry("IMESSAGE_APP_IPHONE_61", IPHONE_63),
      Map.entry("IMESSAGE_APP_IPHONE_58", IPHONE_61),
      Map.entry("IMESSAGE_APP_IPHONE_55", IPHONE_55),
      Map.entry("IMESSAGE_APP_IPHONE_47", IPHONE_47),
      Map.entry("IMESSAGE_APP_IPHONE_40", IPHONE_40),
      Map.entry("IMESSAGE_APP_IPAD_PRO_3GEN_129", IPAD_13),
      Map.entry("IMESSAGE_APP_IPAD_PRO_129", rotating(2048, 2732)),
      Map.entry("IMESSAGE_APP_IPAD_PRO_3GEN_11", IPAD_11),
      Map.entry("IMESSAGE_APP_IPAD_105", IPAD_105),
      Map.entry("IMESSAGE_APP_IPAD_97", IPAD_97));

  /** App previews, by {@code PreviewType}: the sizes of the preview specification's device classes. */
  private static final Map<String, Accepted> PREVIEWS = Map.ofEntries(
      Map.entry("IPHONE_67", rotating(886, 1920)),
      Map.entry("IPHONE_65", rotating(886, 1920)),
      Map.entry("IPHONE_61", rotating(886, 1920)),
      Map.entry("IPHONE_58", rotating(886, 1920)),
      Map.entry("IPHONE_55", rotating(1080, 1920)),
      Map.entry("IPHONE_47", rotating(750, 1334)),
      Map.entry("IPHONE_40", rotating(1080, 1920)),
      Map.entry("IPHONE_35", rotating(640, 960)),
      Map.entry("IPAD_PRO_3GEN_129", rotating(1200, 1600)),
      Map.entry("IPAD_PRO_3GEN_11", rotating(1200, 1600)),
      Map.entry("IPAD_PRO_129", rotating(1200, 1600)),
      Map.entry("IPAD_105", rotating(1200, 1600)),
      Map.entry("IPAD_97", rotating(900, 1200, 1200, 1600)),
      Map.entry("DESKTOP", fixed(1920, 1080)),
      Map.entry("APPLE_TV", fixed(1920, 1080, 3840, 2160)),
      Map.entry("APPLE_VISION_PRO", fixed(3840, 2160)));

  /** App event images and video clips, by {@code AppEventAssetType}. */
  private static final Map<String, Accepted> APP_EVENTS = Map.of(
      "EVENT_CARD", fixed(1920, 1080),
      "EVENT_DETAILS_PAGE", fixed(1080, 1920));

  private DisplaySizes() {}

  public static Optional<Accepted> screenshot(String displayType) {
    return Optional.ofNullable(SCREENSHOTS.get(displayType));
  }

  public static Optional<Accepted> preview(String previewType) {
    return Optional.ofNullable(PREVIEWS.get(previewType));
  }

  public static Optional<Accepted> appEvent(String assetType) {
    return Optional.ofNullable(APP_EVENTS.get(assetType));
  }
}
