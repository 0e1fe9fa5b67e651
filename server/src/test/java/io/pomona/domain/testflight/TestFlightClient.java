package io.pomona.domain.testflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.jsonapi.Documents;
import io.pomona.sim.Decision;
import io.pomona.sim.Simulation;
import io.pomona.store.Transition;
import io.pomona.testing.TestPomona;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a release pipeline does against TestFlight, over HTTP with a real token (the same calls a
 * client makes against Apple), plus the operator's hand for what only Apple does (create the app,
 * decide a transition).
 */
final class TestFlightClient {
  final TestPomona pomona;

  TestFlightClient(TestPomona pomona) {
    this.pomona = pomona;
  }

  Simulation simulation() {
    return pomona.pomona().simulation();
  }

  /** An app, as only Apple's web UI (here the operator) creates one. */
  String newApp(String name) {
    return pomona.pomona().engine().resources().create(pomona.team().id(), "apps", Optional.empty(),
        Map.of("name", name, "bundleId", "com.example." + name.toLowerCase(), "sku", name.toUpperCase(),
            "primaryLocale", "en-US"), Map.of()).id();
  }

  TestPomona.Response createUpload(String appId, String version, String number) {
    return pomona.send("POST", "/v1/buildUploads", Documents.resource("buildUploads")
        .attribute("cfBundleShortVersionString", version).attribute("cfBundleVersion", number)
        .attribute("platform", "IOS").toOne("app", "apps", appId).document());
  }

  TestPomona.Response reserveFile(String uploadId, long size) {
    return pomona.send("POST", "/v1/buildUploadFiles", Documents.resource("buildUploadFiles")
        .attribute("fileName", "App.ipa").attribute("fileSize", size).attribute("uti", "com.apple.ipa")
        .attribute("assetType", "ASSET").toOne("buildUpload", "buildUploads", uploadId).document());
  }

  /** PUTs one upload operation's bytes exactly as the operation says: its URL, no token. */
  TestPomona.Response putPart(JsonNode operation, byte[] file) {
    int offset = operation.path("offset").asInt();
    int length = operation.path("length").asInt();
    return putBytes(operation.path("url").asText(), Arrays.copyOfRange(file, offset, offset + length),
        operation.path("requestHeaders").path(0).path("value").asText());
  }

  TestPomona.Response putBytes(String url, byte[] bytes, String contentType) {
    return pomona.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
  }

  TestPomona.Response commit(String fileId, String algorithm, String hash) {
    Documents.ResourceBuilder body = Documents.resource("buildUploadFiles").id(fileId).attribute("uploaded", true);
    if (hash != null) {
      body.attribute("sourceFileChecksums", Map.of("file", Map.of("hash", hash, "algorithm", algorithm)));
    }
    return pomona.send("PATCH", "/v1/buildUploadFiles/" + fileId, body.document());
  }

  /** Uploads a whole file through the real parts route; returns the build upload's id. */
  String uploadBuild(String appId, String version, String number, byte[] file) {
    TestPomona.Response upload = createUpload(appId, version, number);
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    String uploadId = upload.json().path("data").path("id").asText();
    TestPomona.Response reserved = reserveFile(uploadId, file.length);
    assertThat(reserved.status()).as(reserved.toString()).isEqualTo(201);
    JsonNode fileResource = reserved.json().path("data");
    for (JsonNode operation : fileResource.path("attributes").path("uploadOperations")) {
      TestPomona.Response put = putPart(operation, file);
      assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }
    TestPomona.Response committed = commit(fileResource.path("id").asText(), "SHA_256", sha256(file));
    assertThat(committed.status()).as(committed.toString()).isEqualTo(200);
    return uploadId;
  }

  /** The build an upload created. */
  String buildOf(String uploadId) {
    TestPomona.Response upload = pomona.get("/v1/buildUploads/" + uploadId + "?include=build");
    assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
    String buildId = upload.json().path("data").path("relationships").path("build").path("data").path("id").asText();
    assertThat(buildId).as(upload.toString()).isNotEmpty();
    return buildId;
  }

  JsonNode attributes(String path) {
    TestPomona.Response response = pomona.get(path);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().path("data").path("attributes");
  }

  /** Decides the one pending decision of a process about a resource, as the operator acting as Apple. */
  Transition decide(String process, String resourceId, Decision decision) {
    List<Transition> pending = simulation().decisions().pending(Optional.of(pomona.team().id())).stream()
        .filter(t -> t.process().equals(process) && t.resourceId().equals(resourceId)).toList();
    assertThat(pending).as("pending %s decisions about %s", process, resourceId).hasSize(1);
    return simulation().decisions().decide(pending.get(0).id(), decision);
  }

  static String sha256(byte[] bytes) {
    return hex("SHA-256", bytes);
  }

  static String md5(byte[] bytes) {
    return hex("MD5", bytes);
  }

  private static String hex(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
