package io.pomona.catalog.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pomona.catalog.Catalog;
import io.pomona.catalog.Operation;
import io.pomona.catalog.ResourceSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the official document, when present: the committed catalog is exactly its output. */
class CatalogGeneratorSpecTest {
  private static final Path COMMITTED =
      Path.of("../server/src/main/resources/catalog/catalog-4.4.1.json");

  private static final Optional<Path> SPEC = SpecDocument.find();
  private static CatalogGenerator.Generated generated;

  /** Generates once for the class; each test is skipped on its own when the document is absent. */
  @BeforeEach
  void generateWhenTheDocumentIsPresent() {
    assumeTrue(SPEC.isPresent(), SpecDocument.SKIPPED);
    if (generated == null) {
      generated = CatalogGenerator.generate(SPEC.get());
    }
  }

  @Test
  void generatedCatalogEqualsTheCommittedFileByteForByte(@TempDir Path output) throws Exception {
    Path written = CatalogWriter.write(generated.catalog(), output);

    assertThat(written.getFileName()).hasToString("catalog-4.4.1.json");
    List<String> expected = Files.readAllLines(COMMITTED, StandardCharsets.UTF_8);
    List<String> actual = Files.readAllLines(written, StandardCharsets.UTF_8);
    int line = 0;
    while (line < Math.min(expected.size(), actual.size())
        && expected.get(line).equals(actual.get(line))) {
      line++;
    }
    assertThat(line)
        .as(
            "first difference at line %d of %s: regenerate the catalog, never edit it",
            line + 1, COMMITTED)
        .isEqualTo(Math.max(expected.size(), actual.size()));
    assertThat(Files.readAllBytes(written)).isEqualTo(Files.readAllBytes(COMMITTED));
  }

  @Test
  void catalogHasEveryOperationPathAndResourceSchema() {
    Catalog catalog = generated.catalog();
    assertThat(catalog.version()).isEqualTo("4.4.1");
    assertThat(catalog.operations()).hasSize(1263);
    assertThat(catalog.operations().stream().map(Operation::path).distinct()).hasSize(966);
    assertThat(catalog.schemas()).hasSize(230);
    assertThat(catalog.schemas().values().stream().map(ResourceSchema::type).distinct())
        .hasSize(214);
    assertThat(catalog.operations().stream().filter(o -> o.request() != null)).hasSize(355);
  }

  @Test
  void relationshipCountsAreTheOnesReviewed() {
    InverseResolver.Report report = generated.report();
    assertThat(report.relationships()).isEqualTo(504);
    assertThat(report.linksOnly()).isEqualTo(50);
    assertThat(report.candidateCounts()).isEqualTo(Map.of(0, 184, 1, 285, 2, 31, 3, 2, 4, 1, 6, 1));
    assertThat(report.aliases()).isEqualTo(19);
    assertThat(report.pairsByInference()).isEqualTo(135);
    assertThat(report.pairsByTable()).isEqualTo(7);
    assertThat(report.oneDirectional()).isEqualTo(201);
  }
}
