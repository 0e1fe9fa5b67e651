package io.pomona.domain.appstore;

import io.pomona.behaviour.AssetStates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.Process;
import io.pomona.behaviour.SeededFiles;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import io.pomona.uploads.Committed;
import io.pomona.uploads.Reservation;
import io.pomona.uploads.UploadVault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Apple's upload protocol for every {@link MediaKind} (api-facts.md §5), one mechanism for all:
 *
 * <ol>
 *   <li>Reserve: a create with {@code fileName} and {@code fileSize} answers {@code
 *       uploadOperations} (Pomona part URLs) and {@code assetDeliveryState AWAITING_UPLOAD}.
 *   <li>The client PUTs the parts (the upload part route, no token).
 *   <li>Commit: a PATCH with {@code uploaded: true} (and {@code sourceFileChecksum}, the MD5 of the
 *       file, where the type takes it) closes the upload, whatever arrived, and moves the asset to
 *       {@code UPLOAD_COMPLETE}. A second commit is a 409: the upload is closed.
 *   <li>Processing, on the simulated clock (the asset's {@link MediaKind#process() process}): when
 *       the asset is to become {@code COMPLETE}, {@link MediaInspection} checks the bytes for real;
 *       on any problem it becomes {@code FAILED} (final) with the errors instead.
 * </ol>
 *
 * <p>What arrived of the file (its digests and size, or the parts missing) is kept under {@link
 * #ARRIVAL}, not an Apple attribute and so never rendered: the engine renders only the schema's
 * attributes. An operator write may hand the file inline ({@link SeededFiles}): it is stored and
 * processed at once, with the same checks.
 */
public final class MediaDelivery implements Behaviour {
  static final String ARRIVAL = "pomonaArrival";
  static final String STATE = "assetDeliveryState";
  static final String VIDEO_STATE = "videoDeliveryState";

  private final UploadVault vault;
  private final String baseUrl;
  private final MediaInspection inspection;

  /**
   * @param vault where the bytes go
   * @param baseUrl the server's public URL, no trailing slash: part and media URLs are under it
   */
  public MediaDelivery(UploadVault vault, String baseUrl) {
    this.vault = Objects.requireNonNull(vault);
    this.baseUrl = Objects.requireNonNull(baseUrl);
    this.inspection = new MediaInspection(baseUrl);
  }

  /** The processes of every media type: the names an operator or a test sets policies by. */
  public static List<Process> deliveryProcesses() {
    return MediaKind.ALL.stream().map(MediaKind::process).toList();
  }

  @Override
  public Set<String> resourceTypes() {
    return MediaKind.types();
  }

  @Override
  public List<Process> processes() {
    return deliveryProcesses();
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT) {
      return;
    }
    if (ctx.kind() == WriteKind.CREATE) {
      long fileSize = ctx.attribute("fileSize").filter(Number.class::isInstance).map(n -> ((Number) n).longValue())
          .orElse(-1L);
      if (fileSize < 1 || fileSize > UploadVault.MAX_FILE_BYTES) {
        throw new ApiException(Errors.attributeInvalid("/data/attributes/fileSize", "The file size must be between 1"
            + " and " + UploadVault.MAX_FILE_BYTES + " bytes; it was " + ctx.attribute("fileSize").orElse(null)
            + "."));
      }
      if (ctx.stringAttribute("fileName").filter(name -> !name.isBlank()).isEmpty()) {
        throw new ApiException(Errors.attributeInvalid("/data/attributes/fileName", "The file name must not be"
            + " empty."));
      }
    } else if (ctx.kind() == WriteKind.UPDATE && committing(ctx)) {
      String state = state(ctx.previous().map(StoredResource::attributes).orElse(Map.of()));
      if (!state.equals(MediaKind.AWAITING_UPLOAD)) {
        throw new ApiException(Errors.entityStateInvalid("/data/attributes/uploaded", ctx.type(), ctx.id())
            .withDetail("The upload of " + ctx.type() + " '" + ctx.id() + "' is already committed (" + state
                + "); to replace the file, delete the asset and reserve it again."));
      }
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    MediaKind kind = MediaKind.of(ctx.type()).orElseThrow();
    if (ctx.kind() == WriteKind.CREATE) {
      if (ctx.attribute(SeededFiles.BYTES_ATTRIBUTE).isPresent()) {
        seed(ctx, kind);
      } else if (ctx.attribute("assetToken").isEmpty() && ctx.attribute(STATE).isEmpty()) {
        reserve(ctx, kind);
      }
      return;
    }
    if (ctx.kind() != WriteKind.UPDATE) {
      return;
    }
    if (committing(ctx)) {
      commit(ctx, kind);
      return;
    }
    String before = state(ctx.previous().map(StoredResource::attributes).orElse(Map.of()));
    String after = state(ctx.attributes());
    if (before.equals(MediaKind.UPLOAD_COMPLETE) && after.equals(MediaKind.COMPLETE)) {
      process(ctx, kind);
    } else if (before.equals(MediaKind.UPLOAD_COMPLETE) && after.equals(MediaKind.FAILED)) {
      String reason = ctx.cause().get("reason") instanceof String text ? text : "Apple could not process the file.";
      setState(ctx, kind, MediaKind.FAILED, List.of(AssetStates.error(MediaInspection.PROCESSING_FAILED, reason)));
    }
  }

  // ---- reserve ----

  private void reserve(WriteContext ctx, MediaKind kind) {
    long fileSize = ctx.attribute("fileSize").filter(Number.class::isInstance).map(n -> ((Number) n).longValue())
        .orElse(0L);
    if (fileSize < 1) {
      return; // an operator's asset without a file: nothing to upload
    }
    Reservation reservation = vault.reserve(fileSize, contentType(ctx));
    ctx.set("assetToken", reservation.token());
    ctx.set("uploadOperations", reservation.operations(baseUrl, false));
    kind.assetType().ifPresent(assetType -> ctx.set("assetType", assetType));
    setState(ctx, kind, MediaKind.AWAITING_UPLOAD, List.of());
  }

  /**
   * The content type the parts are sent with: a preview's {@code mimeType}, else by the file name's
   * extension (Inf: Apple's operations name the file's type, e.g. {@code image/png}).
   */
  private static String contentType(WriteContext ctx) {
    Optional<String> mimeType = ctx.stringAttribute("mimeType").filter(type -> type.contains("/"));
    if (mimeType.isPresent()) {
      return mimeType.get();
    }
    String name = ctx.stringAttribute("fileName").orElse("").toLowerCase(Locale.ROOT);
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    return switch (extension) {
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "mov" -> "video/quicktime";
      case "mp4", "m4v" -> "video/mp4";
      case "geojson", "json" -> "application/geo+json";
      case "pdf" -> "application/pdf";
      default -> "application/octet-stream";
    };
  }

  // ---- commit ----

  /** {@code uploaded: true} in this write ({@code uploaded} is not kept: each commit sends it anew). */
  private static boolean committing(WriteContext ctx) {
    boolean before = ctx.previous().map(p -> Boolean.TRUE.equals(p.attributes().get("uploaded"))).orElse(false);
    return Boolean.TRUE.equals(ctx.attributes().get("uploaded")) && !before;
  }

  private void commit(WriteContext ctx, MediaKind kind) {
    ctx.set("uploaded", null);
    String token = ctx.stringAttribute("assetToken").orElseThrow(() -> new ApiException(Errors.entityStateInvalid(
        "/data/attributes/uploaded", ctx.type(), ctx.id()).withDetail("The asset has no upload reservation.")));
    UploadVault.Delivery delivery = vault.deliver(token);
    ctx.set(ARRIVAL, arrivalValue(delivery.file(), delivery.missingParts()));
    setState(ctx, kind, MediaKind.UPLOAD_COMPLETE, List.of());
  }

  // ---- processing ----

  private void process(WriteContext ctx, MediaKind kind) {
    MediaInspection.Arrival arrival = arrival(ctx.attributes());
    Optional<String> displayType = displayType(ctx, kind);
    MediaInspection.Verdict verdict = inspection.inspect(kind, ctx.attributes(), arrival,
        arrival.sha256().flatMap(vault::blob), displayType);
    if (verdict.passed()) {
      verdict.derived().forEach(ctx::set);
      ctx.set("uploadOperations", null);
      setState(ctx, kind, MediaKind.COMPLETE, List.of());
    } else {
      setState(ctx, kind, MediaKind.FAILED, verdict.errors());
    }
  }

  private static Optional<String> displayType(WriteContext ctx, MediaKind kind) {
    MediaKind.DisplayTypeSource source = kind.displayType();
    if (source.attribute().isEmpty()) {
      return Optional.empty();
    }
    if (source.parentType().isEmpty()) {
      return ctx.stringAttribute(source.attribute());
    }
    // On create (seeded files) the parent is linked after this hook: read it from the write.
    return Related.toOneId(ctx, kind.parent())
        .flatMap(parentId -> ctx.resources().get(source.parentType().get(), parentId))
        .flatMap(parent -> Related.text(parent, source.attribute()));
  }

  /** The operator's inline file: stored as an upload would be, and processed at once. */
  private void seed(WriteContext ctx, MediaKind kind) {
    if (!(ctx.attribute(SeededFiles.BYTES_ATTRIBUTE).orElseThrow() instanceof byte[] bytes)) {
      throw new IllegalArgumentException(SeededFiles.BYTES_ATTRIBUTE + " of " + ctx.type() + " must be a byte[]");
    }
    ctx.set(SeededFiles.BYTES_ATTRIBUTE, null);
    Committed stored = vault.store(bytes);
    if (ctx.attribute("fileSize").isEmpty()) {
      ctx.set("fileSize", bytes.length);
    }
    if (kind.checksum() && ctx.attribute("sourceFileChecksum").isEmpty()) {
      ctx.set("sourceFileChecksum", stored.md5());
    }
    kind.assetType().ifPresent(assetType -> ctx.set("assetType", assetType));
    ctx.set(ARRIVAL, arrivalValue(Optional.of(stored), List.of()));
    setState(ctx, kind, MediaKind.UPLOAD_COMPLETE, List.of());
    process(ctx, kind);
  }

  // ---- values ----

  private static Map<String, Object> arrivalValue(Optional<Committed> file, List<Integer> missingParts) {
    Map<String, Object> value = new LinkedHashMap<>();
    file.ifPresent(committed -> {
      value.put("sha256", committed.sha256());
      value.put("md5", committed.md5());
      value.put("size", committed.size());
    });
    value.put("missingParts", missingParts);
    return value;
  }

  private static MediaInspection.Arrival arrival(Map<String, Object> attributes) {
    if (!(attributes.get(ARRIVAL) instanceof Map<?, ?> value)) {
      return new MediaInspection.Arrival(Optional.empty(), Optional.empty(), -1, List.of());
    }
    List<Integer> missing = new ArrayList<>();
    if (value.get("missingParts") instanceof List<?> parts) {
      parts.forEach(part -> missing.add(((Number) part).intValue()));
    }
    return new MediaInspection.Arrival(
        Optional.ofNullable(value.get("sha256")).map(String::valueOf),
        Optional.ofNullable(value.get("md5")).map(String::valueOf),
        value.get("size") instanceof Number n ? n.longValue() : -1,
        missing);
  }

  /**
   * Sets the delivery state, with its errors; a video's {@code videoDeliveryState} (the current
   * attribute; {@code assetDeliveryState} is deprecated on videos) follows it.
   */
  private static void setState(WriteContext ctx, MediaKind kind, String state, List<Map<String, Object>> errors) {
    ctx.set(STATE, AssetStates.delivery(state, errors));
    if (kind.content() == MediaKind.Content.VIDEO) {
      ctx.set(VIDEO_STATE, AssetStates.delivery(state, errors));
    }
  }

  static String state(Map<String, Object> attributes) {
    return attributes.get(STATE) instanceof Map<?, ?> state && state.get("state") instanceof String value ? value : "";
  }
}
