package io.pomona.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.catalog.Operation;
import io.pomona.catalog.RequestBody;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever JSON arrives, the validator answers with a 4xx {@link ApiException} or a {@link
 * WriteRequest} that honours the operation's schema; nothing else escapes.
 */
class BodyValidatorPropertyTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> NAMES =
      List.of(
          "data", "type", "id", "attributes", "relationships", "included", "meta", "links", "name", "platform",
          "identifier", "seedId", "capabilityType", "settings", "key", "options", "enabled", "minInstances",
          "bundleId", "app", "manualPrices", "baseTerritory", "appPricePoint", "startDate", "fileSize", "ratio",
          "properties", "tags", "atributes", "a/b~c", "");
  private static final List<String> TEXTS =
      List.of(
          "bundleIds", "bundleIdCapabilities", "appPriceSchedules", "appPrices", "territories", "apps", "kitchenSinks",
          "IOS", "ICLOUD", "DATA_PROTECTION_PERMISSION_LEVEL", "COMPLETE_PROTECTION", "2024-01-01",
          "2024-01-01T00:00:00Z", "https://example.com", "${price1}", "V1", "", "P1D", "a@b.c", "1.5");

  private final BodyValidator validator = new BodyValidator(TestCatalog.shapes(), TestCatalog.includedSchemas());
  private final SampleBodies samples = new SampleBodies(TestCatalog.shapes(), TestCatalog.includedSchemas(), type -> "sample-" + type);

  @Property(tries = 2000)
  void randomTreesGiveA4xxOrAValidWriteRequest(@ForAll("operations") Operation operation, @ForAll("trees") JsonNode body) {
    Statistics.label("outcome").collect(checkResource(operation, body));
    Statistics.label("outcome").coverage(coverage -> coverage.check("422").count(count -> count > 0));
  }

  @Property(tries = 3000)
  void mutatedSampleBodiesGiveA4xxOrAValidWriteRequest(
      @ForAll("operations") Operation operation, @ForAll("mutations") Mutation mutation) {
    Statistics.label("outcome").collect(checkResource(operation, mutation.apply(samples.fullResource(operation, Optional.of("V1")))));
    // Mutations must reach every branch, or the property proves little.
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("accepted").count(count -> count > 0);
      coverage.check("409").count(count -> count > 0);
      coverage.check("422").count(count -> count > 0);
    });
  }

  @Property(tries = 1000)
  void randomLinkageBodiesGiveA4xxOrIdentifiersOfTheTargetType(
      @ForAll("linkageOperations") Operation operation, @ForAll("mutations") Mutation mutation) {
    JsonNode body = mutation.apply(samples.linkage(operation));
    try {
      List<Identifier> identifiers = validator.validateLinkage(operation, body);
      assertThat(identifiers).allSatisfy(id -> assertThat(id.type()).isEqualTo(operation.request().type()));
    } catch (ApiException e) {
      assertWellFormed(e);
    }
  }

  /** Checks one body and names the outcome: accepted, 409 or 422. */
  private String checkResource(Operation operation, JsonNode body) {
    RequestBody schema = operation.request();
    try {
      WriteRequest request = validator.validateResource(operation, Optional.of("V1"), body);
      assertThat(request.type()).isEqualTo(schema.type());
      assertThat(schema.attributes().keySet()).containsAll(request.attributes().keySet());
      assertThat(schema.relationships().keySet()).containsAll(request.relationships().keySet());
      for (String required : schema.requiredAttributes()) {
        assertThat(request.attributes().get(required)).as(required).isNotNull();
      }
      for (String required : schema.requiredRelationships()) {
        assertThat(request.relationships().get(required)).as(required).isNotNull().isPresent();
      }
      request.relationships().forEach((name, identifiers) ->
          identifiers.orElse(List.of()).forEach(identifier ->
              assertThat(identifier.type()).isEqualTo(schema.relationships().get(name).target())));
      request.included().forEach(included -> assertThat(schema.includedTypes()).contains(included.type()));
      assertOnlyPlainValues(request.attributes());
      return "accepted";
    } catch (ApiException e) {
      assertWellFormed(e);
      return String.valueOf(e.status());
    }
  }

  private static void assertWellFormed(ApiException e) {
    assertThat(e.status()).isIn(409, 422);
    assertThat(e.errors()).allSatisfy(error -> {
      assertThat(error.status()).isEqualTo(e.status());
      assertThat(error.code()).startsWith(e.status() == 422 ? "ENTITY_UNPROCESSABLE" : "ENTITY_ERROR.");
      assertThat(error.source().flatMap(ApiError.Source::pointer)).isPresent();
    });
  }

  private static void assertOnlyPlainValues(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof BigDecimal) {
      return;
    }
    if (value instanceof List<?> list) {
      list.forEach(BodyValidatorPropertyTest::assertOnlyPlainValues);
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(BodyValidatorPropertyTest::assertOnlyPlainValues);
    } else {
      throw new AssertionError("unexpected value type " + value.getClass());
    }
  }

  @Provide
  Arbitrary<Operation> operations() {
    return Arbitraries.of(TestCatalog.resourceOperations());
  }

  @Provide
  Arbitrary<Operation> linkageOperations() {
    return Arbitraries.of(TestCatalog.BETA_TESTERS_ADD, TestCatalog.ENCRYPTION_DECLARATION_SET);
  }

  @Provide
  Arbitrary<JsonNode> trees() {
    return tree(4);
  }

  /** Replace or add one member somewhere in a document with a random tree. */
  record Mutation(int target, String name, boolean remove, JsonNode replacement) {
    JsonNode apply(ObjectNode document) {
      List<JsonNode> containers = new ArrayList<>();
      collect(document, containers);
      JsonNode container = containers.get(target % containers.size());
      if (container instanceof ObjectNode object) {
        String key = object.size() > 0 && target % 3 != 0 ? object.properties().stream().map(Map.Entry::getKey).toList().get(target % object.size()) : name;
        if (remove) {
          object.remove(key);
        } else {
          object.set(key, replacement);
        }
      } else if (container instanceof ArrayNode array) {
        if (remove && !array.isEmpty()) {
          array.remove(target % array.size());
        } else {
          array.add(replacement);
        }
      }
      return document;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
      if (node.isContainerNode()) {
        containers.add(node);
        node.forEach(child -> collect(child, containers));
      }
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 1000),
            Arbitraries.of(NAMES),
            Arbitraries.of(true, false),
            tree(2))
        .as(Mutation::new);
  }

  private Arbitrary<JsonNode> tree(int depth) {
    Arbitrary<JsonNode> leaf = leaves();
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> arrays =
        Arbitraries.lazy(() -> tree(depth - 1)).list().ofMaxSize(3).map(items -> NODES.arrayNode().addAll(items));
    Arbitrary<JsonNode> objects =
        Combinators.combine(Arbitraries.of(NAMES), Arbitraries.lazy(() -> tree(depth - 1)))
            .as(Tuple::of)
            .list()
            .ofMaxSize(4)
            .map(members -> {
              ObjectNode object = NODES.objectNode();
              members.forEach(member -> object.set(member.get1(), member.get2()));
              return object;
            });
    return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, arrays), Tuple.of(3, objects));
  }

  private static Arbitrary<JsonNode> leaves() {
    return Arbitraries.oneOf(
        Arbitraries.of(TEXTS).map(NODES::textNode),
        Arbitraries.strings().ofMaxLength(6).map(NODES::textNode),
        Arbitraries.longs().map(NODES::numberNode),
        Arbitraries.bigDecimals().ofScale(3).map(NODES::numberNode),
        Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-0.0"), new BigDecimal("2.000")).map(NODES::numberNode),
        Arbitraries.of(new BigInteger("123456789012345678901234567890")).map(NODES::numberNode),
        Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()),
        Arbitraries.of(Double.NaN, 0.1, Double.POSITIVE_INFINITY).map(NODES::numberNode));
  }
}
