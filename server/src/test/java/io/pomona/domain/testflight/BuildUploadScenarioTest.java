package io.pomona.domain.testflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.sim.Decision;
import io.pomona.testing.TestPomona;
import io.pomona.uploads.UploadVault;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Build uploads over HTTP with real bytes: reserve, PUT the parts to the URLs the reservation
 * gives (no token), commit with a checksum, and follow the upload and its build through
 * processing; and every way of getting it wrong.
 */
class BuildUploadScenarioTest {
  /** Two parts: one whole, one short. */
  private static final byte[] FILE = bytes((int) UploadVault.DEFAULT_PART_BYTES + 1000);

  @TempDir Path directory;
  TestPomona pomona;
  TestFlightClient client;
  String appId;

  @BeforeEach
  void start() {
    pomona = TestPomona.start(directory);
    client = new TestFlightClient(pomona);
    appId = client.newApp("Weather");
  }

  @AfterEach
  void stop() throws Exception {
    pomona.close();
  }

  @Test
  void reservationAnswersPartsThatCoverTheFileUnderThePublicUrl() {
    String uploadId = client.createUpload(appId, "1.0", "1").json().path("data").path("id").asText();
    TestPomona.Response reserved = client.reserveFile(uploadId, FILE.length);

    assertThat(reserved.status()).as(reserved.toString()).isEqualTo(201);
    JsonNode attributes = reserved.json().path("data").path("attributes");
    assertThat(attributes.path("assetDeliveryState").path("state").asText()).isEqualTo("AWAITING_UPLOAD");
    assertThat(attributes.path("assetToken").asText()).hasSize(32);
    JsonNode operations = attributes.path("uploadOperations");
    assertThat(operations).hasSize(2);
    assertThat(operations.get(0).path("method").asText()).isEqualTo("PUT");
    assertThat(operations.get(0).path("url").asText()).startsWith(pomona.pomona().baseUrl() + "/_uploads/");
    assertThat(operations.get(0).path("offset").asLong()).isZero();
    assertThat(operations.get(0).path("length").asLong()).isEqualTo(UploadVault.DEFAULT_PART_BYTES);
    assertThat(operations.get(1).path("offset").asLong()).isEqualTo(UploadVault.DEFAULT_PART_BYTES);
    assertThat(operations.get(1).path("length").asLong()).isEqualTo(1000);
    assertThat(operations.get(1).path("partNumber").asInt()).isEqualTo(2);
    assertThat(operations.get(1).path("expiration").asText()).endsWith("Z");
    assertThat(operations.get(0).path("requestHeaders").path(0).path("name").asText()).isEqualTo("Content-Type");

    JsonNode upload = client.attributes("/v1/buildUploads/" + uploadId);
    assertThat(upload.path("state").path("state").asText()).isEqualTo("AWAITING_UPLOAD");
    assertThat(upload.path("createdDate").asText()).endsWith("Z");
  }

  @Test
  void committedUploadCreatesAProcessingBuildThatTheClockMakesValid() {
    String uploadId = client.uploadBuild(appId, "1.2", "42", FILE);

    JsonNode upload = client.attributes("/v1/buildUploads/" + uploadId);
    assertThat(upload.path("state").path("state").asText()).isEqualTo("PROCESSING");
    assertThat(upload.path("uploadedDate").asText()).endsWith("Z");
    String buildId = client.buildOf(uploadId);
    JsonNode build = client.attributes("/v1/builds/" + buildId);
    assertThat(build.path("version").asText()).isEqualTo("42");
    assertThat(build.path("processingState").asText()).isEqualTo("PROCESSING");
    TestPomona.Response version = pomona.get("/v1/builds/" + buildId + "/preReleaseVersion");
    assertThat(version.json().path("data").path("attributes").path("version").asText()).isEqualTo("1.2");
    assertThat(version.json().path("data").path("attributes").path("platform").asText()).isEqualTo("IOS");

    client.decide(BuildProcessing.PROCESS.name(), buildId, Decision.approve());

    assertThat(client.attributes("/v1/builds/" + buildId).path("processingState").asText()).isEqualTo("VALID");
    assertThat(client.attributes("/v1/buildUploads/" + uploadId).path("state").path("state").asText())
        .isEqualTo("COMPLETE");
    TestPomona.Response files = pomona.get("/v1/buildUploads/" + uploadId + "/buildUploadFiles");
    assertThat(files.json().path("data").path(0).path("attributes").path("assetDeliveryState").path("state").asText())
        .isEqualTo("COMPLETE");
  }

  @Test
  void aSecondBuildOfTheSameVersionReusesItsPreReleaseVersion() {
    String first = client.buildOf(client.uploadBuild(appId, "2.0", "1", FILE));
    String second = client.buildOf(client.uploadBuild(appId, "2.0", "2", bytes(10)));

    String firstVersion = pomona.get("/v1/builds/" + first + "/relationships/preReleaseVersion")
        .json().path("data").path("id").asText();
    String secondVersion = pomona.get("/v1/builds/" + second + "/relationships/preReleaseVersion")
        .json().path("data").path("id").asText();
    assertThat(secondVersion).isEqualTo(firstVersion);
    assertThat(pomona.get("/v1/apps/" + appId + "/preReleaseVersions").json().path("data")).hasSize(1);
  }

  @Test
  void operatorFailingProcessingFailsTheUploadWithTheReason() {
    String uploadId = client.uploadBuild(appId, "1.0", "7", bytes(100));
    String buildId = client.buildOf(uploadId);

    client.decide(BuildProcessing.PROCESS.name(), buildId, Decision.fail("Missing required icon"));

    JsonNode state = client.attributes("/v1/buildUploads/" + uploadId).path("state");
    assertThat(state.path("state").asText()).isEqualTo("FAILED");
    assertThat(state.path("errors").path(0).path("code").asText()).isEqualTo("STATE_ERROR.VALIDATION_ERROR");
    assertThat(state.path("errors").path(0).path("description").asText()).isEqualTo("Missing required icon");
    assertThat(client.attributes("/v1/builds/" + buildId).path("processingState").asText()).isEqualTo("FAILED");
  }

  @Test
  void aDuplicateBuildNumberForTheSameVersionIsRefused() {
    client.uploadBuild(appId, "1.0", "5", bytes(10));

    TestPomona.Response again = client.createUpload(appId, "1.0", "5");

    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE");
    assertThat(again.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/attributes/cfBundleVersion");
    assertThat(client.createUpload(appId, "1.1", "5").status()).isEqualTo(201);
  }

  @Test
  void aWrongChecksumFailsTheFileAndTheUploadWithAppleErrorShape() {
    String uploadId = client.createUpload(appId, "1.0", "9").json().path("data").path("id").asText();
    JsonNode file = client.reserveFile(uploadId, 100).json().path("data");
    byte[] bytes = bytes(100);
    client.putPart(file.path("attributes").path("uploadOperations").get(0), bytes);

    TestPomona.Response committed = client.commit(file.path("id").asText(), "MD5", TestFlightClient.md5(bytes(99)));

    assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
    JsonNode delivery = committed.json().path("data").path("attributes").path("assetDeliveryState");
    assertThat(delivery.path("state").asText()).isEqualTo("FAILED");
    assertThat(delivery.path("errors").path(0).path("code").asText()).isEqualTo(BuildUploadFlow.CHECKSUM_MISMATCH);
    assertThat(delivery.path("errors").path(0).path("description").asText()).contains(TestFlightClient.md5(bytes));
    JsonNode state = client.attributes("/v1/buildUploads/" + uploadId).path("state");
    assertThat(state.path("state").asText()).isEqualTo("FAILED");
    assertThat(state.path("errors").path(0).path("code").asText()).isEqualTo(BuildUploadFlow.CHECKSUM_MISMATCH);
    assertThat(pomona.get("/v1/apps/" + appId + "/builds").json().path("data")).isEmpty();
  }

  @Test
  void aMatchingMd5CommitsToo() {
    String uploadId = client.createUpload(appId, "1.0", "10").json().path("data").path("id").asText();
    JsonNode file = client.reserveFile(uploadId, 100).json().path("data");
    byte[] bytes = bytes(100);
    client.putPart(file.path("attributes").path("uploadOperations").get(0), bytes);

    TestPomona.Response committed = client.commit(file.path("id").asText(), "MD5", TestFlightClient.md5(bytes));

    assertThat(committed.json().path("data").path("attributes").path("assetDeliveryState").path("state").asText())
        .isEqualTo("UPLOAD_COMPLETE");
  }

  @Test
  void partsUploadedTwiceOutOfRangeOrOfTheWrongLengthAreRefused() {
    String uploadId = client.createUpload(appId, "1.0", "11").json().path("data").path("id").asText();
    JsonNode operations = client.reserveFile(uploadId, FILE.length).json().path("data").path("attributes")
        .path("uploadOperations");
    String secondUrl = operations.get(1).path("url").asText();

    TestPomona.Response shortPart = client.putBytes(secondUrl, bytes(999), "application/octet-stream");
    assertThat(shortPart.status()).as(shortPart.toString()).isEqualTo(400);
    assertThat(shortPart.errorCode()).isEqualTo("PARAMETER_ERROR.INVALID");
    assertThat(shortPart.json().path("errors").path(0).path("source").path("parameter").asText())
        .isEqualTo("Content-Length");

    TestPomona.Response outOfRange = client.putBytes(secondUrl.replaceAll("/2$", "/3"), bytes(10),
        "application/octet-stream");
    assertThat(outOfRange.status()).as(outOfRange.toString()).isEqualTo(400);
    assertThat(outOfRange.json().path("errors").path(0).path("source").path("parameter").asText())
        .isEqualTo("partNumber");
    assertThat(outOfRange.json().path("errors").path(0).path("detail").asText()).contains("has 2 parts");

    assertThat(client.putPart(operations.get(1), FILE).status()).isEqualTo(200);
    TestPomona.Response twice = client.putPart(operations.get(1), FILE);
    assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
    assertThat(twice.errorCode()).isEqualTo("STATE_ERROR");

    TestPomona.Response unknown = client.putBytes(pomona.pomona().baseUrl() + "/_uploads/"
        + "0".repeat(32) + "/1", bytes(10), "application/octet-stream");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void committingBeforeEveryPartArrivedIsRefusedAndChangesNothing() {
    String uploadId = client.createUpload(appId, "1.0", "12").json().path("data").path("id").asText();
    JsonNode file = client.reserveFile(uploadId, FILE.length).json().path("data");
    JsonNode operations = file.path("attributes").path("uploadOperations");
    client.putPart(operations.get(0), FILE);

    TestPomona.Response early = client.commit(file.path("id").asText(), "SHA_256", TestFlightClient.sha256(FILE));

    assertThat(early.status()).as(early.toString()).isEqualTo(409);
    assertThat(early.errorCode()).isEqualTo("STATE_ERROR");
    assertThat(early.json().path("errors").path(0).path("detail").asText()).contains("missing part 2 of 2");
    assertThat(early.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/attributes/uploaded");
    assertThat(client.attributes("/v1/buildUploadFiles/" + file.path("id").asText())
        .path("assetDeliveryState").path("state").asText()).isEqualTo("AWAITING_UPLOAD");

    client.putPart(operations.get(1), FILE);
    TestPomona.Response committed = client.commit(file.path("id").asText(), "SHA_256", TestFlightClient.sha256(FILE));
    assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
    assertThat(client.putPart(operations.get(0), FILE).status()).isEqualTo(409);
    TestPomona.Response again = client.commit(file.path("id").asText(), "SHA_256", TestFlightClient.sha256(FILE));
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("STATE_ERROR.ENTITY_STATE_INVALID");
  }

  @Test
  void aFileForAnUnknownUploadIsRefusedAndNothingIsStored() {
    TestPomona.Response reserved = client.reserveFile("no-such-upload", 10);

    assertThat(reserved.status()).as(reserved.toString()).isEqualTo(409);
    assertThat(reserved.json().path("errors").path(0).path("source").path("pointer").asText())
        .isEqualTo("/data/relationships/buildUpload/data");
    assertThat(pomona.pomona().store().read(tx -> tx.latestEvents(java.util.Optional.of(pomona.team().id()), 100))
        .stream().filter(e -> e.resourceType().equals("buildUploadFiles")).toList()).isEmpty();
  }

  @Test
  void cancellingAnUploadAwaitingItsFileDeletesIt() {
    String uploadId = client.createUpload(appId, "1.0", "13").json().path("data").path("id").asText();
    String fileId = client.reserveFile(uploadId, 10).json().path("data").path("id").asText();

    assertThat(pomona.send("DELETE", "/v1/buildUploads/" + uploadId, null).status()).isEqualTo(204);

    assertThat(pomona.get("/v1/buildUploads/" + uploadId).status()).isEqualTo(404);
    assertThat(pomona.get("/v1/buildUploadFiles/" + fileId).status()).isEqualTo(404);
  }

  @Test
  void theOperatorUploadsABuildWithoutBytesThroughTheAdminApi() {
    io.pomona.testing.Admin admin = new io.pomona.testing.Admin(pomona);
    com.fasterxml.jackson.databind.node.ObjectNode body = TestPomona.JSON.createObjectNode()
        .put("team", pomona.team().id()).put("app", appId).put("version", "3.0").put("build", "300");

    TestPomona.Response uploaded = admin.post("/_pomona/builds", body);
    TestPomona.Response again = admin.post("/_pomona/builds", body);
    TestPomona.Response badPlatform = admin.post("/_pomona/builds", body.deepCopy().put("build", "301")
        .put("platform", "WATCH_OS"));

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    String buildId = uploaded.json().path("build").path("id").asText();
    assertThat(client.attributes("/v1/builds/" + buildId).path("processingState").asText()).isEqualTo("PROCESSING");
    assertThat(pomona.get("/v1/builds/" + buildId + "/preReleaseVersion").json().path("data").path("attributes")
        .path("version").asText()).isEqualTo("3.0");
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(badPlatform.status()).as(badPlatform.toString()).isEqualTo(400);
  }

  static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }
}
