package io.pomona.uploads.media;

/**
 * A video as its container describes it: the brand of its {@code ftyp} box, the pixel size of its
 * video track and its duration.
 */
public record VideoFacts(String brand, int width, int height, double durationSeconds) {

  /** The file extension that fits the brand: QuickTime files are {@code mov}, the rest {@code mp4}. */
  public String extension() {
    return brand.startsWith("qt") ? "mov" : "mp4";
  }

  public String contentType() {
    return brand.startsWith("qt") ? "video/quicktime" : "video/mp4";
  }
}
