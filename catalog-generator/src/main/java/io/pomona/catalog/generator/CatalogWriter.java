package io.pomona.catalog.generator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pomona.catalog.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the catalog deterministically: maps in insertion (document) order, objects indented by one
 * space with {@code \n} line ends whatever the platform, arrays on one line, a final newline. Light
 * indentation keeps diffs between API versions readable at a modest size.
 */
final class CatalogWriter {
  private CatalogWriter() {}

  static String fileName(Catalog catalog) {
    return "catalog-" + catalog.version() + ".json";
  }

  static Path write(Catalog catalog, Path directory) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(fileName(catalog)).normalize();
      Files.write(file, bytes(catalog));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the catalog into " + directory, e);
    }
  }

  static byte[] bytes(Catalog catalog) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter(" ", "\n"));
    ObjectMapper mapper =
        new ObjectMapper()
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    try {
      String json = mapper.writer(printer).writeValueAsString(catalog);
      return (json + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize the catalog", e);
    }
  }
}
