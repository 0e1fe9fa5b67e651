package io.pomona.jsonapi;

import io.pomona.catalog.Operation;
import io.pomona.catalog.OperationKind;
import io.pomona.catalog.RequestBody;
import io.pomona.catalog.RequestBody.RequestRelationship;
import io.pomona.catalog.Shape;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made catalog entries modelled on OpenAPI 4.4.1 request schemas (names, types and enums
 * only): BundleIdCreateRequest, BundleIdCapabilityCreateRequest (nested settings),
 * AppStoreVersionUpdateRequest, AppPriceScheduleCreateRequest (included resources), the beta
 * group testers (to-many) and build encryption declaration (to-one) linkage requests, plus one
 * synthetic operation that carries every format and bound the real schemas use.
 */
final class TestCatalog {
  private TestCatalog() {}

  static Shape string() {
    return Shape.of("string");
  }

  static Shape nullableString() {
    return new Shape(null, "string", null, null, true, null, null, null, null, null, null);
  }

  static Shape format(String type, String format) {
    return new Shape(null, type, format, null, false, null, null, null, null, null, null);
  }

  static Shape enumOf(String... values) {
    return new Shape(null, "string", null, List.of(values), false, null, null, null, null, null, null);
  }

  static Shape arrayOf(Shape items) {
    return new Shape(null, "array", null, null, false, null, null, items, null, null, null);
  }

  static Shape nullableArrayOf(Shape items) {
    return new Shape(null, "array", null, null, true, null, null, items, null, null, null);
  }

  static Shape object(Map<String, Shape> properties, List<String> required) {
    return new Shape(null, "object", null, null, false, properties, required, null, null, null, null);
  }

  static Shape bounded(String type, String format, long minimum, long maximum) {
    return new Shape(
        null, type, format, null, false, null, null, null, null, BigDecimal.valueOf(minimum), BigDecimal.valueOf(maximum));
  }

  /** Named shapes, as {@code Catalog.shapes} holds them. */
  static Map<String, Shape> shapes() {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    shapes.put("BundleIdPlatform", enumOf("IOS", "MAC_OS", "UNIVERSAL"));
    shapes.put("CapabilityType", enumOf("ICLOUD", "IN_APP_PURCHASE", "GAME_CENTER", "PUSH_NOTIFICATIONS", "DATA_PROTECTION"));
    Map<String, Shape> option = new LinkedHashMap<>();
    option.put("key", enumOf("XCODE_5", "XCODE_6", "COMPLETE_PROTECTION", "PROTECTED_UNLESS_OPEN"));
    option.put("name", string());
    option.put("enabledByDefault", Shape.of("boolean"));
    option.put("enabled", Shape.of("boolean"));
    option.put("supportsWildcard", Shape.of("boolean"));
    shapes.put("CapabilityOption", object(option, List.of()));
    Map<String, Shape> setting = new LinkedHashMap<>();
    setting.put("key", enumOf("ICLOUD_VERSION", "DATA_PROTECTION_PERMISSION_LEVEL", "APPLE_ID_AUTH_APP_CONSENT"));
    setting.put("name", string());
    setting.put("enabledByDefault", Shape.of("boolean"));
    setting.put("visible", Shape.of("boolean"));
    setting.put("allowedInstances", enumOf("ENTRY", "SINGLE", "MULTIPLE"));
    setting.put("minInstances", Shape.of("integer"));
    setting.put("options", arrayOf(Shape.reference("CapabilityOption")));
    // Synthetic: the real CapabilitySetting requires nothing; a required key exercises the check.
    shapes.put("CapabilitySetting", object(setting, List.of("key")));
    shapes.put(
        "StringToStringMap",
        new Shape(null, "object", null, null, false, null, null, null, string(), null, null));
    return shapes;
  }

  static final Operation BUNDLE_ID_CREATE;
  static final Operation CAPABILITY_CREATE;
  static final Operation VERSION_UPDATE;
  static final Operation PRICE_SCHEDULE_CREATE;
  static final Operation KITCHEN_SINK_CREATE;
  static final Operation BETA_TESTERS_ADD;
  static final Operation ENCRYPTION_DECLARATION_SET;

  static {
    Map<String, Shape> bundleId = new LinkedHashMap<>();
    bundleId.put("name", string());
    bundleId.put("platform", Shape.reference("BundleIdPlatform"));
    bundleId.put("identifier", string());
    bundleId.put("seedId", nullableString());
    BUNDLE_ID_CREATE =
        create(
            "bundleIds_createInstance", "/v1/bundleIds", "bundleIds",
            body("BundleIdCreateRequest", "bundleIds", bundleId, List.of("identifier", "name", "platform"), Map.of(), List.of(), List.of()));

    Map<String, Shape> capability = new LinkedHashMap<>();
    capability.put("capabilityType", Shape.reference("CapabilityType"));
    capability.put("settings", nullableArrayOf(Shape.reference("CapabilitySetting")));
    CAPABILITY_CREATE =
        create(
            "bundleIdCapabilities_createInstance", "/v1/bundleIdCapabilities", "bundleIdCapabilities",
            body(
                "BundleIdCapabilityCreateRequest", "bundleIdCapabilities", capability, List.of("capabilityType"),
                Map.of("bundleId", new RequestRelationship("bundleIds", false)), List.of("bundleId"), List.of()));

    Map<String, Shape> version = new LinkedHashMap<>();
    version.put("versionString", nullableString());
    version.put("copyright", nullableString());
    version.put("reviewType", enumOf("APP_STORE", "NOTARIZATION"));
    version.put("releaseType", enumOf("MANUAL", "AFTER_APPROVAL", "SCHEDULED"));
    version.put("earliestReleaseDate", format("string", "date-time"));
    version.put("usesIdfa", Shape.of("boolean"));
    version.put("downloadable", Shape.of("boolean"));
    Map<String, RequestRelationship> versionRelationships = new LinkedHashMap<>();
    versionRelationships.put("build", new RequestRelationship("builds", false));
    versionRelationships.put("appClipDefaultExperience", new RequestRelationship("appClipDefaultExperiences", false));
    VERSION_UPDATE =
        new Operation(
            "appStoreVersions_updateInstance", "PATCH", "/v1/appStoreVersions/{id}", OperationKind.UPDATE_INSTANCE,
            "appStoreVersions", null, "AppStoreVersion", false, Map.of(),
            new RequestBody(
                "AppStoreVersionUpdateRequest", "appStoreVersions", false, false, true, version, List.of(),
                versionRelationships, List.of(), List.of(), true),
            200, "application/json", "AppStoreVersionResponse");

    Map<String, RequestRelationship> schedule = new LinkedHashMap<>();
    schedule.put("app", new RequestRelationship("apps", false));
    schedule.put("baseTerritory", new RequestRelationship("territories", false));
    schedule.put("manualPrices", new RequestRelationship("appPrices", true));
    PRICE_SCHEDULE_CREATE =
        create(
            "appPriceSchedules_createInstance", "/v1/appPriceSchedules", "appPriceSchedules",
            body(
                "AppPriceScheduleCreateRequest", "appPriceSchedules", Map.of(), List.of(), schedule,
                List.of("app", "manualPrices", "baseTerritory"), List.of("appPrices", "territories")));

    Map<String, Shape> sink = new LinkedHashMap<>();
    sink.put("releaseDate", format("string", "date"));
    sink.put("startsAt", format("string", "date-time"));
    sink.put("supportUrl", format("string", "uri"));
    sink.put("contactEmail", format("string", "email"));
    sink.put("score", format("string", "number"));
    sink.put("recurrenceDuration", format("string", "duration"));
    sink.put("fileSize", bounded("integer", "int64", 1, 9007199254740991L));
    sink.put("count", Shape.of("integer"));
    sink.put("ratio", Shape.of("number"));
    sink.put("properties", Shape.reference("StringToStringMap"));
    sink.put("anything", Shape.of("any"));
    sink.put("tags", arrayOf(string()));
    Map<String, Shape> territorySchedule = new LinkedHashMap<>();
    territorySchedule.put("publishStart", format("string", "date-time"));
    territorySchedule.put("eventEnd", new Shape(null, "string", "date-time", null, true, null, null, null, null, null, null));
    sink.put("schedules", arrayOf(object(territorySchedule, List.of())));
    KITCHEN_SINK_CREATE =
        create(
            "kitchenSinks_createInstance", "/v1/kitchenSinks", "kitchenSinks",
            body("KitchenSinkCreateRequest", "kitchenSinks", sink, List.of(), Map.of(), List.of(), List.of()));

    BETA_TESTERS_ADD =
        new Operation(
            "betaGroups_betaTesters_createToManyRelationship", "POST", "/v1/betaGroups/{id}/relationships/betaTesters",
            OperationKind.CREATE_TO_MANY_RELATIONSHIP, "betaGroups", "betaTesters", null, false, Map.of(),
            linkage("BetaGroupBetaTestersLinkagesRequest", "betaTesters", true), 204, null, null);
    ENCRYPTION_DECLARATION_SET =
        new Operation(
            "builds_appEncryptionDeclaration_updateToOneRelationship", "PATCH",
            "/v1/builds/{id}/relationships/appEncryptionDeclaration", OperationKind.UPDATE_TO_ONE_RELATIONSHIP,
            "builds", "appEncryptionDeclaration", null, false, Map.of(),
            linkage("BuildAppEncryptionDeclarationLinkageRequest", "appEncryptionDeclarations", false), 204, null, null);
  }

  /** The create schema an included {@code appPrices} resource is checked against. */
  static Map<String, RequestBody> includedSchemas() {
    Map<String, Shape> price = new LinkedHashMap<>();
    price.put("startDate", format("string", "date"));
    price.put("endDate", format("string", "date"));
    return Map.of(
        "appPrices",
        body(
            "AppPriceV2InlineCreate", "appPrices", price, List.of(),
            Map.of("appPricePoint", new RequestRelationship("appPricePoints", false)), List.of(), List.of()));
  }

  static List<Operation> resourceOperations() {
    return List.of(BUNDLE_ID_CREATE, CAPABILITY_CREATE, VERSION_UPDATE, PRICE_SCHEDULE_CREATE, KITCHEN_SINK_CREATE);
  }

  private static RequestBody body(
      String schema,
      String type,
      Map<String, Shape> attributes,
      List<String> requiredAttributes,
      Map<String, RequestRelationship> relationships,
      List<String> requiredRelationships,
      List<String> includedTypes) {
    return new RequestBody(
        schema, type, false, false, false, attributes, requiredAttributes, relationships, requiredRelationships,
        includedTypes, true);
  }

  private static RequestBody linkage(String schema, String type, boolean toMany) {
    return new RequestBody(schema, type, true, toMany, false, null, null, null, null, null, true);
  }

  private static Operation create(String id, String path, String type, RequestBody body) {
    return new Operation(
        id, "POST", path, OperationKind.CREATE_INSTANCE, type, null, type, false, Map.of(), body, 201,
        "application/json", null);
  }
}
