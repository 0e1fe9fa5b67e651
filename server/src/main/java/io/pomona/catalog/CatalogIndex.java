package io.pomona.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Lookups over a {@link Catalog}, built once; immutable and safe to share between threads. */
public final class CatalogIndex {
  private final Catalog catalog;
  private final Map<String, List<ResourceSchema>> schemasByType;
  private final Map<String, ResourceType> types;
  private final Map<String, Operation> operationsById;

  public CatalogIndex(Catalog catalog) {
    this.catalog = catalog;
    Map<String, List<ResourceSchema>> byType = new LinkedHashMap<>();
    for (ResourceSchema schema : catalog.schemas().values()) {
      byType.computeIfAbsent(schema.type(), type -> new ArrayList<>()).add(schema);
    }
    Map<String, List<ResourceSchema>> frozen = new LinkedHashMap<>();
    Map<String, ResourceType> merged = new LinkedHashMap<>();
    byType.forEach(
        (type, schemas) -> {
          frozen.put(type, List.copyOf(schemas));
          merged.put(type, merge(type, schemas));
        });
    this.schemasByType = Collections.unmodifiableMap(frozen);
    this.types = Collections.unmodifiableMap(merged);
    Map<String, Operation> byId = new LinkedHashMap<>();
    for (Operation operation : catalog.operations()) {
      if (byId.put(operation.id(), operation) != null) {
        throw new IllegalArgumentException(
            "duplicate operationId in the catalog: " + operation.id());
      }
    }
    this.operationsById = Collections.unmodifiableMap(byId);
  }

  public Catalog catalog() {
    return catalog;
  }

  public Optional<ResourceSchema> schema(String name) {
    return Optional.ofNullable(catalog.schemas().get(name));
  }

  /** The schemas of a type in document order; empty for an unknown type. */
  public List<ResourceSchema> schemasOfType(String type) {
    return schemasByType.getOrDefault(type, List.of());
  }

  /** The merged view of a type over all its schemas. */
  public Optional<ResourceType> type(String type) {
    return Optional.ofNullable(types.get(type));
  }

  /** Every resource type, in the order their first schema appears. */
  public Set<String> types() {
    return types.keySet();
  }

  /** A relationship of a type, from the merged view. */
  public Optional<Relationship> relationship(String type, String name) {
    return type(type).map(merged -> merged.relationships().get(name));
  }

  public Optional<Shape> shape(String name) {
    return Optional.ofNullable(catalog.shapes().get(name));
  }

  /** The shape itself, or the named shape it refers to. */
  public Shape resolve(Shape shape) {
    if (!shape.isRef()) {
      return shape;
    }
    return shape(shape.ref())
        .orElseThrow(() -> new IllegalArgumentException("unknown shape " + shape.ref()));
  }

  public Optional<Operation> operation(String id) {
    return Optional.ofNullable(operationsById.get(id));
  }

  /** Every operation, in document order. */
  public List<Operation> operations() {
    return catalog.operations();
  }

  private static ResourceType merge(String type, List<ResourceSchema> schemas) {
    List<ResourceSchema> currentFirst = new ArrayList<>(schemas);
    currentFirst.sort(Comparator.comparing(ResourceSchema::deprecated)); // stable: keeps order
    Map<String, Shape> attributes = new LinkedHashMap<>();
    Map<String, Relationship> relationships = new LinkedHashMap<>();
    for (ResourceSchema schema : currentFirst) {
      schema.attributes().forEach(attributes::putIfAbsent);
      schema
          .relationships()
          .forEach(
              (name, relationship) -> relationships.merge(name, relationship, CatalogIndex::union));
    }
    return new ResourceType(
        type, currentFirst.stream().map(ResourceSchema::name).toList(), attributes, relationships);
  }

  /** One relationship seen by two schemas: same edge, so only the rendering flags can differ. */
  private static Relationship union(Relationship first, Relationship second) {
    return new Relationship(
        first.target(),
        first.toMany(),
        first.linkage() || second.linkage(),
        first.links() || second.links(),
        first.paging() || second.paging(),
        first.inverse(),
        first.alias());
  }
}
