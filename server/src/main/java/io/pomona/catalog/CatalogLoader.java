package io.pomona.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads the committed, generated catalog. A catalog that cannot be read is a broken build, not a
 * client error, so failures are unchecked exceptions that stop start-up.
 */
public final class CatalogLoader {
  /** The classpath resource of the catalog this server serves. */
  public static final String RESOURCE = "/catalog/catalog-4.4.1.json";

  private CatalogLoader() {}

  /** The catalog of the API version this server serves. */
  public static Catalog load() {
    try (InputStream json = CatalogLoader.class.getResourceAsStream(RESOURCE)) {
      if (json == null) {
        throw new IllegalStateException("the catalog resource " + RESOURCE + " is missing");
      }
      return load(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A catalog from any stream (tests, other API versions); the stream is not closed. */
  public static Catalog load(InputStream json) {
    try {
      // Strict: a member the records do not know means the catalog and the code disagree.
      // Absent booleans are false: the generator leaves out false flags to keep the file small.
      return new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(json, Catalog.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse the catalog", e);
    }
  }
}
