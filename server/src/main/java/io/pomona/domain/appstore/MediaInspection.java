package io.pomona.domain.appstore;

import io.pomona.behaviour.AssetStates;
import io.pomona.uploads.media.DisplaySizes;
import io.pomona.uploads.media.GeoJsonProbe;
import io.pomona.uploads.media.ImageFacts;
import io.pomona.uploads.media.ImageProbe;
import io.pomona.uploads.media.MediaUrls;
import io.pomona.uploads.media.Mp4Probe;
import io.pomona.uploads.media.VideoFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Apple's processing of one committed asset, for real: the bytes that arrived against the size
 * reserved and the MD5 sent, then decoded (image, video or coverage file) and measured against the
 * sizes of the asset's display type. Yields the errors that fail it, or the attributes a processed
 * asset shows ({@code imageAsset}, {@code videoUrl}).
 *
 * <p>The error codes are Apple's where observed ({@code IMAGE_ALPHA_NOT_ALLOWED}, api-facts.md §5)
 * and Pomona's in the same style otherwise (Inf: Apple documents none of them).
 */
final class MediaInspection {
  static final String FILE_INCOMPLETE = "FILE_INCOMPLETE";
  static final String FILE_SIZE_MISMATCH = "FILE_SIZE_MISMATCH";
  static final String CHECKSUM_MISMATCH = "CHECKSUM_MISMATCH";
  static final String IMAGE_INCORRECT_FORMAT = "IMAGE_INCORRECT_FORMAT";
  static final String IMAGE_INCORRECT_DIMENSIONS = "IMAGE_INCORRECT_DIMENSIONS";
  static final String IMAGE_ALPHA_NOT_ALLOWED = "IMAGE_ALPHA_NOT_ALLOWED";
  static final String VIDEO_INCORRECT_FORMAT = "VIDEO_INCORRECT_FORMAT";
  static final String VIDEO_INCORRECT_DIMENSIONS = "VIDEO_INCORRECT_DIMENSIONS";
  static final String VIDEO_INCORRECT_DURATION = "VIDEO_INCORRECT_DURATION";
  static final String COVERAGE_INVALID = "COVERAGE_FILE_INVALID";
  /** An operator's rejection or failure of the processing (the reason given is the description). */
  static final String PROCESSING_FAILED = "PROCESSING_FAILED";

  /** What processing found: errors (the asset FAILED) or the attributes of the processed asset. */
  record Verdict(List<Map<String, Object>> errors, Map<String, Object> derived) {
    boolean passed() {
      return errors.isEmpty();
    }
  }

  /** What arrived of the file, as the commit recorded it. */
  record Arrival(Optional<String> sha256, Optional<String> md5, long size, List<Integer> missingParts) {}

  private final String baseUrl;

  MediaInspection(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * @param file the stored file, when it arrived whole
   * @param displayType the display type the asset must fit, when it has one
   */
  Verdict inspect(MediaKind kind, Map<String, Object> attributes, Arrival arrival, Optional<Path> file,
      Optional<String> displayType) {
    List<Map<String, Object>> errors = new ArrayList<>();
    Map<String, Object> derived = new LinkedHashMap<>();
    if (!arrival.missingParts().isEmpty()) {
      errors.add(AssetStates.error(FILE_INCOMPLETE, "Not every part of the file was uploaded before the commit: missing "
          + (arrival.missingParts().size() == 1 ? "part " : "parts ") + arrival.missingParts() + "."));
      return new Verdict(errors, derived);
    }
    long reserved = attributes.get("fileSize") instanceof Number n ? n.longValue() : -1;
    if (arrival.size() != reserved) {
      errors.add(AssetStates.error(FILE_SIZE_MISMATCH, "The file has " + arrival.size() + " bytes; its reservation said "
          + reserved + "."));
    }
    if (kind.checksum() && attributes.get("sourceFileChecksum") instanceof String sent && arrival.md5().isPresent()
        && !sent.strip().toLowerCase(Locale.ROOT).equals(arrival.md5().get())) {
      errors.add(AssetStates.error(CHECKSUM_MISMATCH, "The sourceFileChecksum sent (" + sent + ") is not the MD5 of the bytes"
          + " received (" + arrival.md5().get() + ")."));
    }
    if (file.isEmpty() || arrival.sha256().isEmpty()) {
      if (errors.isEmpty()) {
        errors.add(AssetStates.error(FILE_INCOMPLETE, "The uploaded file is no longer stored; delete the asset and upload again."));
      }
      return new Verdict(errors, derived);
    }
    Optional<DisplaySizes.Accepted> sizes = displayType.flatMap(kind.sizes());
    String sha256 = arrival.sha256().get();
    switch (kind.content()) {
      case IMAGE -> image(kind, file.get(), sha256, displayType, sizes, errors, derived);
      case VIDEO -> video(kind, file.get(), sha256, displayType, sizes, errors, derived);
      case COVERAGE -> {
        if (!GeoJsonProbe.isCoverage(file.get())) {
          errors.add(AssetStates.error(COVERAGE_INVALID, "The file is not a GeoJSON coverage file (a FeatureCollection,"
              + " Feature, MultiPolygon or Polygon object)."));
        }
      }
      case ANY -> { }
    }
    return new Verdict(errors, derived);
  }

  private void image(MediaKind kind, Path file, String sha256, Optional<String> displayType,
      Optional<DisplaySizes.Accepted> sizes, List<Map<String, Object>> errors, Map<String, Object> derived) {
    Optional<ImageFacts> facts = ImageProbe.read(file);
    if (facts.isEmpty()) {
      errors.add(AssetStates.error(IMAGE_INCORRECT_FORMAT, "The file is not a PNG or JPEG image."));
      return;
    }
    ImageFacts image = facts.get();
    if (image.alpha() && !kind.alphaAllowed()) {
      errors.add(AssetStates.error(IMAGE_ALPHA_NOT_ALLOWED, "The image has an alpha channel; screenshots must be opaque."));
    }
    if (sizes.isPresent() && !sizes.get().fits(image.width(), image.height())) {
      errors.add(AssetStates.error(IMAGE_INCORRECT_DIMENSIONS, "The image is " + image.width() + "x" + image.height() + "; "
          + displayType.orElse("?") + " takes " + sizes.get().describe() + "."));
    }
    Map<String, Object> asset = new LinkedHashMap<>();
    asset.put("templateUrl", MediaUrls.template(baseUrl, sha256));
    asset.put("width", image.width());
    asset.put("height", image.height());
    derived.put("imageAsset", asset);
  }

  private void video(MediaKind kind, Path file, String sha256, Optional<String> displayType,
      Optional<DisplaySizes.Accepted> sizes, List<Map<String, Object>> errors, Map<String, Object> derived) {
    Optional<VideoFacts> facts = Mp4Probe.read(file);
    if (facts.isEmpty()) {
      errors.add(AssetStates.error(VIDEO_INCORRECT_FORMAT, "The file is not an MP4, M4V or MOV video with a video track."));
      return;
    }
    VideoFacts video = facts.get();
    if (sizes.isPresent() && !sizes.get().fits(video.width(), video.height())) {
      errors.add(AssetStates.error(VIDEO_INCORRECT_DIMENSIONS, "The video is " + video.width() + "x" + video.height() + "; "
          + displayType.orElse("?") + " takes " + sizes.get().describe() + "."));
    }
    if (video.durationSeconds() < kind.minSeconds() || video.durationSeconds() > kind.maxSeconds()) {
      errors.add(AssetStates.error(VIDEO_INCORRECT_DURATION, String.format(Locale.ROOT,
          "The video runs %.2f s; it must run %.0f to %.0f s.", video.durationSeconds(), kind.minSeconds(),
          kind.maxSeconds())));
    }
    derived.put("videoUrl", MediaUrls.original(baseUrl, sha256, video.extension()));
  }
}
