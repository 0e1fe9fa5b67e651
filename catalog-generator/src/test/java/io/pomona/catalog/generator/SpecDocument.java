package io.pomona.catalog.generator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the official OpenAPI document, which is never committed: env {@code POMONA_SPEC}, else
 * system property {@code pomona.spec} (the build passes it), else the shared copy beside the
 * project ({@code ../shared/spec/...} from the module, or from the project root).
 */
final class SpecDocument {
  static final String SKIPPED = "skipped: OpenAPI document not found (set POMONA_SPEC)";
  private static final String FILE = "app-store-connect-openapi-4.4.1.json";

  private SpecDocument() {}

  static Optional<Path> find() {
    List<String> candidates = new ArrayList<>();
    Optional.ofNullable(System.getenv("POMONA_SPEC")).ifPresent(candidates::add);
    Optional.ofNullable(System.getProperty("pomona.spec")).ifPresent(candidates::add);
    candidates.add("../shared/spec/" + FILE);
    candidates.add("../../shared/spec/" + FILE);
    return candidates.stream()
        .filter(candidate -> !candidate.isBlank())
        .map(Path::of)
        .filter(Files::isRegularFile)
        .findFirst();
  }
}
