package io.pomona.jsonapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the generated catalog for tests: the file named by the system property {@code
 * pomona.catalog}, else the committed {@code /catalog/catalog-4.4.1.json} on the class path.
 */
final class CatalogFiles {
  static final String RESOURCE = "/catalog/catalog-4.4.1.json";

  private CatalogFiles() {}

  static Optional<Catalog> generated() {
    ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      String override = System.getProperty("pomona.catalog");
      if (override != null && !override.isBlank()) {
        return Optional.of(json.readValue(Files.readAllBytes(Path.of(override)), Catalog.class));
      }
      try (InputStream in = CatalogFiles.class.getResourceAsStream(RESOURCE)) {
        return in == null ? Optional.empty() : Optional.of(json.readValue(in, Catalog.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the generated catalog could not be read", e);
    }
  }
}
