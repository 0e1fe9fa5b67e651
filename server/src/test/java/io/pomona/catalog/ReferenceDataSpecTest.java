package io.pomona.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks every fixture against the official OpenAPI document: each attribute value validates
 * against the type's attribute schema (enums such as {@code Platform} and
 * {@code CiTestDestinationKind} included), no attribute or nested member is undeclared, and each
 * relationship exists on the type and points where the document says. Skips, saying so, when the
 * document is absent.
 */
class ReferenceDataSpecTest {
  private static final String SPEC_FILE = "app-store-connect-openapi-4.4.1.json";
  // The document is registered under this made-up id, so its internal $refs resolve in memory.
  private static final String SPEC_ID = "https://pomona.invalid/openapi.json";
  private static final JsonMapper JSON3 = JsonMapper.builder().build();

  private static final ReferenceData DATA = ReferenceData.load(new ObjectMapper());
  private static JsonNode spec;
  private static SchemaRegistry registry;

  @BeforeAll
  static void readSpec() throws Exception {
    Optional<Path> location = specLocation();
    assumeTrue(
        location.isPresent(),
        "OpenAPI document not found (set POMONA_SPEC or -Dpomona.spec, or put it at"
            + " ../shared/spec/" + SPEC_FILE + "); fixture conformance not checked");
    spec = JSON3.readTree(Files.readString(location.get()));
    ObjectNode strict = (ObjectNode) spec.deepCopy();
    forbidUndeclaredMembers(strict);
    registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_4, builder -> builder.schemas(Map.of(SPEC_ID, strict.toString())));
  }

  @Test
  void everyAttributeValueFitsItsSchema() {
    List<String> problems = new ArrayList<>();
    for (String type : ReferenceData.TYPES) {
      String schemaName = schemaNameOf(type);
      Schema attributes =
          registry.getSchema(SchemaLocation.of(SPEC_ID + "#/components/schemas/" + schemaName + "/properties/attributes"));
      for (ReferenceResource resource : DATA.of(type)) {
        for (Error error : attributes.validate(JSON3.valueToTree(resource.attributes()))) {
          problems.add(type + "/" + resource.id() + " " + error.getInstanceLocation() + ": " + error.getMessage());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyRelationshipIsDeclaredAndPointsToTheDeclaredType() {
    List<String> problems = new ArrayList<>();
    for (String type : ReferenceData.TYPES) {
      JsonNode declared = spec.at("/components/schemas/" + schemaNameOf(type) + "/properties/relationships/properties");
      for (ReferenceResource resource : DATA.of(type)) {
        resource.relationships().keySet().forEach(name -> {
          JsonNode data = declared.path(name).path("properties").path("data");
          JsonNode linkage = data.has("items") ? data.path("items") : data;
          String target = linkage.at("/properties/type/enum/0").asString("");
          if (target.isEmpty()) {
            problems.add(type + "." + name + " is not a relationship with linkage in the document");
          } else if (resource.related(name).stream().anyMatch(id -> DATA.find(target, id).isEmpty())) {
            problems.add(type + "/" + resource.id() + "." + name + " links a missing " + target);
          }
          if (!data.has("items") && resource.related(name).size() > 1) {
            problems.add(type + "/" + resource.id() + "." + name + " is to-one but links several");
          }
        });
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void aWrongEnumValueIsCaught() {
    // Guards the check itself: a value outside Platform must fail, or the test above proves nothing.
    Schema attributes =
        registry.getSchema(SchemaLocation.of(SPEC_ID + "#/components/schemas/AppCategory/properties/attributes"));
    assertThat(attributes.validate(JSON3.valueToTree(Map.of("platforms", List.of("WATCH_OS"))))).isNotEmpty();
    assertThat(attributes.validate(JSON3.valueToTree(Map.of("platform", List.of("IOS"))))).isNotEmpty();
    assertThat(attributes.validate(JSON3.valueToTree(Map.of("platforms", List.of("IOS"))))).isEmpty();
  }

  /** The resource schema whose {@code type} is exactly {@code type}, e.g. Territory for territories. */
  private static String schemaNameOf(String type) {
    List<String> names = new ArrayList<>();
    spec.path("components").path("schemas").properties().forEach(entry -> {
      JsonNode typeEnum = entry.getValue().at("/properties/type/enum");
      if (typeEnum.size() == 1 && typeEnum.get(0).asString("").equals(type)
          && entry.getValue().at("/properties/attributes").isObject()) {
        names.add(entry.getKey());
      }
    });
    assertThat(names).as("resource schemas of " + type).hasSize(1);
    return names.get(0);
  }

  /**
   * The document leaves {@code additionalProperties} open, so a misspelt member would pass;
   * closing every object that lists its properties makes such a typo fail.
   */
  private static void forbidUndeclaredMembers(JsonNode node) {
    if (node instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
      object.put("additionalProperties", false);
    }
    node.forEach(ReferenceDataSpecTest::forbidUndeclaredMembers);
  }

  private static Optional<Path> specLocation() {
    return Stream.of(
            Optional.ofNullable(System.getenv("POMONA_SPEC")),
            Optional.ofNullable(System.getProperty("pomona.spec")),
            Optional.of("../shared/spec/" + SPEC_FILE),
            Optional.of("../../shared/spec/" + SPEC_FILE))
        .flatMap(Optional::stream)
        .filter(candidate -> !candidate.isBlank())
        .map(Path::of)
        .filter(Files::isRegularFile)
        .findFirst();
  }
}
