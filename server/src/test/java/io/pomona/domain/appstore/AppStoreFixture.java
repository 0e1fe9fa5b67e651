package io.pomona.domain.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.behaviour.Policy;
import io.pomona.engine.Resources;
import io.pomona.testing.Documents;
import io.pomona.testing.TestMedia;
import io.pomona.testing.TestPomona;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an App Store scenario needs: the resources only Apple creates (an app and its app info, a
 * processed build) through the internal API, and everything else a release pipeline sends, over
 * HTTP with the test key's JWT.
 */
final class AppStoreFixture {
  private final TestPomona pomona;

  AppStoreFixture(TestPomona pomona) {
    this.pomona = pomona;
  }

  Resources resources() {
    return pomona.pomona().engine().resources();
  }

  String team() {
    return pomona.team().id();
  }

  /** An app as Apple's web UI creates it, with its app info (and so its age rating declaration). */
  String app(String name) {
    String appId = resources().create(team(), "apps", Optional.empty(), Map.of("name", name,
        "bundleId", "com.example." + name.toLowerCase(), "sku", name.toUpperCase(), "primaryLocale", "en-US"),
        Map.of()).id();
    resources().create(team(), "appInfos", Optional.empty(), Map.of("state", "PREPARE_FOR_SUBMISSION",
        "appStoreState", "PREPARE_FOR_SUBMISSION"), Map.of("app", List.of(appId)));
    return appId;
  }

  /** A build of the app for a platform, in the given processing state, as an upload leaves it. */
  String build(String appId, String platform, String processingState) {
    String preRelease = resources().create(team(), "preReleaseVersions", Optional.empty(),
        Map.of("version", "1.0", "platform", platform), Map.of("app", List.of(appId))).id();
    return resources().create(team(), "builds", Optional.empty(),
        Map.of("version", "1", "processingState", processingState),
        Map.of("app", List.of(appId), "preReleaseVersion", List.of(preRelease))).id();
  }

  TestPomona.Response createVersion(String appId, String versionString, String releaseType) {
    return pomona.send("POST", "/v1/appStoreVersions", Documents.resource("appStoreVersions")
        .attribute("platform", "IOS").attribute("versionString", versionString)
        .attribute("releaseType", releaseType).attribute("copyright", "2026 Example Inc.")
        .toOne("app", "apps", appId).document());
  }

  String version(String appId, String versionString, String releaseType) {
    return created(createVersion(appId, versionString, releaseType));
  }

  TestPomona.Response createLocalization(String versionId, String locale, Map<String, String> texts) {
    Documents document = Documents.resource("appStoreVersionLocalizations").attribute("locale", locale)
        .toOne("appStoreVersion", "appStoreVersions", versionId);
    texts.forEach(document::attribute);
    return pomona.send("POST", "/v1/appStoreVersionLocalizations", document.document());
  }

  static Map<String, String> texts(String locale) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("description", "A calm weather app (" + locale + ").");
    texts.put("keywords", "weather,forecast,rain");
    texts.put("supportUrl", "https://example.com/" + locale + "/support");
    texts.put("marketingUrl", "https://example.com/" + locale);
    return texts;
  }

  /** Automatic media processing (the delivery processes), for tests whose other processes are manual. */
  static Map<String, Policy> mediaPolicies() {
    Map<String, Policy> policies = new LinkedHashMap<>();
    MediaDelivery.deliveryProcesses().forEach(process -> policies.put(process.name(),
        Policy.auto(MediaKind.PROCESSING_DELAY)));
    return policies;
  }

  /** A screenshot set of the display type for a version localization. */
  String screenshotSet(String localizationId, String displayType) {
    return created(pomona.send("POST", "/v1/appScreenshotSets", Documents.resource("appScreenshotSets")
        .attribute("screenshotDisplayType", displayType)
        .toOne("appStoreVersionLocalization", "appStoreVersionLocalizations", localizationId).document()));
  }

  /**
   * A screenshot set of the display type with one screenshot uploaded by the real protocol (a PNG
   * of a size the type takes) and processed by the Apple side ({@link #process}).
   */
  String screenshot(String localizationId, String displayType) {
    String set = screenshotSet(localizationId, displayType);
    io.pomona.uploads.media.DisplaySizes.Size size = io.pomona.uploads.media.DisplaySizes.screenshot(displayType)
        .orElseThrow().sizes().get(0);
    String id = upload("appScreenshots", "appScreenshotSet", "appScreenshotSets", set, "home.png",
        TestMedia.png(size.width(), size.height()), Map.of());
    process(id);
    assertThat(deliveryState("appScreenshots", id)).isEqualTo("COMPLETE");
    return id;
  }

  /**
   * Lets the Apple side process a committed asset, whatever the policy of its process: approves
   * its pending decision under a manual policy, else advances the simulated clock by the delay.
   */
  void process(String assetId) {
    io.pomona.sim.Simulation simulation = pomona.pomona().simulation();
    Optional<io.pomona.store.Transition> decision = simulation.decisions().pending(Optional.of(team())).stream()
        .filter(transition -> transition.resourceId().equals(assetId)).findFirst();
    if (decision.isPresent()) {
      simulation.decisions().decide(decision.get().id(), new io.pomona.sim.Decision(
          io.pomona.behaviour.Outcome.APPROVE, Optional.empty()));
    } else {
      simulation.advance(MediaKind.PROCESSING_DELAY);
    }
  }

  /** Reserves an asset for {@code file} (its name and size, plus {@code attributes}) in its parent. */
  JsonNode reserve(String type, String parentRelationship, String parentType, String parentId, String fileName,
      long fileSize, Map<String, Object> attributes) {
    Documents document = Documents.resource(type).attribute("fileName", fileName).attribute("fileSize", fileSize)
        .toOne(parentRelationship, parentType, parentId);
    attributes.forEach(document::attribute);
    TestPomona.Response reserved = pomona.send("POST", "/v1/" + type, document.document());
    assertThat(reserved.status()).as(reserved.toString()).isEqualTo(201);
    return reserved.json().path("data");
  }

  /** PUTs every part of {@code file} as the asset's upload operations say: URL, range, headers, no token. */
  void putParts(JsonNode asset, byte[] file) {
    for (JsonNode operation : asset.path("attributes").path("uploadOperations")) {
      int offset = operation.path("offset").asInt();
      int length = operation.path("length").asInt();
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(operation.path("url").asText()))
          .method(operation.path("method").asText(),
              HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(file, offset, offset + length)));
      operation.path("requestHeaders").forEach(header -> request.header(header.path("name").asText(),
          header.path("value").asText()));
      TestPomona.Response put = pomona.send(request.build());
      assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }
  }

  /** Commits an upload: {@code uploaded: true}, with the checksum when one is given. */
  TestPomona.Response commit(String type, String id, String checksum) {
    Documents body = Documents.resource(type).id(id).attribute("uploaded", true);
    if (checksum != null) {
      body.attribute("sourceFileChecksum", checksum);
    }
    return pomona.send("PATCH", "/v1/" + type + "/" + id, body.document());
  }

  /** Reserve, parts, commit with the file's MD5: the whole protocol; returns the asset's id. */
  String upload(String type, String parentRelationship, String parentType, String parentId, String fileName,
      byte[] file, Map<String, Object> attributes) {
    JsonNode asset = reserve(type, parentRelationship, parentType, parentId, fileName, file.length, attributes);
    putParts(asset, file);
    String id = asset.path("id").asText();
    boolean takesChecksum = !type.startsWith("appEvent");
    JsonNode committed = ok(commit(type, id, takesChecksum ? TestMedia.md5(file) : null));
    assertThat(committed.path("data").path("attributes").path("assetDeliveryState").path("state").asText())
        .isEqualTo("UPLOAD_COMPLETE");
    return id;
  }

  String deliveryState(String type, String id) {
    TestPomona.Response response = pomona.get("/v1/" + type + "/" + id);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().path("data").path("attributes").path("assetDeliveryState").path("state").asText();
  }

  void attachBuild(String versionId, String buildId) {
    TestPomona.Response attached = pomona.send("PATCH", "/v1/appStoreVersions/" + versionId + "/relationships/build",
        Documents.linkageToOne("builds", buildId));
    assertThat(attached.status()).as(attached.toString()).isEqualTo(204);
  }

  void answerExportCompliance(String buildId) {
    ok(pomona.send("PATCH", "/v1/builds/" + buildId, Documents.resource("builds").id(buildId)
        .attribute("usesNonExemptEncryption", false).document()));
  }

  void reviewDetail(String versionId) {
    created(pomona.send("POST", "/v1/appStoreReviewDetails", Documents.resource("appStoreReviewDetails")
        .attribute("contactFirstName", "Ada").attribute("contactLastName", "Lovelace")
        .attribute("contactPhone", "+1 555 0100").attribute("contactEmail", "ada@example.com")
        .attribute("demoAccountRequired", false)
        .toOne("appStoreVersion", "appStoreVersions", versionId).document()));
  }

  /** Answers every age rating question of the app's app info: nothing objectionable. */
  void ageRating(String appId) {
    String appInfo = pomona.get("/v1/apps/" + appId + "/appInfos").json().path("data").path(0).path("id").asText();
    String declaration = pomona.get("/v1/appInfos/" + appInfo + "/ageRatingDeclaration").json().path("data")
        .path("id").asText();
    Documents answers = Documents.resource("ageRatingDeclarations").id(declaration);
    for (String question : SubmissionPreconditions.AGE_RATING_ANSWERS) {
      answers.attribute(question, question.equals("gambling") || question.equals("unrestrictedWebAccess")
          ? (Object) false : "NONE");
    }
    ok(pomona.send("PATCH", "/v1/ageRatingDeclarations/" + declaration, answers.document()));
  }

  /** A US price (the first price point of the app in the USA) and availability everywhere listed. */
  void priceAndAvailability(String appId) {
    JsonNode point = pomona.get("/v1/apps/" + appId + "/appPricePoints?filter[territory]=USA&limit=2").json()
        .path("data").path(1);
    created(pomona.send("POST", "/v1/appPriceSchedules", Documents.resource("appPriceSchedules")
        .toOne("app", "apps", appId).toOne("baseTerritory", "territories", "USA")
        .toMany("manualPrices", "appPrices", "${price}")
        .document(Documents.resource("appPrices").id("${price}").attribute("startDate", null)
            .toOne("appPricePoint", "appPricePoints", point.path("id").asText()))));
    created(pomona.send("POST", "/v2/appAvailabilities", Documents.resource("appAvailabilities")
        .attribute("availableInNewTerritories", true)
        .toOne("app", "apps", appId).toMany("territoryAvailabilities", "territoryAvailabilities", "${usa}")
        .document(Documents.resource("territoryAvailabilities").id("${usa}").attribute("available", true)
            .attribute("releaseDate", null).attribute("preOrderEnabled", false)
            .toOne("territory", "territories", "USA"))));
  }

  /** Everything a version needs for review, in two locales. */
  String completeVersion(String appId, String versionString, String releaseType) {
    String versionId = version(appId, versionString, releaseType);
    for (String locale : List.of("en-US", "de-DE")) {
      String localization = created(createLocalization(versionId, locale, texts(locale)));
      screenshot(localization, "APP_IPHONE_67");
    }
    String build = build(appId, "IOS", "VALID");
    answerExportCompliance(build);
    attachBuild(versionId, build);
    reviewDetail(versionId);
    return versionId;
  }

  String submission(String appId) {
    return created(pomona.send("POST", "/v1/reviewSubmissions", Documents.resource("reviewSubmissions")
        .attribute("platform", "IOS").toOne("app", "apps", appId).document()));
  }

  TestPomona.Response addItem(String submissionId, String versionId) {
    return pomona.send("POST", "/v1/reviewSubmissionItems", Documents.resource("reviewSubmissionItems")
        .toOne("reviewSubmission", "reviewSubmissions", submissionId)
        .toOne("appStoreVersion", "appStoreVersions", versionId).document());
  }

  TestPomona.Response patch(String type, String id, String attribute, Object value) {
    return pomona.send("PATCH", "/v1/" + type + "/" + id, Documents.resource(type).id(id)
        .attribute(attribute, value).document());
  }

  String attribute(String type, String id, String attribute) {
    TestPomona.Response response = pomona.get("/v1/" + type + "/" + id);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().path("data").path("attributes").path(attribute).asText();
  }

  String versionState(String versionId) {
    return attribute("appStoreVersions", versionId, "appVersionState");
  }

  static String created(TestPomona.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().path("data").path("id").asText();
  }

  static JsonNode ok(TestPomona.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }
}
