package io.pomona.jsonapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.Catalog;
import io.pomona.catalog.Operation;
import io.pomona.catalog.OperationKind;
import io.pomona.error.ApiException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Synthesized bodies validate: for the hand-made operations always, for the real catalog when present. */
class SampleBodiesTest {
  private static final Set<OperationKind> LINKAGE_KINDS =
      EnumSet.of(
          OperationKind.UPDATE_TO_ONE_RELATIONSHIP,
          OperationKind.CREATE_TO_MANY_RELATIONSHIP,
          OperationKind.REPLACE_TO_MANY_RELATIONSHIP,
          OperationKind.DELETE_TO_MANY_RELATIONSHIP);

  private static SampleBodies samples() {
    return new SampleBodies(TestCatalog.shapes(), TestCatalog.includedSchemas(), type -> "sample-" + type);
  }

  @Test
  void minimalAndFullBodiesOfTheHandMadeOperationsValidate() {
    BodyValidator validator = new BodyValidator(TestCatalog.shapes(), TestCatalog.includedSchemas());
    SampleBodies samples = samples();

    for (Operation operation : TestCatalog.resourceOperations()) {
      for (JsonNode body : List.of(samples.minimalResource(operation, Optional.of("ID1")), samples.fullResource(operation, Optional.of("ID1")))) {
        WriteRequest request = validator.validateResource(operation, Optional.of("ID1"), body);
        assertThat(request.type()).as(operation.id()).isEqualTo(operation.request().type());
        assertThat(request.attributes().keySet()).as(operation.id()).containsAll(operation.request().requiredAttributes());
        assertThat(request.relationships().keySet()).as(operation.id()).containsAll(operation.request().requiredRelationships());
      }
    }
    assertThat(validator.validateLinkage(TestCatalog.BETA_TESTERS_ADD, samples.linkage(TestCatalog.BETA_TESTERS_ADD)))
        .containsExactly(new Identifier("betaTesters", "sample-betaTesters"));
  }

  @Test
  void minimalBodyHoldsOnlyWhatIsRequired() {
    SampleBodies samples = new SampleBodies(TestCatalog.shapes(), TestCatalog.includedSchemas(), type -> type.toUpperCase(java.util.Locale.ROOT));

    JsonNode body = samples.minimalResource(TestCatalog.CAPABILITY_CREATE, Optional.empty());

    assertThat(body.at("/data/attributes").properties()).extracting(java.util.Map.Entry::getKey).containsExactly("capabilityType");
    assertThat(body.at("/data/attributes/capabilityType").textValue()).isEqualTo("ICLOUD");
    assertThat(body.at("/data/relationships/bundleId/data/id").textValue()).isEqualTo("BUNDLEIDS");
  }

  @Test
  void toManyRelationshipToAnIncludableTypePointsAtAnIncludedResource() {
    JsonNode body = samples().minimalResource(TestCatalog.PRICE_SCHEDULE_CREATE, Optional.empty());

    assertThat(body.at("/data/relationships/manualPrices/data/0/id").textValue()).isEqualTo("${appPrices1}");
    assertThat(body.at("/included/0/type").textValue()).isEqualTo("appPrices");
    assertThat(body.at("/included/0/id").textValue()).isEqualTo("${appPrices1}");
  }

  @Test
  void bodiesAreDeterministic() {
    for (Operation operation : TestCatalog.resourceOperations()) {
      assertThat(samples().fullResource(operation, Optional.of("X")))
          .isEqualTo(samples().fullResource(operation, Optional.of("X")));
    }
  }

  @Test
  void everyWriteOperationOfTheGeneratedCatalogAcceptsItsSampleBodies() {
    Optional<Catalog> generated = CatalogFiles.generated();
    Assumptions.assumeTrue(
        generated.isPresent(),
        "no generated catalog: neither -Dpomona.catalog nor " + CatalogFiles.RESOURCE + " on the class path");
    Catalog catalog = generated.get();
    BodyValidator validator = BodyValidator.forCatalog(catalog);
    SampleBodies samples = SampleBodies.forCatalog(catalog);
    List<String> failures = new ArrayList<>();
    int resourceOperations = 0;
    int linkageOperations = 0;

    for (Operation operation : catalog.operations()) {
      if (operation.request() == null) {
        continue;
      }
      boolean write = operation.kind() == OperationKind.CREATE_INSTANCE || operation.kind() == OperationKind.UPDATE_INSTANCE;
      if (write && !operation.request().linkage()) {
        resourceOperations++;
        check(operation, "minimal", () -> validator.validateResource(operation, Optional.of("ID1"), samples.minimalResource(operation, Optional.of("ID1"))), failures);
        check(operation, "full", () -> validator.validateResource(operation, Optional.of("ID1"), samples.fullResource(operation, Optional.of("ID1"))), failures);
      } else if (LINKAGE_KINDS.contains(operation.kind())) {
        linkageOperations++;
        check(operation, "linkage", () -> validator.validateLinkage(operation, samples.linkage(operation)), failures);
      }
    }

    assertThat(resourceOperations).as("create and update operations in the catalog").isGreaterThan(100);
    assertThat(linkageOperations).as("relationship write operations in the catalog").isGreaterThan(50);
    assertThat(failures).isEmpty();
  }

  private static void check(Operation operation, String variant, Runnable validation, List<String> failures) {
    try {
      validation.run();
    } catch (ApiException e) {
      failures.add(operation.id() + " (" + variant + "): " + e.errors());
    }
  }
}
