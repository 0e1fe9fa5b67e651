package io.pomona.uploads.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Whether a routing app coverage file is GeoJSON of the kind Apple asks for: one JSON object whose
 * {@code type} is a GeoJSON type that can carry polygons (Apple: "a GeoJSON file that specifies the
 * geographic regions", MultiPolygon features). Coordinates are not checked further.
 */
public final class GeoJsonProbe {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> TYPES = Set.of("FeatureCollection", "Feature", "MultiPolygon", "Polygon");

  private GeoJsonProbe() {}

  public static boolean isCoverage(Path file) {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      return root != null && root.isObject() && TYPES.contains(root.path("type").asText());
    } catch (IOException notJson) {
      return false;
    }
  }
}
