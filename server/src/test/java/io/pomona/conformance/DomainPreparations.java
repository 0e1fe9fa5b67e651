package io.pomona.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.domain.appstore.PricePoints;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What the sweep must know of domain rules to reach each operation's success answer, as data:
 * fixture values that put resources in a state the rules accept (a version being prepared, a
 * processed build), and, per operation, the changes to its sample body that make it a request a
 * real client would send (a valid version string, a price point of the app, one item per review
 * submission item, a fresh parent where a rule allows one child per parent). The rules themselves
 * are tested in the domain's scenario tests; here they only must not hide an operation's schema.
 */
final class DomainPreparations {
  private static final String URL = "https://example.com/sample";

  /** Attributes every fixture of a type carries instead of the generic sample values. */
  static final Map<String, Map<String, Object>> FIXTURE_ATTRIBUTES = Map.of(
      "appStoreVersions", Map.of("appVersionState", "PREPARE_FOR_SUBMISSION", "appStoreState", "PREPARE_FOR_SUBMISSION",
          "versionString", "1.0", "releaseType", "MANUAL"),
      "builds", Map.of("processingState", "VALID", "expired", false, "expirationDate", "2099-01-01T00:00:00.000Z"),
      "reviewSubmissions", Map.of("state", "READY_FOR_REVIEW"),
      "territoryAvailabilities", Map.of("preOrderEnabled", false),
      "appInfoLocalizations", Map.of("locale", "en-US", "privacyPolicyUrl", URL, "privacyChoicesUrl", URL),
      "appStoreVersionLocalizations", Map.of("locale", "en-US", "marketingUrl", URL, "supportUrl", URL));

  private static final Map<String, BiConsumer<ObjectNode, SweepFixtures>> BODIES = Map.ofEntries(
      Map.entry("appStoreVersions_createInstance", (body, fixtures) -> {
        attributes(body).put("versionString", "1.0").putNull("earliestReleaseDate");
        String app = fixtures.fresh("apps", Map.of());
        link(body, "app", app);
        link(body, "build", fixtures.fresh("builds", Map.of("app", List.of(app))));
      }),
      Map.entry("appStoreVersions_updateInstance", (body, fixtures) ->
          attributes(body).put("versionString", "1.0.1").putNull("earliestReleaseDate")),
      Map.entry("appStoreVersionLocalizations_createInstance", (body, fixtures) -> {
        attributes(body).put("locale", "en-US").put("marketingUrl", URL).put("supportUrl", URL);
        link(body, "appStoreVersion", fixtures.fresh("appStoreVersions", Map.of()));
      }),
      Map.entry("appStoreVersionLocalizations_updateInstance", (body, fixtures) ->
          attributes(body).put("marketingUrl", URL).put("supportUrl", URL)),
      Map.entry("appInfoLocalizations_createInstance", (body, fixtures) -> {
        attributes(body).put("locale", "en-US").put("privacyPolicyUrl", URL).put("privacyChoicesUrl", URL);
        link(body, "appInfo", fixtures.fresh("appInfos", Map.of()));
      }),
      Map.entry("appInfoLocalizations_updateInstance", (body, fixtures) ->
          attributes(body).put("privacyPolicyUrl", URL).put("privacyChoicesUrl", URL)),
      Map.entry("appInfos_updateInstance", (body, fixtures) -> {
        link(body, "primaryCategory", "GAMES");
        link(body, "primarySubcategoryOne", "GAMES_PUZZLE");
        link(body, "primarySubcategoryTwo", "GAMES_BOARD");
        link(body, "secondaryCategory", "WEATHER");
        relationships(body).remove(List.of("secondarySubcategoryOne", "secondarySubcategoryTwo"));
      }),
      Map.entry("appPriceSchedules_createInstance", (body, fixtures) -> {
        String app = fixtures.fresh("apps", Map.of());
        link(body, "app", app);
        link(body, "baseTerritory", "USA");
        for (JsonNode included : body.path("included")) {
          if (included instanceof ObjectNode price && price.path("type").asText().equals("appPrices")) {
            price.withObject("relationships").putObject("appPricePoint").putObject("data")
                .put("type", "appPricePoints").put("id", PricePoints.id(app, "USA", 1));
          }
        }
      }),
      Map.entry("appStoreVersionPhasedReleases_createInstance", (body, fixtures) -> {
        String app = fixtures.fresh("apps", Map.of());
        fixtures.fresh("appStoreVersions", Map.of("appVersionState", "READY_FOR_DISTRIBUTION",
            "appStoreState", "READY_FOR_SALE"), Map.of("app", List.of(app)));
        link(body, "appStoreVersion", fixtures.fresh("appStoreVersions", Map.of("versionString", "1.1"),
            Map.of("app", List.of(app))));
      }),
      Map.entry("appStoreVersionReleaseRequests_createInstance", (body, fixtures) ->
          link(body, "appStoreVersion", fixtures.fresh("appStoreVersions",
              Map.of("appVersionState", "PENDING_DEVELOPER_RELEASE"), Map.of()))),
      Map.entry("reviewSubmissions_createInstance", (body, fixtures) ->
          link(body, "app", fixtures.fresh("apps", Map.of()))),
      // submitted and canceled move the state; their rules and flows are ReviewSubmissionFlow's tests.
      Map.entry("reviewSubmissions_updateInstance", (body, fixtures) ->
          attributes(body).remove(List.of("submitted", "canceled"))),
      Map.entry("reviewSubmissionItems_createInstance", (body, fixtures) -> {
        String app = fixtures.fresh("apps", Map.of());
        ObjectNode relationships = relationships(body);
        relationships.removeAll();
        relationships.putObject("reviewSubmission").putObject("data").put("type", "reviewSubmissions")
            .put("id", fixtures.fresh("reviewSubmissions", Map.of("app", List.of(app))));
        relationships.putObject("appStoreVersion").putObject("data").put("type", "appStoreVersions")
            .put("id", fixtures.fresh("appStoreVersions", Map.of("app", List.of(app))));
      }),
      Map.entry("appCustomProductPageLocalizations_createInstance", (body, fixtures) -> {
        attributes(body).put("locale", "en-US");
        link(body, "appCustomProductPageVersion", fixtures.fresh("appCustomProductPageVersions", Map.of()));
      }),
      Map.entry("appCustomProductPageVersions_createInstance", (body, fixtures) ->
          link(body, "appCustomProductPage", fixtures.fresh("appCustomProductPages", Map.of()))),
      Map.entry("appEventLocalizations_createInstance", (body, fixtures) -> {
        attributes(body).put("locale", "en-US");
        link(body, "appEvent", fixtures.fresh("appEvents", Map.of()));
      }),
      Map.entry("appEvents_createInstance", (body, fixtures) -> eventAttributes(body)),
      Map.entry("appEvents_updateInstance", (body, fixtures) -> eventAttributes(body)),
      Map.entry("appStoreVersionExperimentTreatmentLocalizations_createInstance", (body, fixtures) -> {
        attributes(body).put("locale", "en-US");
        link(body, "appStoreVersionExperimentTreatment", fixtures.fresh("appStoreVersionExperimentTreatments",
            Map.of()));
      }),
      // started is a request that needs an approved experiment; ExperimentRules' tests run it.
      Map.entry("appStoreVersionExperimentsV2_updateInstance", (body, fixtures) -> attributes(body).remove("started")),
      Map.entry("appStoreVersionExperiments_updateInstance", (body, fixtures) -> attributes(body).remove("started")),
      Map.entry("territoryAvailabilities_updateInstance", (body, fixtures) ->
          attributes(body).put("preOrderEnabled", false)));

  private DomainPreparations() {}

  /** Changes the sample body of an operation that a domain rule would refuse as it is. */
  static void prepare(String operationId, JsonNode body, SweepFixtures fixtures) {
    BiConsumer<ObjectNode, SweepFixtures> preparation = BODIES.get(operationId);
    if (preparation != null && body instanceof ObjectNode document) {
      preparation.accept(document, fixtures);
    }
  }

  /** An App Store locale and one schedule that AppEventRules accepts. */
  private static void eventAttributes(ObjectNode body) {
    ObjectNode attributes = attributes(body);
    attributes.put("primaryLocale", "en-US");
    ObjectNode schedule = attributes.putArray("territorySchedules").addObject();
    schedule.putArray("territories").add("USA");
    schedule.put("publishStart", "2024-01-01T00:00:00.000Z").put("eventStart", "2024-01-02T00:00:00.000Z")
        .put("eventEnd", "2024-01-03T00:00:00.000Z");
  }

  private static ObjectNode attributes(ObjectNode body) {
    return body.withObject("data").withObject("attributes");
  }

  private static ObjectNode relationships(ObjectNode body) {
    return body.withObject("data").withObject("relationships");
  }

  private static void link(ObjectNode body, String relationship, String id) {
    JsonNode data = relationships(body).path(relationship).path("data");
    if (data instanceof ObjectNode identifier) {
      identifier.put("id", id);
    }
  }
}
