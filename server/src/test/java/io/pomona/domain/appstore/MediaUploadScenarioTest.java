package io.pomona.domain.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.behaviour.Outcome;
import io.pomona.behaviour.Policy;
import io.pomona.sim.Decision;
import io.pomona.sim.Policies;
import io.pomona.sim.Simulation;
import io.pomona.store.Transition;
import io.pomona.testing.Documents;
import io.pomona.testing.TestMedia;
import io.pomona.testing.TestPomona;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media uploads over HTTP with a real JWT, processed on the simulated clock (frozen, advanced):
 * reserve, PUT the parts to the URLs given, commit with the MD5, and Apple's processing decodes
 * the bytes for real.
 */
class MediaUploadScenarioTest {
  @TempDir Path directory;
  private TestPomona pomona;
  private AppStoreFixture fixture;
  private Simulation simulation;
  private String appId;
  private String versionId;
  private String localization;

  @BeforeEach
  void start() {
    Map<String, Policy> policies = new HashMap<>(AppStoreFixture.mediaPolicies());
    policies.put(Policies.EVERY_PROCESS, Policy.manual());
    pomona = TestPomona.start(directory, settings -> settings.withPolicies(policies));
    simulation = pomona.pomona().simulation();
    simulation.freeze();
    fixture = new AppStoreFixture(pomona);
    appId = fixture.app("Weather");
    versionId = fixture.version(appId, "1.0", "MANUAL");
    localization = AppStoreFixture.created(fixture.createLocalization(versionId, "en-US",
        AppStoreFixture.texts("en-US")));
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  private void process() {
    simulation.advance(MediaKind.PROCESSING_DELAY);
  }

  private JsonNode attributes(String type, String id) {
    TestPomona.Response response = pomona.get("/v1/" + type + "/" + id);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().path("data").path("attributes");
  }

  /** Uploads a screenshot file into a new set of the display type, processes it, returns its attributes. */
  private JsonNode screenshotProcessed(String displayType, String fileName, byte[] file) {
    String set = fixture.screenshotSet(localization, displayType);
    String id = fixture.upload("appScreenshots", "appScreenshotSet", "appScreenshotSets", set, fileName, file,
        Map.of());
    process();
    return attributes("appScreenshots", id);
  }

  private static List<String> errorCodes(JsonNode attributes) {
    List<String> codes = new ArrayList<>();
    attributes.path("assetDeliveryState").path("errors").forEach(e -> codes.add(e.path("code").asText()));
    return codes;
  }

  private HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
    return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void screenshotGoesThroughApplesProtocolAndItsTemplateUrlIsServed() throws Exception {
    byte[] png = TestMedia.png(1290, 2796);
    String set = fixture.screenshotSet(localization, "APP_IPHONE_67");

    JsonNode reserved = fixture.reserve("appScreenshots", "appScreenshotSet", "appScreenshotSets", set, "home.png",
        png.length, Map.of());
    JsonNode attributes = reserved.path("attributes");
    assertThat(attributes.path("assetDeliveryState").path("state").asText()).isEqualTo("AWAITING_UPLOAD");
    assertThat(attributes.path("assetType").asText()).isEqualTo("SCREENSHOT");
    assertThat(attributes.path("assetToken").asText()).isNotBlank();
    JsonNode operation = attributes.path("uploadOperations").path(0);
    assertThat(attributes.path("uploadOperations")).hasSize(1);
    assertThat(operation.path("method").asText()).isEqualTo("PUT");
    assertThat(operation.path("url").asText()).startsWith(pomona.url("/_uploads/").toString());
    assertThat(operation.path("offset").asLong()).isZero();
    assertThat(operation.path("length").asLong()).isEqualTo(png.length);
    assertThat(operation.path("requestHeaders").path(0).path("name").asText()).isEqualTo("Content-Type");
    assertThat(operation.path("requestHeaders").path(0).path("value").asText()).isEqualTo("image/png");

    fixture.putParts(reserved, png);
    String id = reserved.path("id").asText();
    JsonNode committed = AppStoreFixture.ok(fixture.commit("appScreenshots", id, TestMedia.md5(png)))
        .path("data").path("attributes");
    assertThat(committed.path("assetDeliveryState").path("state").asText()).isEqualTo("UPLOAD_COMPLETE");
    assertThat(committed.path("sourceFileChecksum").asText()).isEqualTo(TestMedia.md5(png));
    process();

    JsonNode done = attributes("appScreenshots", id);
    assertThat(done.path("assetDeliveryState").path("state").asText()).isEqualTo("COMPLETE");
    assertThat(done.path("assetDeliveryState").path("errors")).isEmpty();
    assertThat(done.path("imageAsset").path("width").asInt()).isEqualTo(1290);
    assertThat(done.path("imageAsset").path("height").asInt()).isEqualTo(2796);
    String template = done.path("imageAsset").path("templateUrl").asText();
    assertThat(template).startsWith(pomona.url("/_media/").toString()).endsWith("/{w}x{h}bb.{f}");

    HttpResponse<byte[]> small = download(template.replace("{w}", "645").replace("{h}", "1398")
        .replace("{f}", "png"));
    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(small.headers().firstValue("Content-Type")).hasValue("image/png");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(small.body()));
    assertThat(image.getWidth()).isEqualTo(645);
    assertThat(image.getHeight()).isEqualTo(1398);
    HttpResponse<byte[]> jpeg = download(template.replace("{w}", "300").replace("{h}", "1000")
        .replace("{f}", "jpg"));
    assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    BufferedImage boxed = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
    assertThat(boxed.getWidth()).isEqualTo(300); // fits the box, keeping the aspect ratio
    assertThat(boxed.getHeight()).isEqualTo(650);
    assertThat(download(template.replace("{w}", "0").replace("{h}", "10").replace("{f}", "png")).statusCode())
        .isEqualTo(400);
  }

  @Test
  void wrongChecksumEndsInFailed() {
    byte[] png = TestMedia.png(1290, 2796);
    String set = fixture.screenshotSet(localization, "APP_IPHONE_67");
    JsonNode reserved = fixture.reserve("appScreenshots", "appScreenshotSet", "appScreenshotSets", set, "home.png",
        png.length, Map.of());
    fixture.putParts(reserved, png);
    String id = reserved.path("id").asText();
    AppStoreFixture.ok(fixture.commit("appScreenshots", id, "0123456789abcdef0123456789abcdef"));
    process();

    JsonNode failed = attributes("appScreenshots", id);
    assertThat(failed.path("assetDeliveryState").path("state").asText()).isEqualTo("FAILED");
    assertThat(errorCodes(failed)).containsExactly(MediaInspection.CHECKSUM_MISMATCH);
    assertThat(failed.path("assetDeliveryState").path("errors").path(0).path("description").asText())
        .contains(TestMedia.md5(png));
    assertThat(failed.path("imageAsset").isNull() || failed.path("imageAsset").isMissingNode()).isTrue();
    process();
    assertThat(attributes("appScreenshots", id).path("assetDeliveryState").path("state").asText())
        .as("FAILED is final").isEqualTo("FAILED");
  }

  @Test
  void wrongDimensionsEndInFailedNamingTheAcceptedSizes() {
    JsonNode failed = screenshotProcessed("APP_IPHONE_67", "home.png", TestMedia.png(1242, 2688));

    assertThat(failed.path("assetDeliveryState").path("state").asText()).isEqualTo("FAILED");
    assertThat(errorCodes(failed)).containsExactly(MediaInspection.IMAGE_INCORRECT_DIMENSIONS);
    assertThat(failed.path("assetDeliveryState").path("errors").path(0).path("description").asText())
        .contains("1242x2688", "APP_IPHONE_67", "1290x2796");
  }

  @Test
  void landscapeOfARotatingTypeIsAccepted() {
    JsonNode landscape = screenshotProcessed("APP_IPHONE_65", "wide.jpg", TestMedia.image(2688, 1242, "jpg"));

    assertThat(landscape.path("assetDeliveryState").path("state").asText()).isEqualTo("COMPLETE");
    assertThat(landscape.path("imageAsset").path("width").asInt()).isEqualTo(2688);
  }

  @Test
  void bytesThatAreNoAcceptedImageEndInFailed() {
    JsonNode text = screenshotProcessed("APP_IPHONE_67", "home.png",
        "this is not an image".getBytes(StandardCharsets.UTF_8));
    JsonNode gif = screenshotProcessed("APP_IPHONE_67", "home.gif", TestMedia.image(1290, 2796, "gif"));
    JsonNode alpha = screenshotProcessed("APP_IPHONE_67", "home.png", TestMedia.pngWithAlpha(1290, 2796));

    assertThat(errorCodes(text)).containsExactly(MediaInspection.IMAGE_INCORRECT_FORMAT);
    assertThat(errorCodes(gif)).containsExactly(MediaInspection.IMAGE_INCORRECT_FORMAT);
    assertThat(errorCodes(alpha)).containsExactly(MediaInspection.IMAGE_ALPHA_NOT_ALLOWED);
    assertThat(List.of(text, gif, alpha)).allMatch(a -> a.path("assetDeliveryState").path("state").asText()
        .equals("FAILED"));
  }

  @Test
  void committingTwiceIsAConflictAndNoMorePartsAreTaken() {
    byte[] png = TestMedia.png(1290, 2796);
    String set = fixture.screenshotSet(localization, "APP_IPHONE_67");
    JsonNode reserved = fixture.reserve("appScreenshots", "appScreenshotSet", "appScreenshotSets", set, "home.png",
        png.length, Map.of());
    fixture.putParts(reserved, png);
    String id = reserved.path("id").asText();
    AppStoreFixture.ok(fixture.commit("appScreenshots", id, TestMedia.md5(png)));

    TestPomona.Response again = fixture.commit("appScreenshots", id, TestMedia.md5(png));

    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    JsonNode error = again.json().path("errors").path(0);
    assertThat(error.path("code").asText()).isEqualTo("STATE_ERROR.ENTITY_STATE_INVALID");
    assertThat(error.path("source").path("pointer").asText()).isEqualTo("/data/attributes/uploaded");
    assertThat(error.path("detail").asText()).contains("already committed", "UPLOAD_COMPLETE");
    JsonNode operation = reserved.path("attributes").path("uploadOperations").path(0);
    TestPomona.Response part = pomona.send(HttpRequest.newBuilder(URI.create(operation.path("url").asText()))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(png)).build());
    assertThat(part.status()).as(part.toString()).isEqualTo(409);
    assertThat(attributes("appScreenshots", id).path("assetDeliveryState").path("state").asText())
        .isEqualTo("UPLOAD_COMPLETE");
  }

  @Test
  void commitBeforeThePartsArriveEndsInFailed() {
    String set = fixture.screenshotSet(localization, "APP_IPHONE_67");
    JsonNode reserved = fixture.reserve("appScreenshots", "appScreenshotSet", "appScreenshotSets", set, "home.png",
        50_000, Map.of());
    String id = reserved.path("id").asText();
    AppStoreFixture.ok(fixture.commit("appScreenshots", id, "0123456789abcdef0123456789abcdef"));
    process();

    JsonNode failed = attributes("appScreenshots", id);
    assertThat(failed.path("assetDeliveryState").path("state").asText()).isEqualTo("FAILED");
    assertThat(errorCodes(failed)).containsExactly(MediaInspection.FILE_INCOMPLETE);
  }

  @Test
  void reservationOfNoBytesIsRefusedWithAPointer() {
    String set = fixture.screenshotSet(localization, "APP_IPHONE_67");
    TestPomona.Response refused = pomona.send("POST", "/v1/appScreenshots", Documents.resource("appScreenshots")
        .attribute("fileName", "home.png").attribute("fileSize", 0)
        .toOne("appScreenshotSet", "appScreenshotSets", set).document());

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/attributes/fileSize");
    assertThat(pomona.get("/v1/appScreenshotSets/" + set + "/appScreenshots").json().path("data")).isEmpty();
  }

  @Test
  void operatorFailingTheProcessingEndsInFailedWithTheReason() {
    simulation.setPolicy(MediaKind.of("appScreenshots").orElseThrow().process().name(), Policy.manual());
    byte[] png = TestMedia.png(1290, 2796);
    String set = fixture.screenshotSet(localization, "APP_IPHONE_67");
    String id = fixture.upload("appScreenshots", "appScreenshotSet", "appScreenshotSets", set, "home.png", png,
        Map.of());
    Transition pending = simulation.decisions().pending(Optional.of(pomona.team().id())).stream()
        .filter(t -> t.resourceId().equals(id)).findFirst().orElseThrow();

    simulation.decisions().decide(pending.id(), new Decision(Outcome.FAIL, Optional.of("The image is blurry.")));

    JsonNode failed = attributes("appScreenshots", id);
    assertThat(failed.path("assetDeliveryState").path("state").asText()).isEqualTo("FAILED");
    assertThat(failed.path("assetDeliveryState").path("errors").path(0).path("description").asText())
        .isEqualTo("The image is blurry.");
  }

  @Test
  void relationshipPatchOrdersTheSetAndRefusesForeignOrMissingScreenshots() {
    String set = fixture.screenshotSet(localization, "APP_IPHONE_67");
    byte[] png = TestMedia.png(1290, 2796);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(fixture.upload("appScreenshots", "appScreenshotSet", "appScreenshotSets", set, "shot" + i + ".png",
          png, Map.of()));
    }
    String otherSet = fixture.screenshotSet(localization, "APP_IPHONE_65");
    String foreign = fixture.upload("appScreenshots", "appScreenshotSet", "appScreenshotSets", otherSet, "x.png",
        TestMedia.png(1242, 2688), Map.of());
    String path = "/v1/appScreenshotSets/" + set + "/relationships/appScreenshots";

    TestPomona.Response reordered = pomona.send("PATCH", path,
        Documents.linkage("appScreenshots", ids.get(2), ids.get(0), ids.get(1)));

    assertThat(reordered.status()).as(reordered.toString()).isEqualTo(204);
    List<String> expected = List.of(ids.get(2), ids.get(0), ids.get(1));
    assertThat(idsOf(pomona.get(path).json())).isEqualTo(expected);
    assertThat(idsOf(pomona.get("/v1/appScreenshotSets/" + set + "/appScreenshots").json())).isEqualTo(expected);

    TestPomona.Response withForeign = pomona.send("PATCH", path,
        Documents.linkage("appScreenshots", ids.get(0), foreign, ids.get(1), ids.get(2)));
    assertThat(withForeign.status()).as(withForeign.toString()).isEqualTo(409);
    assertThat(withForeign.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/1");
    TestPomona.Response leavingOut = pomona.send("PATCH", path, Documents.linkage("appScreenshots", ids.get(0)));
    assertThat(leavingOut.status()).as(leavingOut.toString()).isEqualTo(409);
    assertThat(leavingOut.json().path("errors").path(0).path("source").path("pointer").asText()).isEqualTo("/data");
    assertThat(idsOf(pomona.get(path).json())).as("nothing changed").isEqualTo(expected);
    assertThat(idsOf(pomona.get("/v1/appScreenshotSets/" + otherSet + "/appScreenshots").json()))
        .containsExactly(foreign);
  }

  private static List<String> idsOf(JsonNode document) {
    List<String> ids = new ArrayList<>();
    document.path("data").forEach(resource -> ids.add(resource.path("id").asText()));
    return ids;
  }

  @Test
  void previewVideoIsMeasuredFromItsContainerAndServed() throws Exception {
    String set = AppStoreFixture.created(pomona.send("POST", "/v1/appPreviewSets", Documents.resource("appPreviewSets")
        .attribute("previewType", "IPHONE_67")
        .toOne("appStoreVersionLocalization", "appStoreVersionLocalizations", localization).document()));
    byte[] video = TestMedia.mp4(886, 1920, 20);
    String good = fixture.upload("appPreviews", "appPreviewSet", "appPreviewSets", set, "preview.mp4", video,
        Map.of("mimeType", "video/mp4", "previewFrameTimeCode", "00:00:05:00"));
    String short_ = fixture.upload("appPreviews", "appPreviewSet", "appPreviewSets", set, "short.mp4",
        TestMedia.mp4(886, 1920, 5), Map.of());
    String wide = fixture.upload("appPreviews", "appPreviewSet", "appPreviewSets", set, "wide.mp4",
        TestMedia.mp4(1920, 1080, 20), Map.of());
    String png = fixture.upload("appPreviews", "appPreviewSet", "appPreviewSets", set, "still.mp4",
        TestMedia.png(886, 1920), Map.of());
    process();

    JsonNode done = attributes("appPreviews", good);
    assertThat(done.path("assetDeliveryState").path("state").asText()).isEqualTo("COMPLETE");
    assertThat(done.path("videoDeliveryState").path("state").asText()).isEqualTo("COMPLETE");
    assertThat(done.path("previewFrameTimeCode").asText()).isEqualTo("00:00:05:00");
    HttpResponse<byte[]> served = download(done.path("videoUrl").asText());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(served.body()).isEqualTo(video);
    assertThat(errorCodes(attributes("appPreviews", short_))).containsExactly(MediaInspection.VIDEO_INCORRECT_DURATION);
    assertThat(errorCodes(attributes("appPreviews", wide))).containsExactly(MediaInspection.VIDEO_INCORRECT_DIMENSIONS);
    assertThat(errorCodes(attributes("appPreviews", png))).containsExactly(MediaInspection.VIDEO_INCORRECT_FORMAT);
  }

  @Test
  void reviewAttachmentsAndRoutingCoveragesUseTheSameProtocol() {
    fixture.reviewDetail(versionId);
    String detail = pomona.get("/v1/appStoreVersions/" + versionId + "/appStoreReviewDetail").json().path("data")
        .path("id").asText();
    String attachment = fixture.upload("appStoreReviewAttachments", "appStoreReviewDetail", "appStoreReviewDetails",
        detail, "notes.txt", "Log in with the demo account.".getBytes(StandardCharsets.UTF_8), Map.of());
    String coverage = fixture.upload("routingAppCoverages", "appStoreVersion", "appStoreVersions", versionId,
        "coverage.geojson", ("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[-122.5,37.7],[-122.3,37.7],"
            + "[-122.3,37.8],[-122.5,37.7]]]]}").getBytes(StandardCharsets.UTF_8), Map.of());
    process();

    assertThat(fixture.deliveryState("appStoreReviewAttachments", attachment)).isEqualTo("COMPLETE");
    assertThat(fixture.deliveryState("routingAppCoverages", coverage)).isEqualTo("COMPLETE");
  }

  @Test
  void setsOfCustomProductPagesAndExperimentTreatmentsTakeScreenshotsTheSameWay() {
    String page = fixture.resources().create(fixture.team(), "appCustomProductPageLocalizations", Optional.empty(),
        Map.of("locale", "en-US"), Map.of()).id();
    String treatment = fixture.resources().create(fixture.team(), "appStoreVersionExperimentTreatmentLocalizations",
        Optional.empty(), Map.of("locale", "en-US"), Map.of()).id();
    List<String> screenshots = new ArrayList<>();
    for (String[] parent : List.of(
        new String[] {"appCustomProductPageLocalization", "appCustomProductPageLocalizations", page},
        new String[] {"appStoreVersionExperimentTreatmentLocalization",
            "appStoreVersionExperimentTreatmentLocalizations", treatment})) {
      String set = AppStoreFixture.created(pomona.send("POST", "/v1/appScreenshotSets",
          Documents.resource("appScreenshotSets").attribute("screenshotDisplayType", "APP_IPAD_PRO_3GEN_129")
              .toOne(parent[0], parent[1], parent[2]).document()));
      screenshots.add(fixture.upload("appScreenshots", "appScreenshotSet", "appScreenshotSets", set, "ipad.png",
          TestMedia.png(2064, 2752), Map.of()));
    }
    process();

    assertThat(screenshots).allSatisfy(id -> assertThat(fixture.deliveryState("appScreenshots", id))
        .isEqualTo("COMPLETE"));
  }

  @Test
  void deletingASetDeletesItsScreenshots() {
    String set = fixture.screenshotSet(localization, "APP_IPHONE_67");
    String id = fixture.upload("appScreenshots", "appScreenshotSet", "appScreenshotSets", set, "home.png",
        TestMedia.png(1290, 2796), Map.of());

    TestPomona.Response deleted = pomona.send("DELETE", "/v1/appScreenshotSets/" + set, null);

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(pomona.get("/v1/appScreenshots/" + id).status()).isEqualTo(404);
  }

  @Test
  void appEventMediaFitTheirAssetType() {
    String event = AppStoreFixture.created(pomona.send("POST", "/v1/appEvents", Documents.resource("appEvents")
        .attribute("referenceName", "Summer Challenge").toOne("app", "apps", appId).document()));
    String eventLocalization = AppStoreFixture.created(pomona.send("POST", "/v1/appEventLocalizations",
        Documents.resource("appEventLocalizations").attribute("locale", "en-US").attribute("name", "Summer")
            .toOne("appEvent", "appEvents", event).document()));
    String card = fixture.upload("appEventScreenshots", "appEventLocalization", "appEventLocalizations",
        eventLocalization, "card.png", TestMedia.png(1920, 1080), Map.of("appEventAssetType", "EVENT_CARD"));
    String wrong = fixture.upload("appEventScreenshots", "appEventLocalization", "appEventLocalizations",
        eventLocalization, "details.png", TestMedia.png(1920, 1080), Map.of("appEventAssetType",
            "EVENT_DETAILS_PAGE"));
    String clip = fixture.upload("appEventVideoClips", "appEventLocalization", "appEventLocalizations",
        eventLocalization, "clip.mov", TestMedia.mp4(1080, 1920, 12), Map.of("appEventAssetType",
            "EVENT_DETAILS_PAGE"));
    process();

    JsonNode cardDone = attributes("appEventScreenshots", card);
    assertThat(cardDone.path("assetDeliveryState").path("state").asText()).isEqualTo("COMPLETE");
    assertThat(cardDone.path("imageAsset").path("width").asInt()).isEqualTo(1920);
    assertThat(errorCodes(attributes("appEventScreenshots", wrong)))
        .containsExactly(MediaInspection.IMAGE_INCORRECT_DIMENSIONS);
    assertThat(attributes("appEventVideoClips", clip).path("videoDeliveryState").path("state").asText())
        .isEqualTo("COMPLETE");
  }
}
