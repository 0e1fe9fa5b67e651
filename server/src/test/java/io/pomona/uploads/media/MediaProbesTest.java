package io.pomona.uploads.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.catalog.Catalog;
import io.pomona.catalog.CatalogLoader;
import io.pomona.testing.TestMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes read real files, refuse everything else, and never throw on a client's bytes. */
class MediaProbesTest {
  @TempDir Path directory;

  private Path file(byte[] bytes) throws IOException {
    return Files.write(Files.createTempFile(directory, "media", ".bin"), bytes);
  }

  @Test
  void imagesAreReadFromTheirHeaderAndOnlyPngAndJpegCount() throws IOException {
    assertThat(ImageProbe.read(file(TestMedia.png(1290, 2796)))).hasValue(new ImageFacts("png", 1290, 2796, false));
    assertThat(ImageProbe.read(file(TestMedia.image(640, 1136, "jpg")))).hasValue(
        new ImageFacts("jpg", 640, 1136, false));
    assertThat(ImageProbe.read(file(TestMedia.pngWithAlpha(10, 20)))).get().extracting(ImageFacts::alpha)
        .isEqualTo(true);
    assertThat(ImageProbe.read(file(TestMedia.image(10, 10, "gif")))).isEmpty();
    assertThat(ImageProbe.read(file(TestMedia.image(10, 10, "bmp")))).isEmpty();
    assertThat(ImageProbe.read(file("not an image".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    assertThat(ImageProbe.read(file(new byte[0]))).isEmpty();
  }

  @Test
  void videosAreMeasuredFromTheirBoxes() throws IOException {
    VideoFacts video = Mp4Probe.read(file(TestMedia.mp4(886, 1920, 20))).orElseThrow();

    assertThat(video.width()).isEqualTo(886);
    assertThat(video.height()).isEqualTo(1920);
    assertThat(video.durationSeconds()).isEqualTo(20.0);
    assertThat(video.brand()).isEqualTo("isom");
    assertThat(video.extension()).isEqualTo("mp4");
    assertThat(Mp4Probe.read(file(TestMedia.png(886, 1920)))).isEmpty();
  }

  @Test
  void everyTruncationAndRandomBytesAreRefusedWithoutThrowing() throws IOException {
    byte[] video = TestMedia.mp4(886, 1920, 20);
    int mdat = 8 + 64;
    for (int length = 0; length < video.length; length++) {
      // Cut anywhere but right before the trailing mdat (then the boxes read are whole): no video, no throw.
      if (length != video.length - mdat) {
        assertThat(Mp4Probe.read(file(Arrays.copyOf(video, length)))).as("first %d bytes", length).isEmpty();
      }
    }
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] noise = new byte[random.nextInt(400)];
      random.nextBytes(noise);
      if (noise.length >= 8) {
        System.arraycopy("\0\0\0\u0010ftyp".getBytes(StandardCharsets.ISO_8859_1), 0, noise, 0, 8);
      }
      Path path = file(noise);
      assertThat(Mp4Probe.read(path)).isEmpty();
      assertThat(ImageProbe.read(path)).isEmpty();
      assertThat(GeoJsonProbe.isCoverage(path)).isFalse();
    }
  }

  @Test
  void everyDisplayTypeOfTheApiHasItsSizes() {
    Catalog catalog = CatalogLoader.load();

    assertThat(catalog.shapes().get("ScreenshotDisplayType").enumValues())
        .isNotEmpty().allSatisfy(type -> assertThat(DisplaySizes.screenshot(type)).as(type).isPresent());
    assertThat(catalog.shapes().get("PreviewType").enumValues())
        .isNotEmpty().allSatisfy(type -> assertThat(DisplaySizes.preview(type)).as(type).isPresent());
    assertThat(catalog.shapes().get("AppEventAssetType").enumValues())
        .isNotEmpty().allSatisfy(type -> assertThat(DisplaySizes.appEvent(type)).as(type).isPresent());
  }

  @Test
  void sizesFitPortraitAndLandscapeOnlyWhereTheDeviceRotates() {
    assertThat(DisplaySizes.screenshot("APP_IPHONE_67").orElseThrow().fits(2796, 1290)).isTrue();
    assertThat(DisplaySizes.screenshot("APP_IPHONE_67").orElseThrow().fits(1242, 2688)).isFalse();
    assertThat(DisplaySizes.screenshot("APP_DESKTOP").orElseThrow().fits(800, 1280)).isFalse();
    assertThat(DisplaySizes.screenshot("APP_WATCH_ULTRA").orElseThrow().fits(422, 514)).isTrue();
  }

  @Test
  void renditionsFitTheBoxAndRefuseWhatIsNoImage() throws IOException {
    Path png = file(TestMedia.png(1290, 2796));

    byte[] rendered = ImageRendering.render(png, 129, 1000, "jpg").orElseThrow();

    ImageFacts facts = ImageProbe.read(file(rendered)).orElseThrow();
    assertThat(facts.format()).isEqualTo("jpg");
    assertThat(facts.width()).isEqualTo(129);
    assertThat(facts.height()).isEqualTo(280);
    assertThat(ImageRendering.render(file(TestMedia.mp4(10, 10, 1)), 10, 10, "png")).isEmpty();
  }
}
