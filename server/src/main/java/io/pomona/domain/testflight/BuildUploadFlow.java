package io.pomona.domain.testflight;

import io.pomona.behaviour.AppleDates;
import io.pomona.behaviour.AssetStates;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.ResourceAccess;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.store.StoredResource;
import io.pomona.uploads.Committed;
import io.pomona.uploads.Reservation;
import io.pomona.uploads.UploadVault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Build uploads (API 4.1+, api-facts.md §5): {@code POST /v1/buildUploads} names the version,
 * build number and platform; {@code POST /v1/buildUploadFiles} reserves a file and answers its
 * upload operations; the client PUTs the parts; {@code PATCH /v1/buildUploadFiles/{id}} with
 * {@code uploaded: true} commits them, checked for real against the size and the checksums sent.
 *
 * <p>A committed binary ({@code assetType ASSET}) moves the upload to {@code PROCESSING} and creates
 * its build in {@code PROCESSING} (with the pre-release version of its version and platform,
 * created or reused, and its beta detail); {@link BuildProcessing} then moves the build on the
 * clock, and this flow moves the upload along: {@code COMPLETE} when the build is {@code VALID},
 * {@code FAILED} with the reason when it is {@code INVALID} or {@code FAILED}. The upload's {@code
 * build} relationship is set when the build is created (Apple sets it on success; showing it
 * earlier lets a client follow processing). A checksum that does not match fails the file
 * ({@code assetDeliveryState FAILED} with an error) and the upload ({@code state FAILED}), which
 * are then terminal, as Apple's are: delete and upload again.
 *
 * <p>The client's rules (a build number used once per version, files only while the upload awaits
 * them) bind clients; the operator (demo data, imports) writes uploads and files as they stand.
 */
public final class BuildUploadFlow implements Behaviour {
  static final String UPLOADS = "buildUploads";
  static final String FILES = "buildUploadFiles";

  /** Inf: Apple's code for a file whose bytes do not match the checksum sent is not documented. */
  static final String CHECKSUM_MISMATCH = "CHECKSUM_MISMATCH";
  /** Obs (api-facts.md §5): validation failures carry {@code STATE_ERROR.VALIDATION_ERROR}. */
  static final String VALIDATION_ERROR = "STATE_ERROR.VALIDATION_ERROR";

  private static final Map<String, String> FILE_RELATIONSHIP_BY_ASSET_TYPE = Map.of(
      "ASSET", "assetFile", "ASSET_DESCRIPTION", "assetDescriptionFile", "ASSET_SPI", "assetSpiFile");

  private final UploadVault vault;
  private final String baseUrl;

  /**
   * @param vault where the bytes go
   * @param baseUrl the server's public URL, no trailing slash: part URLs are absolute under it
   */
  public BuildUploadFlow(UploadVault vault, String baseUrl) {
    this.vault = Objects.requireNonNull(vault);
    this.baseUrl = Objects.requireNonNull(baseUrl);
  }

  @Override
  public java.util.Set<String> resourceTypes() {
    return java.util.Set.of(UPLOADS, FILES, "builds");
  }

  @Override
  public void validate(WriteContext ctx) {
    switch (ctx.type()) {
      case UPLOADS -> {
        if (ctx.kind() == WriteKind.CREATE && ctx.origin() == Origin.CLIENT) {
          refuseDuplicateBuild(ctx);
        } else if (ctx.kind() == WriteKind.DELETE && ctx.origin() == Origin.CLIENT) {
          String state = uploadState(ctx.attributes());
          if (state.equals("PROCESSING") || state.equals("COMPLETE")) {
            throw TestFlightErrors.stateInvalid("/data/id", "The build upload is " + state
                + " and can no longer be cancelled.");
          }
        }
      }
      case FILES -> {
        if (ctx.kind() == WriteKind.CREATE && ctx.origin() == Origin.CLIENT) {
          validateReservation(ctx);
        }
      }
      default -> { }
    }
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    switch (ctx.type()) {
      case UPLOADS -> {
        if (ctx.kind() == WriteKind.CREATE) {
          if (ctx.attribute("createdDate").isEmpty()) {
            ctx.set("createdDate", AppleDates.format(ctx.now()));
          }
          if (ctx.attribute("state").isEmpty()) {
            ctx.set("state", AssetStates.upload("AWAITING_UPLOAD", List.of()));
          }
        } else if (ctx.kind() == WriteKind.DELETE) {
          for (StoredResource file : ctx.resources().related(UPLOADS, ctx.id(), "buildUploadFiles", 10)) {
            ctx.resources().delete(FILES, file.id());
          }
        }
      }
      case FILES -> {
        // The operator (demo data, imports) may write a file as it stands, already delivered.
        boolean awaitingUpload = ctx.attribute("assetDeliveryState").isEmpty()
            || deliveryState(ctx.attributes()).equals("AWAITING_UPLOAD");
        if (ctx.kind() == WriteKind.CREATE && ctx.attribute("assetToken").isEmpty() && awaitingUpload) {
          reserve(ctx);
        } else if (ctx.kind() == WriteKind.UPDATE && committing(ctx)) {
          commit(ctx);
        }
      }
      default -> { }
    }
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.type().equals(FILES) && ctx.kind() == WriteKind.CREATE) {
      uploadOf(ctx.resources(), ctx.id()).ifPresent(upload -> Optional.ofNullable(
              FILE_RELATIONSHIP_BY_ASSET_TYPE.get(ctx.stringAttribute("assetType").orElse("")))
          .ifPresent(relationship -> ctx.resources().link(UPLOADS, upload.id(), relationship, List.of(ctx.id()))));
    } else if (ctx.type().equals(FILES) && ctx.kind() == WriteKind.UPDATE) {
      String before = ctx.previous().map(p -> deliveryState(p.attributes())).orElse("");
      String after = deliveryState(ctx.attributes());
      if (!before.equals(after)) {
        uploadOf(ctx.resources(), ctx.id()).ifPresent(upload -> fileCommitted(ctx, upload, after));
      }
    } else if (ctx.type().equals("builds") && ctx.kind() == WriteKind.UPDATE) {
      Optional<String> before = ctx.previous().flatMap(p -> text(p.attributes().get("processingState")));
      Optional<String> after = ctx.stringAttribute("processingState");
      if (after.isPresent() && !after.equals(before)) {
        ctx.resources().related("builds", ctx.id(), "buildUpload", 1).stream().findFirst()
            .ifPresent(upload -> buildProcessed(ctx, upload, after.get()));
      }
    }
  }

  // ---- buildUploads ----

  /**
   * Apple refuses a build number already used for the same version and platform of an app (the
   * pipeline must bump it), whether the earlier one is a build or an upload still in flight.
   */
  private static void refuseDuplicateBuild(WriteContext ctx) {
    Optional<String> appId = first(ctx.relationships().get("app"));
    Optional<String> version = ctx.stringAttribute("cfBundleShortVersionString");
    Optional<String> number = ctx.stringAttribute("cfBundleVersion");
    Optional<String> platform = ctx.stringAttribute("platform");
    if (appId.isPresent() && version.isPresent() && number.isPresent() && platform.isPresent()) {
      refuseDuplicateBuild(ctx.resources(), appId.get(), version.get(), number.get(), platform.get());
    }
  }

  private static void refuseDuplicateBuild(ResourceAccess resources, String appId, String version, String number,
      String platform) {
    for (StoredResource build : resources.find("builds", Map.of("version", number), 1000)) {
      boolean sameApp = resources.related("builds", build.id(), "app", 1).stream()
          .anyMatch(app -> app.id().equals(appId));
      boolean sameVersion = resources.related("builds", build.id(), "preReleaseVersion", 1).stream()
          .anyMatch(v -> version.equals(v.attributes().get("version"))
              && platform.equals(v.attributes().get("platform")));
      if (sameApp && sameVersion) {
        throw duplicateBuild(number, version, platform);
      }
    }
    for (StoredResource upload : resources.find(UPLOADS, Map.of("cfBundleVersion", number,
        "cfBundleShortVersionString", version, "platform", platform), 1000)) {
      boolean sameApp = resources.related(UPLOADS, upload.id(), "app", 1).stream()
          .anyMatch(app -> app.id().equals(appId));
      if (sameApp && !uploadState(upload.attributes()).equals("FAILED")) {
        throw duplicateBuild(number, version, platform);
      }
    }
  }

  /**
   * The operator's shortcut (tests, demos): a build uploaded without bytes, as if its binary had
   * just been committed: its upload in {@code PROCESSING} and its build in {@code PROCESSING}, which
   * the Apple side then processes like any other. The same duplicate rule as a client's upload;
   * returns the build's id.
   */
  public static String uploadWithoutBytes(ResourceAccess resources, Instant now, String appId, String version,
      String number, String platform) {
    resources.get("apps", appId).orElseThrow(() -> io.pomona.error.Errors.notFound("apps", appId));
    refuseDuplicateBuild(resources, appId, version, number, platform);
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("cfBundleShortVersionString", version);
    attributes.put("cfBundleVersion", number);
    attributes.put("platform", platform);
    StoredResource upload = resources.create(UPLOADS, Optional.empty(), attributes, Map.of("app", List.of(appId)));
    return startBuild(resources, now, upload);
  }

  private static ApiException duplicateBuild(String number, String version, String platform) {
    return TestFlightErrors.duplicate("/data/attributes/cfBundleVersion", "The build number '" + number
        + "' has already been used for version " + version + " (" + platform + ") of this app; the bundle version"
        + " must be higher than the previously uploaded version.");
  }

  // ---- buildUploadFiles: reserve ----

  private void validateReservation(WriteContext ctx) {
    Optional<String> uploadId = first(ctx.relationships().get("buildUpload"));
    if (uploadId.isEmpty()) {
      return; // the body validator requires it of clients; an operator may reserve a loose file
    }
    StoredResource upload = ctx.resources().get(UPLOADS, uploadId.get()).orElseThrow(() ->
        TestFlightErrors.relationshipTargetMissing("/data/relationships/buildUpload/data", UPLOADS, uploadId.get()));
    String state = uploadState(upload.attributes());
    if (!state.equals("AWAITING_UPLOAD")) {
      throw TestFlightErrors.stateInvalid("/data/relationships/buildUpload",
          "The build upload '" + upload.id() + "' is " + state + "; files can only be added while it awaits upload.");
    }
    String assetType = ctx.stringAttribute("assetType").orElse("");
    boolean taken = ctx.resources().related(UPLOADS, upload.id(), "buildUploadFiles", 10).stream()
        .anyMatch(file -> assetType.equals(file.attributes().get("assetType")));
    if (taken) {
      throw TestFlightErrors.duplicate("/data/attributes/assetType",
          "The build upload '" + upload.id() + "' already has a file of asset type " + assetType + ".");
    }
  }

  private void reserve(WriteContext ctx) {
    long fileSize = number(ctx.attributes().get("fileSize")).orElseThrow(() ->
        TestFlightErrors.attributeInvalid("/data/attributes/fileSize", "The file size must be a number of bytes."));
    if (fileSize < 1 || fileSize > UploadVault.MAX_FILE_BYTES) {
      throw TestFlightErrors.attributeInvalid("/data/attributes/fileSize", "The file size must be between 1 and "
          + UploadVault.MAX_FILE_BYTES + " bytes; it was " + fileSize + ".");
    }
    Reservation reservation = vault.reserve(fileSize, contentType(ctx.stringAttribute("uti").orElse("")));
    ctx.set("assetToken", reservation.token());
    ctx.set("uploadOperations", reservation.operations(baseUrl, true));
    ctx.set("assetDeliveryState", AssetStates.delivery("AWAITING_UPLOAD", List.of()));
  }

  /** Inf: what Apple's part URLs expect is not documented; binaries go as bytes, property lists as XML. */
  private static String contentType(String uti) {
    return uti.equals("com.apple.xml-property-list") ? "application/xml" : "application/octet-stream";
  }

  // ---- buildUploadFiles: commit ----

  /** {@code uploaded: true} in this write ({@code uploaded} is not kept: each commit sends it anew). */
  private static boolean committing(WriteContext ctx) {
    boolean before = ctx.previous().map(p -> Boolean.TRUE.equals(p.attributes().get("uploaded"))).orElse(false);
    return Boolean.TRUE.equals(ctx.attributes().get("uploaded")) && !before;
  }

  private void commit(WriteContext ctx) {
    ctx.set("uploaded", null);
    String state = deliveryState(ctx.attributes());
    if (!state.equals("AWAITING_UPLOAD")) {
      throw TestFlightErrors.stateInvalid("/data/attributes/uploaded",
          "The file is already committed (" + state + "); to replace it, delete the upload and start again.");
    }
    String token = ctx.stringAttribute("assetToken").orElseThrow(() -> TestFlightErrors.stateInvalid(
        "/data/attributes/uploaded", "The file has no upload reservation."));
    Committed committed;
    try {
      committed = vault.commit(token);
    } catch (ApiException refused) {
      throw new ApiException(refused.errors().stream()
          .map(error -> error.withSource(ApiError.Source.pointer("/data/attributes/uploaded"))).toList());
    }
    List<Map<String, Object>> errors = new ArrayList<>();
    long fileSize = number(ctx.attributes().get("fileSize")).orElse(-1L);
    if (committed.size() != fileSize) {
      errors.add(AssetStates.error(CHECKSUM_MISMATCH, "The file has " + committed.size() + " bytes; its reservation said "
          + fileSize + "."));
    }
    checksum(ctx.attributes().get("sourceFileChecksums"), "file").ifPresent(sent -> {
      if (!committed.matches(sent.algorithm(), sent.hash())) {
        errors.add(AssetStates.error(CHECKSUM_MISMATCH, "The " + sent.algorithm() + " checksum sent (" + sent.hash()
            + ") does not match the bytes received (" + committed.digest(sent.algorithm()).orElse("?") + ")."));
      }
    });
    checksum(ctx.attributes().get("sourceFileChecksums"), "composite").ifPresent(sent -> {
      if (!sent.algorithm().equals("MD5") || !sent.hash().strip().equalsIgnoreCase(committed.compositeMd5())) {
        errors.add(AssetStates.error(CHECKSUM_MISMATCH, "The composite checksum sent (" + sent.hash()
            + ") does not match the parts received (" + committed.compositeMd5() + ")."));
      }
    });
    ctx.set("assetDeliveryState", AssetStates.delivery(errors.isEmpty() ? "UPLOAD_COMPLETE" : "FAILED", errors));
  }

  private record Checksum(String algorithm, String hash) {}

  private static Optional<Checksum> checksum(Object checksums, String member) {
    if (!(checksums instanceof Map<?, ?> all) || !(all.get(member) instanceof Map<?, ?> one)
        || !(one.get("hash") instanceof String hash)) {
      return Optional.empty();
    }
    String algorithm = one.get("algorithm") instanceof String name ? name : "MD5";
    return Optional.of(new Checksum(algorithm, hash));
  }

  /** A file's commit moves its upload: a failed file fails it, a committed binary starts processing. */
  private void fileCommitted(WriteContext ctx, StoredResource upload, String fileState) {
    if (!uploadState(upload.attributes()).equals("AWAITING_UPLOAD")) {
      return;
    }
    if (fileState.equals("FAILED")) {
      ctx.resources().update(UPLOADS, upload.id(),
          Map.of("state", AssetStates.upload("FAILED", deliveryErrors(ctx.attributes()))));
    } else if (fileState.equals("UPLOAD_COMPLETE") && "ASSET".equals(ctx.attributes().get("assetType"))) {
      startBuild(ctx.resources(), ctx.now(), upload);
    }
  }

  /** The upload moves to PROCESSING and its build is created, processing; returns the build's id. */
  private static String startBuild(ResourceAccess resources, Instant now, StoredResource upload) {
    Map<String, Object> attributes = upload.attributes();
    String version = String.valueOf(attributes.get("cfBundleShortVersionString"));
    String platform = String.valueOf(attributes.get("platform"));
    String appId = resources.related(UPLOADS, upload.id(), "app", 1).stream().findFirst().map(StoredResource::id)
        .orElseThrow(() -> new IllegalStateException("build upload " + upload.id() + " has no app"));
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("state", AssetStates.upload("PROCESSING", List.of()));
    changes.put("uploadedDate", AppleDates.format(now));
    resources.update(UPLOADS, upload.id(), changes);
    String preReleaseVersion = PreReleaseVersions.findOrCreate(resources, appId, version, platform);
    Map<String, Object> build = new LinkedHashMap<>();
    build.put("version", String.valueOf(attributes.get("cfBundleVersion")));
    build.put("processingState", "PROCESSING");
    build.put("buildAudienceType", "APP_STORE_ELIGIBLE");
    StoredResource created = resources.create("builds", Optional.empty(), build, Map.of(
        "app", List.of(appId), "preReleaseVersion", List.of(preReleaseVersion), "buildUpload", List.of(upload.id())));
    // Apple gives a build's beta detail the build's own id (as the demo data does).
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("autoNotifyEnabled", false);
    detail.put("internalBuildState", "PROCESSING");
    detail.put("externalBuildState", "PROCESSING");
    resources.create("buildBetaDetails", Optional.of(created.id()), detail, Map.of("build", List.of(created.id())));
    return created.id();
  }

  /** The build's processing ends the upload: COMPLETE when VALID, FAILED with the reason otherwise. */
  private static void buildProcessed(WriteContext ctx, StoredResource upload, String processingState) {
    if (!uploadState(upload.attributes()).equals("PROCESSING")) {
      return;
    }
    switch (processingState) {
      case "VALID" -> {
        ctx.resources().update(UPLOADS, upload.id(), Map.of("state", AssetStates.upload("COMPLETE", List.of())));
        for (StoredResource file : ctx.resources().related(UPLOADS, upload.id(), "buildUploadFiles", 10)) {
          if (deliveryState(file.attributes()).equals("UPLOAD_COMPLETE")) {
            ctx.resources().update(FILES, file.id(), Map.of("assetDeliveryState",
                AssetStates.delivery("COMPLETE", List.of())));
          }
        }
      }
      case "INVALID", "FAILED" -> {
        String reason = ctx.cause().get("reason") instanceof String text ? text
            : "The build is " + processingState + ".";
        ctx.resources().update(UPLOADS, upload.id(), Map.of("state",
            AssetStates.upload("FAILED", List.of(AssetStates.error(VALIDATION_ERROR, reason)))));
      }
      default -> { }
    }
  }

  // ---- values ----

  static String uploadState(Map<String, Object> attributes) {
    return attributes.get("state") instanceof Map<?, ?> state && state.get("state") instanceof String value
        ? value : "";
  }

  private static String deliveryState(Map<String, Object> attributes) {
    return attributes.get("assetDeliveryState") instanceof Map<?, ?> state && state.get("state") instanceof String value
        ? value : "";
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> deliveryErrors(Map<String, Object> attributes) {
    return attributes.get("assetDeliveryState") instanceof Map<?, ?> state && state.get("errors") instanceof List<?> list
        ? (List<Map<String, Object>>) list : List.of();
  }

  private static Optional<StoredResource> uploadOf(ResourceAccess resources, String fileId) {
    return resources.related(FILES, fileId, "buildUpload", 1).stream().findFirst();
  }

  private static Optional<String> first(List<String> ids) {
    return ids == null || ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
  }

  private static Optional<String> text(Object value) {
    return value instanceof String text ? Optional.of(text) : Optional.empty();
  }

  private static Optional<Long> number(Object value) {
    return value instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }
}
