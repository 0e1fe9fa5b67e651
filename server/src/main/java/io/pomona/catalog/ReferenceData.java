package io.pomona.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The global, read-only reference data that every team sees alike: App Store territories, app
 * categories, the TestFlight recruitment options and the Xcode Cloud images. It is committed as
 * one JSON file per resource type, {@code fixtures/<type>.json} on the classpath, each an array
 * of {@code {"id", "attributes", "relationships": {"name": ["id", ...]}}}; see
 * {@code fixtures/README.md} for what the files hold and why.
 *
 * @param resources every resource by type, in file order
 */
public record ReferenceData(Map<String, List<ReferenceResource>> resources) {

  /** The resource types that have a fixture file, in load order. */
  public static final List<String> TYPES =
      List.of(
          "territories",
          "appCategories",
          "ciMacOsVersions",
          "ciXcodeVersions",
          "betaRecruitmentCriterionOptions");

  private static final String DIRECTORY = "fixtures";

  public ReferenceData {
    Map<String, List<ReferenceResource>> copy = new LinkedHashMap<>();
    resources.forEach((type, list) -> copy.put(type, List.copyOf(list)));
    resources = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads every fixture file from the classpath.
   *
   * @throws IllegalStateException when a file is missing or malformed, or repeats an id: the jar
   *     itself is broken, so the server must not start
   */
  public static ReferenceData load(ObjectMapper json) {
    return load(json, DIRECTORY, TYPES);
  }

  static ReferenceData load(ObjectMapper json, String directory, List<String> types) {
    ObjectReader reader =
        json.readerFor(new TypeReference<List<Entry>>() {})
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    Map<String, List<ReferenceResource>> byType = new LinkedHashMap<>();
    for (String type : types) {
      String path = directory + "/" + type + ".json";
      byType.put(type, toResources(type, path, readEntries(reader, path)));
    }
    return new ReferenceData(byType);
  }

  /** The resources of {@code type}; empty when it has no fixture. */
  public List<ReferenceResource> of(String type) {
    return resources.getOrDefault(type, List.of());
  }

  public Optional<ReferenceResource> find(String type, String id) {
    return of(type).stream().filter(resource -> resource.id().equals(id)).findFirst();
  }

  public Set<String> types() {
    return resources.keySet();
  }

  /** One element of a fixture file, before its type is attached. */
  private record Entry(
      String id, Map<String, Object> attributes, Map<String, List<String>> relationships) {}

  private static List<Entry> readEntries(ObjectReader reader, String path) {
    try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Reference data file " + path + " is not on the classpath");
      }
      List<Entry> entries = reader.readValue(in);
      if (entries == null) {
        throw new IllegalStateException(path + " must hold a JSON array, not null");
      }
      return entries;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read reference data file " + path, e);
    }
  }

  private static List<ReferenceResource> toResources(String type, String path, List<Entry> entries) {
    Set<String> seen = new HashSet<>();
    return entries.stream()
        .map(
            entry -> {
              if (entry == null || entry.id() == null || entry.id().isBlank()) {
                throw new IllegalStateException(path + " has an element without an id");
              }
              if (!seen.add(entry.id())) {
                throw new IllegalStateException(path + " repeats the id " + entry.id());
              }
              Map<String, List<String>> relationships =
                  entry.relationships() == null ? Map.of() : entry.relationships();
              if (relationships.values().stream().anyMatch(ids -> ids == null || ids.contains(null))) {
                throw new IllegalStateException(path + " has a null linkage in " + entry.id());
              }
              return new ReferenceResource(
                  type,
                  entry.id(),
                  entry.attributes() == null ? Map.of() : entry.attributes(),
                  relationships);
            })
        .toList();
  }
}
