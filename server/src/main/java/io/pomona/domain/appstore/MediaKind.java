package io.pomona.domain.appstore;

import io.pomona.behaviour.Policy;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.Process.Move;
import io.pomona.behaviour.Step;
import io.pomona.uploads.media.DisplaySizes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One uploadable asset type of the App Store area, as data: what its bytes must be, where the
 * sizes they must have come from, and which attributes its spec gives it. {@link MediaDelivery}
 * runs every kind the same way; {@link #ALL} lists them.
 *
 * @param type the resource type, e.g. {@code appScreenshots}
 * @param content what the bytes must be
 * @param parent the to-one relationship to the resource it belongs to (a set, a localization)
 * @param sizes where its accepted pixel sizes come from, given the asset's display type; none for
 *     files without pixels
 * @param displayType how to find the display type: the parent's attribute or the asset's own
 * @param checksum whether its update request takes {@code sourceFileChecksum} (app event media do not)
 * @param alphaAllowed whether an image may carry an alpha channel (Obs: screenshots may not)
 * @param assetType the {@code assetType} Apple shows on it, when its schema has one
 * @param minSeconds the shortest video accepted (0 for other content)
 * @param maxSeconds the longest video accepted (0 for other content)
 */
record MediaKind(
    String type,
    Content content,
    String parent,
    Function<String, Optional<DisplaySizes.Accepted>> sizes,
    DisplayTypeSource displayType,
    boolean checksum,
    boolean alphaAllowed,
    Optional<String> assetType,
    double minSeconds,
    double maxSeconds) {

  /** What an asset's bytes must be. */
  enum Content {
    /** A PNG or JPEG image. */
    IMAGE,
    /** An MP4/MOV video with a video track. */
    VIDEO,
    /** A GeoJSON routing coverage file. */
    COVERAGE,
    /** Any file (a review attachment: Apple takes documents, images and videos). */
    ANY
  }

  /** Where an asset's display type is read: an attribute of its parent (of that type), or of itself. */
  record DisplayTypeSource(Optional<String> parentType, String attribute) {
    static DisplayTypeSource parent(String parentType, String attribute) {
      return new DisplayTypeSource(Optional.of(parentType), attribute);
    }

    static DisplayTypeSource own(String attribute) {
      return new DisplayTypeSource(Optional.empty(), attribute);
    }

    static DisplayTypeSource none() {
      return new DisplayTypeSource(Optional.empty(), "");
    }
  }

  /**
   * Video lengths (Inf, from App Store Connect Help "App preview specifications": previews run 15
   * to 30 seconds; app event video clips at most 30).
   *
   * <p>The uploadable assets of the App Store area: every resource type of OpenAPI 4.4.1 in this area
   * whose attributes have {@code uploadOperations} and {@code assetDeliveryState}. (App Clip, in-app
   * purchase and Game Center images have the same shape and belong to their own areas.)
   */
  static final List<MediaKind> ALL = List.of(
      new MediaKind("appScreenshots", Content.IMAGE, "appScreenshotSet", DisplaySizes::screenshot,
          DisplayTypeSource.parent("appScreenshotSets", "screenshotDisplayType"), true, false,
          Optional.of("SCREENSHOT"), 0, 0),
      new MediaKind("appPreviews", Content.VIDEO, "appPreviewSet", DisplaySizes::preview,
          DisplayTypeSource.parent("appPreviewSets", "previewType"), true, true, Optional.empty(), 15, 30),
      new MediaKind("appEventScreenshots", Content.IMAGE, "appEventLocalization", DisplaySizes::appEvent,
          DisplayTypeSource.own("appEventAssetType"), false, true, Optional.empty(), 0, 0),
      new MediaKind("appEventVideoClips", Content.VIDEO, "appEventLocalization", DisplaySizes::appEvent,
          DisplayTypeSource.own("appEventAssetType"), false, true, Optional.empty(), 1, 30),
      new MediaKind("appStoreReviewAttachments", Content.ANY, "appStoreReviewDetail", t -> Optional.empty(),
          DisplayTypeSource.none(), true, true, Optional.empty(), 0, 0),
      new MediaKind("routingAppCoverages", Content.COVERAGE, "appStoreVersion", t -> Optional.empty(),
          DisplayTypeSource.none(), true, true, Optional.empty(), 0, 0));

  static final String AWAITING_UPLOAD = "AWAITING_UPLOAD";
  static final String UPLOAD_COMPLETE = "UPLOAD_COMPLETE";
  static final String COMPLETE = "COMPLETE";
  static final String FAILED = "FAILED";

  /**
   * Inf: Apple processes media "from seconds to minutes" (api-facts.md §5); Pomona takes 5 s on the
   * simulated clock by default.
   */
  static final Duration PROCESSING_DELAY = Duration.ofSeconds(5);

  static Optional<MediaKind> of(String type) {
    return ALL.stream().filter(kind -> kind.type.equals(type)).findFirst();
  }

  static Set<String> types() {
    return Set.copyOf(ALL.stream().map(MediaKind::type).toList());
  }

  /**
   * Apple processing a committed asset: {@code assetDeliveryState.state} {@code UPLOAD_COMPLETE} →
   * {@code COMPLETE}, where {@link MediaDelivery} checks the bytes for real and may end in {@code
   * FAILED} instead; an operator's rejection or failure ends in {@code FAILED}. Named e.g. {@code
   * app-screenshot-delivery}; its event e.g. {@code APP_SCREENSHOT_ASSET_DELIVERY_STATE_UPDATED}
   * (Pomona's names in the pattern of Apple's webhook events).
   */
  Process process() {
    String words = singular().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    return new Process(words + "-delivery", type, "assetDeliveryState.state",
        words.replace('-', '_').toUpperCase(Locale.ROOT) + "_ASSET_DELIVERY_STATE_UPDATED",
        Set.of(new Move(AWAITING_UPLOAD, UPLOAD_COMPLETE), new Move(UPLOAD_COMPLETE, COMPLETE),
            new Move(UPLOAD_COMPLETE, FAILED)),
        List.of(Step.of(UPLOAD_COMPLETE, COMPLETE).rejectingTo(FAILED).failingTo(FAILED)),
        Policy.auto(PROCESSING_DELAY));
  }

  private String singular() {
    return type.endsWith("s") ? type.substring(0, type.length() - 1) : type;
  }
}
