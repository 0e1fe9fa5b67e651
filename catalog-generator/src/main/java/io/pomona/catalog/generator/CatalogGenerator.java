package io.pomona.catalog.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.catalog.Catalog;
import io.pomona.catalog.Operation;
import io.pomona.catalog.Relationship;
import io.pomona.catalog.ResourceSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates Pomona's catalog from an App Store Connect OpenAPI document.
 *
 * <p>Usage: {@code CatalogGenerator <openapi.json> <output-dir>} writes {@code
 * catalog-<version>.json} into the output directory and prints the relationship counts.
 */
public final class CatalogGenerator {
  static final String PATCHES_RESOURCE = "/spec-patches.json";
  static final String OVERRIDES_RESOURCE = "/inverse-overrides.json";

  /** The catalog and the counts that explain how its inverses were settled. */
  public record Generated(Catalog catalog, InverseResolver.Report report) {}

  private CatalogGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CatalogGenerator <openapi.json> <output-dir>");
      System.exit(2);
    }
    Generated generated = generate(Path.of(args[0]));
    Path written = CatalogWriter.write(generated.catalog(), Path.of(args[1]));
    System.out.println("wrote " + written + " (" + Files.size(written) + " bytes)");
    System.out.println(summary(generated));
  }

  /** Reads the document and the committed patches and overrides, and generates the catalog. */
  public static Generated generate(Path openApiDocument) {
    ObjectMapper mapper = new ObjectMapper();
    try (InputStream patches = resource(PATCHES_RESOURCE);
        InputStream overrides = resource(OVERRIDES_RESOURCE)) {
      JsonNode document = mapper.readTree(openApiDocument.toFile());
      JsonPatch.apply(document, mapper.readTree(patches));
      return generate(document, InverseOverrides.read(overrides));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + openApiDocument, e);
    }
  }

  /** Generates the catalog from an already patched document tree. */
  static Generated generate(JsonNode document, InverseOverrides overrides) {
    OpenApi openApi = new OpenApi(document);
    ShapeReader shapes = new ShapeReader(openApi);
    List<ResourceSchemaReader.RawResource> resources =
        new ResourceSchemaReader(openApi, shapes, new RelationshipTargets(openApi)).read();

    InverseResolver.Result inverses =
        InverseResolver.resolve(typeRelationships(resources), overrides);

    Map<String, ResourceSchema> schemas = new LinkedHashMap<>();
    for (ResourceSchemaReader.RawResource resource : resources) {
      Map<String, Relationship> relationships = new LinkedHashMap<>();
      for (ResourceSchemaReader.RawRelationship raw : resource.relationships()) {
        InverseResolver.Settled settled =
            inverses.settled().get(new InverseResolver.Key(resource.type(), raw.name()));
        relationships.put(
            raw.name(),
            new Relationship(
                raw.target(),
                raw.toMany(),
                raw.linkage(),
                raw.links(),
                raw.paging(),
                settled.inverse().orElse(null),
                settled.alias().orElse(null)));
      }
      schemas.put(
          resource.name(),
          new ResourceSchema(
              resource.name(),
              resource.type(),
              resource.deprecated(),
              resource.attributes(),
              relationships));
    }
    Map<String, String> typeOfSchema = new LinkedHashMap<>();
    schemas.forEach((name, schema) -> typeOfSchema.put(name, schema.type()));
    List<Operation> operations = new OperationReader(openApi, shapes, typeOfSchema).read();
    return new Generated(
        new Catalog(openApi.version(), schemas, shapes.namedShapes(), operations),
        inverses.report());
  }

  /** Each type's relationships, merged over its schemas; a name must mean one thing per type. */
  private static Map<InverseResolver.Key, InverseResolver.TypeRelationship> typeRelationships(
      List<ResourceSchemaReader.RawResource> resources) {
    Map<InverseResolver.Key, InverseResolver.TypeRelationship> merged = new LinkedHashMap<>();
    for (ResourceSchemaReader.RawResource resource : resources) {
      for (ResourceSchemaReader.RawRelationship raw : resource.relationships()) {
        InverseResolver.Key key = new InverseResolver.Key(resource.type(), raw.name());
        InverseResolver.TypeRelationship previous = merged.get(key);
        if (previous != null
            && (!previous.target().equals(raw.target()) || previous.toMany() != raw.toMany())) {
          throw new IllegalStateException(
              key + " means different things in different schemas of " + resource.type());
        }
        boolean linkage = raw.linkage() || previous != null && previous.linkage();
        merged.put(key, new InverseResolver.TypeRelationship(raw.target(), raw.toMany(), linkage));
      }
    }
    return merged;
  }

  static String summary(Generated generated) {
    Catalog catalog = generated.catalog();
    InverseResolver.Report report = generated.report();
    long paths = catalog.operations().stream().map(Operation::path).distinct().count();
    long types = catalog.schemas().values().stream().map(ResourceSchema::type).distinct().count();
    return String.join(
        "\n",
        "version " + catalog.version(),
        "resource schemas "
            + catalog.schemas().size()
            + " ("
            + types
            + " types), named shapes "
            + catalog.shapes().size(),
        "operations " + catalog.operations().size() + " on " + paths + " paths",
        "type-level relationships " + report.relationships() + ", links-only " + report.linksOnly(),
        "candidate inverses (count -> relationships) " + report.candidateCounts(),
        "inverse pairs "
            + report.pairsByInference()
            + " by inference + "
            + report.pairsByTable()
            + " by the table; aliases "
            + report.aliases()
            + "; one-directional "
            + report.oneDirectional());
  }

  private static InputStream resource(String name) {
    InputStream stream = CatalogGenerator.class.getResourceAsStream(name);
    if (stream == null) {
      throw new IllegalStateException("missing classpath resource " + name);
    }
    return stream;
  }
}
