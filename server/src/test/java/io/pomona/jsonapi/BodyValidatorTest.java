package io.pomona.jsonapi;

import static io.pomona.jsonapi.Documents.identifier;
import static io.pomona.jsonapi.Documents.resource;
import static io.pomona.jsonapi.TestCatalog.BETA_TESTERS_ADD;
import static io.pomona.jsonapi.TestCatalog.BUNDLE_ID_CREATE;
import static io.pomona.jsonapi.TestCatalog.CAPABILITY_CREATE;
import static io.pomona.jsonapi.TestCatalog.ENCRYPTION_DECLARATION_SET;
import static io.pomona.jsonapi.TestCatalog.KITCHEN_SINK_CREATE;
import static io.pomona.jsonapi.TestCatalog.PRICE_SCHEDULE_CREATE;
import static io.pomona.jsonapi.TestCatalog.VERSION_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.catalog.Operation;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BodyValidatorTest {
  private final BodyValidator validator = new BodyValidator(TestCatalog.shapes(), TestCatalog.includedSchemas());

  private static Documents.ResourceBuilder validBundleId() {
    return resource("bundleIds").attribute("name", "Pomona").attribute("platform", "IOS").attribute("identifier", "com.example.pomona");
  }

  private static Documents.ResourceBuilder validCapability() {
    return resource("bundleIdCapabilities").attribute("capabilityType", "ICLOUD").toOne("bundleId", "bundleIds", "B1");
  }

  private static Documents.ResourceBuilder validPriceSchedule() {
    return resource("appPriceSchedules")
        .toOne("app", "apps", "A1")
        .toOne("baseTerritory", "territories", "USA")
        .toMany("manualPrices", identifier("appPrices", "${price1}"));
  }

  private static Documents.ResourceBuilder sink() {
    return resource("kitchenSinks");
  }

  private ApiException rejection(Operation operation, JsonNode body) {
    return rejection(operation, Optional.empty(), body);
  }

  private ApiException rejection(Operation operation, Optional<String> pathId, JsonNode body) {
    return catchThrowableOfType(ApiException.class, () -> validator.validateResource(operation, pathId, body));
  }

  private static ApiError only(ApiException rejection) {
    assertThat(rejection).as("expected a rejection").isNotNull();
    assertThat(rejection.errors()).hasSize(1);
    return rejection.errors().get(0);
  }

  private static String pointer(ApiError error) {
    return error.source().orElseThrow().pointer().orElseThrow();
  }

  private static void assertError(ApiError error, int status, String code, String pointer) {
    assertThat(error.status()).as("status").isEqualTo(status);
    assertThat(error.code()).as("code").isEqualTo(code);
    assertThat(pointer(error)).as("pointer").isEqualTo(pointer);
  }

  @Test
  void validCreateBecomesAWriteRequestOfTheValuesSent() {
    WriteRequest request =
        validator.validateResource(BUNDLE_ID_CREATE, Optional.empty(), validBundleId().attribute("seedId", null).document());

    assertThat(request.type()).isEqualTo("bundleIds");
    assertThat(request.id()).isEmpty();
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "Pomona");
    expected.put("platform", "IOS");
    expected.put("identifier", "com.example.pomona");
    expected.put("seedId", null);
    assertThat(request.attributes()).containsExactlyEntriesOf(expected);
    assertThat(request.relationships()).isEmpty();
    assertThat(request.included()).isEmpty();
  }

  @Nested
  class NotAJsonApiDocument {
    static Stream<Arguments> documents() {
      ObjectNode noData = Documents.object();
      noData.set("meta", Documents.object());
      ObjectNode dataArray = Documents.object();
      dataArray.set("data", Documents.array().add(validBundleId().node()));
      ObjectNode dataString = Documents.object();
      dataString.put("data", "bundleIds");
      ObjectNode unknownTopLevel = validBundleId().document();
      unknownTopLevel.put("foo", 1);
      ObjectNode includedObject = validPriceSchedule().document();
      includedObject.set("included", Documents.object());
      return Stream.of(
          Arguments.of("no data", noData, "/data"),
          Arguments.of("data is an array", dataArray, "/data"),
          Arguments.of("data is a string", dataString, "/data"),
          Arguments.of("misspelled attributes", resource("bundleIds").member("atributes", Map.of("name", "x")).document(), "/data/atributes"),
          Arguments.of("unknown top-level member", unknownTopLevel, "/foo"),
          Arguments.of("attributes is an array", resource("bundleIds").member("attributes", List.of("x")).document(), "/data/attributes"),
          Arguments.of("relationships is a string", resource("bundleIds").member("relationships", "app").document(), "/data/relationships"),
          Arguments.of("included is an object", includedObject, "/included"),
          Arguments.of("body is an array", Documents.array(), ""));
    }

    @ParameterizedTest(name = "{0} → 422 at {2}")
    @MethodSource("documents")
    void getsEntityUnprocessableWithPointer(String name, JsonNode body, String pointer) {
      assertError(only(rejection(BUNDLE_ID_CREATE, body)), 422, "ENTITY_UNPROCESSABLE", pointer);
    }

    @Test
    void misspelledMemberSuggestsTheRightOne() {
      ApiError error = only(rejection(BUNDLE_ID_CREATE, resource("bundleIds").member("atributes", Map.of()).document()));
      assertThat(error.detail()).hasValue("'atributes' is not a member of a resource object; did you mean 'attributes'?");
    }

    @Test
    void structureProblemsStopValidationSoNo409sAreMixedIn() {
      ObjectNode body = resource("apps").id("oops").member("atributes", Map.of()).document();
      body.put("extra", true);

      ApiException rejection = rejection(BUNDLE_ID_CREATE, body);

      assertThat(rejection.status()).isEqualTo(422);
      assertThat(rejection.errors()).extracting(BodyValidatorTest::pointer).containsExactly("/extra", "/data/atributes");
      assertThat(rejection.errors()).extracting(ApiError::status).containsOnly(422);
    }
  }

  @Nested
  class TypeAndId {
    @Test
    void missingTypeGets409TypeRequired() {
      ObjectNode body = validBundleId().document();
      ((ObjectNode) body.get("data")).remove("type");
      assertError(only(rejection(BUNDLE_ID_CREATE, body)), 409, "ENTITY_ERROR.TYPE.REQUIRED", "/data/type");
    }

    @Test
    void wrongTypeGets409TypeInvalidNamingTheExpectedType() {
      ObjectNode body = validBundleId().document();
      ((ObjectNode) body.get("data")).put("type", "apps");
      ApiError error = only(rejection(BUNDLE_ID_CREATE, body));
      assertError(error, 409, "ENTITY_ERROR.TYPE.INVALID", "/data/type");
      assertThat(error.detail()).hasValue("'apps' is not the type of this request; expected 'bundleIds'.");
    }

    @Test
    void numericTypeGets409TypeInvalid() {
      ObjectNode body = validBundleId().document();
      ((ObjectNode) body.get("data")).put("type", 7);
      assertError(only(rejection(BUNDLE_ID_CREATE, body)), 409, "ENTITY_ERROR.TYPE.INVALID", "/data/type");
    }

    @Test
    void idOnCreateGets409UnexpectedId() {
      ApiError error = only(rejection(BUNDLE_ID_CREATE, validBundleId().id("B1").document()));
      assertError(error, 409, "ENTITY_ERROR.UNEXPECTED_ID", "/data/id");
    }

    @Test
    void nullIdOnCreateCountsAsNotSent() {
      ObjectNode body = validBundleId().document();
      ((ObjectNode) body.get("data")).putNull("id");
      assertThat(validator.validateResource(BUNDLE_ID_CREATE, Optional.empty(), body).id()).isEmpty();
    }

    @Test
    void updateWithoutIdGets409IdRequired() {
      ApiError error = only(rejection(VERSION_UPDATE, Optional.of("V1"), resource("appStoreVersions").document()));
      assertError(error, 409, "ENTITY_ERROR.ID.REQUIRED", "/data/id");
    }

    @Test
    void updateWithAnotherResourcesIdGets409IdInvalid() {
      ApiError error = only(rejection(VERSION_UPDATE, Optional.of("V1"), resource("appStoreVersions").id("V2").document()));
      assertError(error, 409, "ENTITY_ERROR.ID.INVALID", "/data/id");
      assertThat(error.detail()).hasValue("The id 'V2' does not match the id 'V1' in the URL.");
    }

    @Test
    void updateWithNumericIdGets409IdInvalid() {
      ApiError error = only(rejection(VERSION_UPDATE, Optional.of("1"), resource("appStoreVersions").member("id", 1).document()));
      assertError(error, 409, "ENTITY_ERROR.ID.INVALID", "/data/id");
    }

    @Test
    void updateKeepsOnlyTheMembersSent() {
      WriteRequest request =
          validator.validateResource(
              VERSION_UPDATE, Optional.of("V1"),
              resource("appStoreVersions").id("V1").attribute("copyright", null).attribute("releaseType", "MANUAL").document());
      assertThat(request.id()).hasValue("V1");
      assertThat(request.attributes()).containsOnlyKeys("copyright", "releaseType");
      assertThat(request.attributes().get("copyright")).isNull();
    }
  }

  @Nested
  class Attributes {
    @Test
    void unknownAttributeGets409WithApplesTexts() {
      ApiError error = only(rejection(BUNDLE_ID_CREATE, validBundleId().attribute("bundleName", "x").document()));
      assertError(error, 409, "ENTITY_ERROR.ATTRIBUTE.UNKNOWN", "/data/attributes/bundleName");
      assertThat(error.title()).isEqualTo("The provided entity includes an unknown attribute");
      assertThat(error.detail()).hasValue("'bundleName' is not an attribute on the resource 'bundleIds'");
    }

    @Test
    void attributeOfTheResourceButNotOfThisOperationIsUnknown() {
      // appStoreVersions has appStoreState, but the update request does not take it.
      ApiError error =
          only(rejection(VERSION_UPDATE, Optional.of("V1"), resource("appStoreVersions").id("V1").attribute("appStoreState", "READY_FOR_SALE").document()));
      assertError(error, 409, "ENTITY_ERROR.ATTRIBUTE.UNKNOWN", "/data/attributes/appStoreState");
    }

    @Test
    void missingRequiredAttributeGets409WithApplesTexts() {
      ApiError error =
          only(rejection(BUNDLE_ID_CREATE, resource("bundleIds").attribute("name", "x").attribute("platform", "IOS").document()));
      assertError(error, 409, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", "/data/attributes/identifier");
      assertThat(error.title()).isEqualTo("The provided entity is missing a required attribute");
      assertThat(error.detail()).hasValue("You must provide a value for the attribute 'identifier' with this request");
    }

    @Test
    void requiredAttributeSentAsNullGetsRequired() {
      ApiError error = only(rejection(BUNDLE_ID_CREATE, validBundleId().attribute("name", null).document()));
      assertError(error, 409, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", "/data/attributes/name");
    }

    @Test
    void requiredAttributesWithoutAnAttributesMemberAreAllReported() {
      ApiException rejection = rejection(BUNDLE_ID_CREATE, resource("bundleIds").document());
      assertThat(rejection.errors())
          .extracting(BodyValidatorTest::pointer)
          .containsExactly("/data/attributes/identifier", "/data/attributes/name", "/data/attributes/platform");
    }

    @Test
    void optionalAttributeSentAsNullIsKeptAsAnExplicitClear() {
      WriteRequest request =
          validator.validateResource(
              VERSION_UPDATE, Optional.of("V1"), resource("appStoreVersions").id("V1").attribute("earliestReleaseDate", null).document());
      assertThat(request.attributes()).containsKey("earliestReleaseDate");
      assertThat(request.attributes().get("earliestReleaseDate")).isNull();
    }

    static Stream<Arguments> invalidValues() {
      return Stream.of(
          Arguments.of("number for a string", BUNDLE_ID_CREATE, validBundleId().attribute("name", 5), "/data/attributes/name", "'name' must be a string."),
          Arguments.of("value outside the enum", BUNDLE_ID_CREATE, validBundleId().attribute("platform", "ANDROID"), "/data/attributes/platform",
              "'ANDROID' is not a valid value for 'platform'; expected one of IOS, MAC_OS, UNIVERSAL."),
          Arguments.of("lower-case enum", BUNDLE_ID_CREATE, validBundleId().attribute("platform", "ios"), "/data/attributes/platform", null),
          Arguments.of("string for a boolean", VERSION_UPDATE, resource("appStoreVersions").id("V1").attribute("downloadable", "true"), "/data/attributes/downloadable",
              "'downloadable' must be a boolean."),
          Arguments.of("date-time without offset", VERSION_UPDATE, resource("appStoreVersions").id("V1").attribute("earliestReleaseDate", "2024-05-01T10:00:00"),
              "/data/attributes/earliestReleaseDate", null),
          Arguments.of("date with time", KITCHEN_SINK_CREATE, sink().attribute("releaseDate", "2024-05-01T00:00:00Z"), "/data/attributes/releaseDate", null),
          Arguments.of("impossible date", KITCHEN_SINK_CREATE, sink().attribute("releaseDate", "2023-02-30"), "/data/attributes/releaseDate",
              "'2023-02-30' is not valid for 'releaseDate'; expected a date (YYYY-MM-DD)."),
          Arguments.of("relative uri", KITCHEN_SINK_CREATE, sink().attribute("supportUrl", "/support"), "/data/attributes/supportUrl", null),
          Arguments.of("http uri without host", KITCHEN_SINK_CREATE, sink().attribute("supportUrl", "https:///x"), "/data/attributes/supportUrl", null),
          Arguments.of("email without domain", KITCHEN_SINK_CREATE, sink().attribute("contactEmail", "someone@"), "/data/attributes/contactEmail", null),
          Arguments.of("number string with letters", KITCHEN_SINK_CREATE, sink().attribute("score", "12a"), "/data/attributes/score", null),
          Arguments.of("duration without P", KITCHEN_SINK_CREATE, sink().attribute("recurrenceDuration", "1D"), "/data/attributes/recurrenceDuration", null),
          Arguments.of("integer below minimum", KITCHEN_SINK_CREATE, sink().attribute("fileSize", 0), "/data/attributes/fileSize", "'fileSize' must be at least 1."),
          Arguments.of("integer above maximum", KITCHEN_SINK_CREATE, sink().attribute("fileSize", 9007199254740992L), "/data/attributes/fileSize",
              "'fileSize' must be at most 9007199254740991."),
          Arguments.of("fraction for an integer", KITCHEN_SINK_CREATE, sink().attribute("count", new BigDecimal("2.5")), "/data/attributes/count", "'count' must be an integer."),
          Arguments.of("integer beyond long", KITCHEN_SINK_CREATE, sink().attribute("count", new java.math.BigInteger("92233720368547758070")), "/data/attributes/count", null),
          Arguments.of("string for a number", KITCHEN_SINK_CREATE, sink().attribute("ratio", "0.5"), "/data/attributes/ratio", "'ratio' must be a number."),
          Arguments.of("number in a string map", KITCHEN_SINK_CREATE, sink().attribute("properties", Map.of("level", 3)), "/data/attributes/properties/level", null),
          Arguments.of("object for an array", KITCHEN_SINK_CREATE, sink().attribute("tags", Map.of()), "/data/attributes/tags", "'tags' must be an array."),
          Arguments.of("null array item", KITCHEN_SINK_CREATE, sink().attribute("tags", java.util.Arrays.asList("a", null)), "/data/attributes/tags/1", "'tags[1]' cannot be null."),
          Arguments.of("null for a nested member that is not nullable", KITCHEN_SINK_CREATE,
              sink().attribute("schedules", List.of(java.util.Collections.singletonMap("publishStart", null))),
              "/data/attributes/schedules/0/publishStart", "'schedules[0].publishStart' cannot be null."),
          Arguments.of("unknown nested member", CAPABILITY_CREATE, validCapability().attribute("settings", List.of(Map.of("key", "ICLOUD_VERSION", "colour", "red"))),
              "/data/attributes/settings/0/colour", "'colour' is not a member of 'settings[0]'."),
          Arguments.of("missing required nested member", CAPABILITY_CREATE, validCapability().attribute("settings", List.of(Map.of("name", "x"))),
              "/data/attributes/settings/0/key", "You must provide a value for 'settings[0].key'."),
          Arguments.of("string for a nested object", CAPABILITY_CREATE, validCapability().attribute("settings", List.of("ICLOUD_VERSION")),
              "/data/attributes/settings/0", "'settings[0]' must be an object."));
    }

    @ParameterizedTest(name = "{0} → ATTRIBUTE.INVALID at {3}")
    @MethodSource("invalidValues")
    void invalidValueGets409AttributeInvalidAtTheExactMember(
        String name, Operation operation, Documents.ResourceBuilder resource, String pointer, String detail) {
      ApiError error = only(rejection(operation, Optional.of("V1"), resource.document()));
      assertError(error, 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", pointer);
      assertThat(error.title()).isEqualTo("An attribute in the provided entity has invalid value");
      if (detail != null) {
        assertThat(error.detail()).hasValue(detail);
      }
    }

    @Test
    void deeplyNestedProblemPointsAtTheNestedMember() {
      var settings =
          List.of(
              Map.of(
                  "key", "DATA_PROTECTION_PERMISSION_LEVEL",
                  "options", List.of(Map.of("key", "COMPLETE_PROTECTION", "enabled", true), Map.of("key", "FULL_PROTECTION"))));
      ApiError error = only(rejection(CAPABILITY_CREATE, validCapability().attribute("settings", settings).document()));
      assertError(error, 409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/settings/0/options/1/key");
      assertThat(error.detail())
          .hasValue(
              "'FULL_PROTECTION' is not a valid value for 'settings[0].options[1].key'; expected one of XCODE_5, XCODE_6,"
                  + " COMPLETE_PROTECTION, PROTECTED_UNLESS_OPEN.");
    }

    @Test
    void nestedValuesBecomeListsAndOrderedMaps() {
      var option = new LinkedHashMap<String, Object>();
      option.put("key", "COMPLETE_PROTECTION");
      option.put("enabled", true);
      var setting = new LinkedHashMap<String, Object>();
      setting.put("key", "DATA_PROTECTION_PERMISSION_LEVEL");
      setting.put("minInstances", 1);
      setting.put("options", List.of(option));

      WriteRequest request =
          validator.validateResource(CAPABILITY_CREATE, Optional.empty(), validCapability().attribute("settings", List.of(setting)).document());

      var expectedSetting = new LinkedHashMap<String, Object>(setting);
      expectedSetting.put("minInstances", 1L);
      assertThat(request.attributes().get("settings")).isEqualTo(List.of(expectedSetting));
      Map<?, ?> firstSetting = (Map<?, ?>) ((List<?>) request.attributes().get("settings")).get(0);
      assertThat(List.copyOf(firstSetting.keySet())).isEqualTo(List.of("key", "minInstances", "options"));
    }

    static Stream<Arguments> validFormats() {
      return Stream.of(
          Arguments.of("releaseDate", "2024-02-29"),
          Arguments.of("startsAt", "2024-05-01T10:00:00Z"),
          Arguments.of("startsAt", "2024-05-01T10:00:00.123-07:00"),
          Arguments.of("startsAt", "2024-05-01T10:00+02:00"),
          Arguments.of("supportUrl", "https://example.com/support?x=1"),
          Arguments.of("supportUrl", "myapp://open/path"),
          Arguments.of("contactEmail", "dev@example.co.uk"),
          Arguments.of("score", "-12.50"),
          Arguments.of("recurrenceDuration", "P1D"),
          Arguments.of("recurrenceDuration", "PT30M"),
          Arguments.of("recurrenceDuration", "P1Y2M3W4DT5H6M7.5S"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("validFormats")
    void wellFormedValuesAreAccepted(String attribute, String value) {
      WriteRequest request = validator.validateResource(KITCHEN_SINK_CREATE, Optional.empty(), sink().attribute(attribute, value).document());
      assertThat(request.attributes()).containsEntry(attribute, value);
    }

    @Test
    void nullForANullableNestedMemberIsKept() {
      WriteRequest request =
          validator.validateResource(
              KITCHEN_SINK_CREATE, Optional.empty(), sink().attribute("schedules", List.of(java.util.Collections.singletonMap("eventEnd", null))).document());
      assertThat(request.attributes().get("schedules")).isEqualTo(List.of(java.util.Collections.singletonMap("eventEnd", null)));
    }

    @Test
    void numbersKeepTheirExactValue() {
      WriteRequest request =
          validator.validateResource(
              KITCHEN_SINK_CREATE, Optional.empty(),
              sink()
                  .attribute("count", new BigDecimal("2.0"))
                  .attribute("fileSize", 9007199254740991L)
                  .attribute("ratio", new BigDecimal("0.10"))
                  .attribute("anything", Map.of("n", new java.math.BigInteger("123456789012345678901234567890")))
                  .document());
      assertThat(request.attributes().get("count")).isEqualTo(2L);
      assertThat(request.attributes().get("fileSize")).isEqualTo(9007199254740991L);
      assertThat(request.attributes().get("ratio")).isEqualTo(new BigDecimal("0.10"));
      assertThat(request.attributes().get("anything")).isEqualTo(Map.of("n", new BigDecimal("123456789012345678901234567890")));
    }

    @Test
    void integerSentToANumberAttributeStaysALong() {
      WriteRequest request = validator.validateResource(KITCHEN_SINK_CREATE, Optional.empty(), sink().attribute("ratio", 3).document());
      assertThat(request.attributes().get("ratio")).isEqualTo(3L);
    }

    @Test
    void pointerEscapesSlashAndTildeInNames() {
      ApiError error = only(rejection(BUNDLE_ID_CREATE, validBundleId().attribute("a/b~c", 1).document()));
      assertThat(pointer(error)).isEqualTo("/data/attributes/a~1b~0c");
    }
  }

  @Nested
  class Relationships {
    @Test
    void validRelationshipsBecomeIdentifiers() {
      WriteRequest request = validator.validateResource(CAPABILITY_CREATE, Optional.empty(), validCapability().document());
      assertThat(request.relationships()).containsExactly(Map.entry("bundleId", Optional.of(List.of(new Identifier("bundleIds", "B1")))));
    }

    @Test
    void unknownRelationshipGets409RelationshipUnknown() {
      ApiError error = only(rejection(CAPABILITY_CREATE, validCapability().toOne("app", "apps", "A1").document()));
      assertError(error, 409, "ENTITY_ERROR.RELATIONSHIP.UNKNOWN", "/data/relationships/app");
      assertThat(error.detail()).hasValue("'app' is not a relationship on the resource 'bundleIdCapabilities'");
    }

    @Test
    void missingRequiredRelationshipGets409RelationshipRequired() {
      ApiError error = only(rejection(CAPABILITY_CREATE, resource("bundleIdCapabilities").attribute("capabilityType", "ICLOUD").document()));
      assertError(error, 409, "ENTITY_ERROR.RELATIONSHIP.REQUIRED", "/data/relationships/bundleId");
      assertThat(error.detail()).hasValue("You must provide a value for the relationship 'bundleId'");
    }

    @Test
    void requiredToOneSentAsNullGetsRelationshipRequired() {
      ObjectNode body = validCapability().relationship("bundleId", Documents.value(null)).document();
      assertError(only(rejection(CAPABILITY_CREATE, body)), 409, "ENTITY_ERROR.RELATIONSHIP.REQUIRED", "/data/relationships/bundleId");
    }

    @Test
    void optionalToOneSentAsNullIsAnExplicitClear() {
      WriteRequest request =
          validator.validateResource(
              VERSION_UPDATE, Optional.of("V1"), resource("appStoreVersions").id("V1").relationship("build", Documents.value(null)).document());
      assertThat(request.relationships()).containsExactly(Map.entry("build", Optional.empty()));
    }

    static Stream<Arguments> invalidRelationships() {
      ObjectNode noData = validCapability().document();
      ((ObjectNode) noData.at("/data/relationships/bundleId")).remove("data");
      ObjectNode notAnObject = validCapability().document();
      ((ObjectNode) notAnObject.at("/data/relationships")).put("bundleId", "B1");
      ObjectNode numericId = validCapability().relationship("bundleId", Documents.value(Map.of("type", "bundleIds", "id", 1))).document();
      ObjectNode extraMember = validCapability().relationship("bundleId", Documents.value(Map.of("type", "bundleIds", "id", "B1", "name", "x"))).document();
      return Stream.of(
          Arguments.of("relationship without data", CAPABILITY_CREATE, noData, "/data/relationships/bundleId",
              "The relationship 'bundleId' must have a 'data' member."),
          Arguments.of("relationship is a string", CAPABILITY_CREATE, notAnObject, "/data/relationships/bundleId", null),
          Arguments.of("array for a to-one", CAPABILITY_CREATE, validCapability().toMany("bundleId", identifier("bundleIds", "B1")).document(),
              "/data/relationships/bundleId/data", null),
          Arguments.of("wrong identifier type", CAPABILITY_CREATE, validCapability().toOne("bundleId", "apps", "A1").document(),
              "/data/relationships/bundleId/data/type", "'apps' is not a valid type for the relationship 'bundleId'; expected 'bundleIds'."),
          Arguments.of("numeric id", CAPABILITY_CREATE, numericId, "/data/relationships/bundleId/data/id", null),
          Arguments.of("member beside type and id", CAPABILITY_CREATE, extraMember, "/data/relationships/bundleId/data/name", null),
          Arguments.of("object for a to-many", PRICE_SCHEDULE_CREATE, validPriceSchedule().toOne("manualPrices", "appPrices", "${p}").document(),
              "/data/relationships/manualPrices/data", null),
          Arguments.of("wrong type in a to-many", PRICE_SCHEDULE_CREATE,
              validPriceSchedule().toMany("manualPrices", identifier("appPrices", "${p1}"), identifier("territories", "USA")).document(),
              "/data/relationships/manualPrices/data/1/type", null));
    }

    @ParameterizedTest(name = "{0} → RELATIONSHIP.INVALID at {3}")
    @MethodSource("invalidRelationships")
    void invalidLinkageGets409RelationshipInvalid(String name, Operation operation, ObjectNode body, String pointer, String detail) {
      ApiError error = only(rejection(operation, body));
      assertError(error, 409, "ENTITY_ERROR.RELATIONSHIP.INVALID", pointer);
      assertThat(error.title()).isEqualTo("The provided entity includes a relationship with an invalid value");
      if (detail != null) {
        assertThat(error.detail()).hasValue(detail);
      }
    }
  }

  @Test
  void severalProblemsComeBackTogetherInDocumentOrder() {
    ObjectNode body =
        resource("bundleIdCapabilities")
            .attribute("capabilityType", "TELEPORTATION")
            .attribute("colour", "red")
            .toOne("bundleId", "apps", "A1")
            .toOne("app", "apps", "A1")
            .document();

    ApiException rejection = rejection(CAPABILITY_CREATE, body);

    assertThat(rejection.status()).isEqualTo(409);
    assertThat(rejection.errors())
        .extracting(ApiError::code, BodyValidatorTest::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ENTITY_ERROR.ATTRIBUTE.INVALID", "/data/attributes/capabilityType"),
            org.assertj.core.groups.Tuple.tuple("ENTITY_ERROR.ATTRIBUTE.UNKNOWN", "/data/attributes/colour"),
            org.assertj.core.groups.Tuple.tuple("ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/relationships/bundleId/data/type"),
            org.assertj.core.groups.Tuple.tuple("ENTITY_ERROR.RELATIONSHIP.UNKNOWN", "/data/relationships/app"));
    assertThat(rejection.errors()).extracting(ApiError::status).containsOnly(409);
  }

  @Nested
  class Included {
    private Documents.ResourceBuilder price(String id) {
      return resource("appPrices").id(id).attribute("startDate", null).toOne("appPricePoint", "appPricePoints", "PP1");
    }

    @Test
    void includedPricesWithTemporaryIdsBecomeIncludedResources() {
      ObjectNode body =
          validPriceSchedule()
              .include(price("${price1}"))
              .include(resource("territories").id("USA"))
              .document();

      WriteRequest request = validator.validateResource(PRICE_SCHEDULE_CREATE, Optional.empty(), body);

      assertThat(request.relationships().get("manualPrices")).hasValue(List.of(new Identifier("appPrices", "${price1}")));
      Map<String, Object> nullStart = new LinkedHashMap<>();
      nullStart.put("startDate", null);
      assertThat(request.included())
          .containsExactly(
              new IncludedResource("appPrices", "${price1}", nullStart,
                  Map.of("appPricePoint", Optional.of(List.of(new Identifier("appPricePoints", "PP1"))))),
              new IncludedResource("territories", "USA", Map.of(), Map.of()));
    }

    @Test
    void includedTypeTheRequestDoesNotTakeGets409() {
      ObjectNode body = validPriceSchedule().include(price("${p}")).include(resource("apps").id("A1")).document();
      ApiError error = only(rejection(PRICE_SCHEDULE_CREATE, body));
      assertError(error, 409, "ENTITY_ERROR.INCLUDED.INVALID", "/included/1/type");
      assertThat(error.detail()).hasValue("'apps' cannot be included in this request; expected one of appPrices, territories.");
    }

    @Test
    void includedOnARequestWithoutIncludesGets409() {
      ObjectNode body = validBundleId().include(resource("apps").id("A1")).document();
      ApiError error = only(rejection(BUNDLE_ID_CREATE, body));
      assertError(error, 409, "ENTITY_ERROR.INCLUDED.INVALID", "/included/0/type");
    }

    @Test
    void includedAttributesAreCheckedAgainstTheIncludedTypesSchema() {
      ObjectNode body =
          validPriceSchedule()
              .include(price("${p1}").attribute("startDate", "tomorrow").attribute("customerPrice", "0.99"))
              .include(resource("appPrices").id("${p2}").toOne("appPricePoint", "territories", "USA"))
              .document();

      ApiException rejection = rejection(PRICE_SCHEDULE_CREATE, body);

      assertThat(rejection.errors())
          .extracting(ApiError::code, BodyValidatorTest::pointer)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("ENTITY_ERROR.ATTRIBUTE.INVALID", "/included/0/attributes/startDate"),
              org.assertj.core.groups.Tuple.tuple("ENTITY_ERROR.ATTRIBUTE.UNKNOWN", "/included/0/attributes/customerPrice"),
              org.assertj.core.groups.Tuple.tuple("ENTITY_ERROR.RELATIONSHIP.INVALID", "/included/1/relationships/appPricePoint/data/type"));
      assertThat(rejection.errors().get(1).detail()).hasValue("'customerPrice' is not an attribute on the resource 'appPrices'");
    }

    @Test
    void includedTypeWithoutASchemaTakesAnyAttributes() {
      ObjectNode body = validPriceSchedule().include(resource("territories").id("USA").attribute("currency", "USD")).document();
      WriteRequest request = validator.validateResource(PRICE_SCHEDULE_CREATE, Optional.empty(), body);
      assertThat(request.included().get(0).attributes()).containsExactly(Map.entry("currency", "USD"));
    }

    @Test
    void includedResourceWithoutIdGets409IdRequired() {
      ObjectNode body = validPriceSchedule().include(resource("appPrices")).document();
      assertError(only(rejection(PRICE_SCHEDULE_CREATE, body)), 409, "ENTITY_ERROR.ID.REQUIRED", "/included/0/id");
    }

    @Test
    void includingOneResourceTwiceGets409() {
      ObjectNode body = validPriceSchedule().include(price("${p1}")).include(price("${p1}")).document();
      ApiError error = only(rejection(PRICE_SCHEDULE_CREATE, body));
      assertError(error, 409, "ENTITY_ERROR.INCLUDED.INVALID", "/included/1/id");
    }

    @Test
    void misspelledMemberOfAnIncludedResourceGets422() {
      ObjectNode body = validPriceSchedule().include(price("${p1}").member("attributs", Map.of())).document();
      assertError(only(rejection(PRICE_SCHEDULE_CREATE, body)), 422, "ENTITY_UNPROCESSABLE", "/included/0/attributs");
    }
  }

  @Nested
  class Linkage {
    private List<Identifier> linkage(Operation operation, JsonNode body) {
      return validator.validateLinkage(operation, body);
    }

    private ApiException linkageRejection(Operation operation, JsonNode body) {
      return catchThrowableOfType(ApiException.class, () -> validator.validateLinkage(operation, body));
    }

    @Test
    void toManyLinkageBecomesIdentifiersInOrder() {
      JsonNode body = Documents.toManyLinkage(identifier("betaTesters", "T2"), identifier("betaTesters", "T1"));
      assertThat(linkage(BETA_TESTERS_ADD, body)).containsExactly(new Identifier("betaTesters", "T2"), new Identifier("betaTesters", "T1"));
    }

    @Test
    void toManyLinkageWithAnObjectGets422() {
      JsonNode body = Documents.toOneLinkage(identifier("betaTesters", "T1"));
      assertError(only(linkageRejection(BETA_TESTERS_ADD, body)), 422, "ENTITY_UNPROCESSABLE", "/data");
    }

    @Test
    void toManyLinkageWithAWrongTypeGets409AtTheItem() {
      JsonNode body = Documents.toManyLinkage(identifier("betaTesters", "T1"), identifier("users", "U1"));
      ApiError error = only(linkageRejection(BETA_TESTERS_ADD, body));
      assertError(error, 409, "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/1/type");
      assertThat(error.detail()).hasValue("'users' is not a valid type for the relationship 'betaTesters'; expected 'betaTesters'.");
    }

    @Test
    void toManyLinkageItemThatIsNotAnObjectGets409() {
      JsonNode body = Documents.toManyLinkage(Documents.value("T1"));
      assertError(only(linkageRejection(BETA_TESTERS_ADD, body)), 409, "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/0");
    }

    @Test
    void toOneLinkageBecomesOneIdentifier() {
      JsonNode body = Documents.toOneLinkage(identifier("appEncryptionDeclarations", "E1"));
      assertThat(linkage(ENCRYPTION_DECLARATION_SET, body)).containsExactly(new Identifier("appEncryptionDeclarations", "E1"));
    }

    @Test
    void toOneLinkageWithNullClearsTheRelationship() {
      assertThat(linkage(ENCRYPTION_DECLARATION_SET, Documents.toOneLinkage(null))).isEmpty();
    }

    @Test
    void toOneLinkageWithAnArrayGets422() {
      JsonNode body = Documents.toManyLinkage(identifier("appEncryptionDeclarations", "E1"));
      assertError(only(linkageRejection(ENCRYPTION_DECLARATION_SET, body)), 422, "ENTITY_UNPROCESSABLE", "/data");
    }

    @Test
    void toOneLinkageWithoutIdGets409AtTheId() {
      JsonNode body = Documents.toOneLinkage(Documents.value(Map.of("type", "appEncryptionDeclarations")));
      assertError(only(linkageRejection(ENCRYPTION_DECLARATION_SET, body)), 409, "ENTITY_ERROR.RELATIONSHIP.INVALID", "/data/id");
    }

    @Test
    void linkageDocumentWithoutDataGets422() {
      ObjectNode body = Documents.object();
      body.set("dta", Documents.array());
      ApiException rejection = linkageRejection(BETA_TESTERS_ADD, body);
      assertThat(rejection.errors()).extracting(BodyValidatorTest::pointer).containsExactly("/dta", "/data");
      assertThat(rejection.errors()).extracting(ApiError::status).containsOnly(422);
    }
  }

  @Nested
  class EngineMistakes {
    @Test
    void resourceValidationOfALinkageOperationIsAProgrammingError() {
      assertThatThrownBy(() -> validator.validateResource(BETA_TESTERS_ADD, Optional.empty(), validBundleId().document()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updateWithoutThePathIdIsAProgrammingError() {
      Supplier<WriteRequest> call =
          () -> validator.validateResource(VERSION_UPDATE, Optional.empty(), resource("appStoreVersions").id("V1").document());
      assertThatThrownBy(call::get).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linkageValidationOfACreateIsAProgrammingError() {
      assertThatThrownBy(() -> validator.validateLinkage(BUNDLE_ID_CREATE, Documents.toManyLinkage()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
