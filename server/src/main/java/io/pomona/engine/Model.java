package io.pomona.engine;

import io.pomona.catalog.CatalogIndex;
import io.pomona.catalog.ReferenceData;
import io.pomona.store.StoredResource;
import io.pomona.catalog.Operation;
import io.pomona.catalog.OperationKind;
import io.pomona.catalog.Relationship;
import io.pomona.catalog.RequestBody;
import io.pomona.catalog.ResourceSchema;
import io.pomona.catalog.ResourceType;
import io.pomona.store.IndexSpec;
import io.pomona.store.Relation;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine derives from the catalog once, at start-up: how each relationship is stored
 * (one canonical edge for a relationship and its inverse, aliases reading the same edge), the
 * path of each type's resources and relationships for links, and which schema renders an
 * included resource of a type.
 */
public final class Model {
  private final CatalogIndex catalog;
  private final Map<String, PathTemplate> instancePaths = new HashMap<>();
  // By type, then relationship: links are filled for every relationship of every rendered
  // resource (thousands per list with includes), so no key is concatenated per lookup.
  private final Map<String, Map<String, PathTemplate>> relationshipPaths = new HashMap<>();
  private final Map<String, Map<String, PathTemplate>> relatedPaths = new HashMap<>();
  private final Map<String, Relationship> writeOnly = new HashMap<>();

  public Model(CatalogIndex catalog) {
    this.catalog = catalog;
    // Current operations first (the sort is stable), so links prefer /v2 paths over deprecated /v1.
    List<Operation> currentFirst =
        catalog.operations().stream().sorted(Comparator.comparing(Operation::deprecated)).toList();
    for (Operation operation : currentFirst) {
      switch (operation.kind()) {
        case GET_INSTANCE -> instancePaths.putIfAbsent(operation.type(), PathTemplate.of(operation.path()));
        case GET_TO_ONE_RELATIONSHIP, GET_TO_MANY_RELATIONSHIP -> relationshipPaths
            .computeIfAbsent(operation.type(), t -> new HashMap<>())
            .putIfAbsent(operation.relationship(), PathTemplate.of(operation.path()));
        case GET_TO_ONE_RELATED, GET_TO_MANY_RELATED -> relatedPaths
            .computeIfAbsent(operation.type(), t -> new HashMap<>())
            .putIfAbsent(operation.relationship(), PathTemplate.of(operation.path()));
        default -> { }
      }
    }
    for (Operation operation : currentFirst) {
      // Types without a GET of their own still have an address under their collection path.
      if (operation.kind() == OperationKind.UPDATE_INSTANCE || operation.kind() == OperationKind.DELETE_INSTANCE) {
        instancePaths.putIfAbsent(operation.type(), PathTemplate.of(operation.path()));
      } else if (operation.kind() == OperationKind.CREATE_INSTANCE || operation.kind() == OperationKind.GET_COLLECTION) {
        instancePaths.putIfAbsent(operation.type(), PathTemplate.of(operation.path() + "/{id}"));
      }
    }
    // Types only ever seen through another resource (build icons, price points, ...) still carry
    // links.self, as every resource does (api-facts.md §4); Apple's own links for them follow
    // the /v1/{type}/{id} pattern of all other resources.
    for (String type : catalog.types()) {
      instancePaths.putIfAbsent(type, PathTemplate.of("/v1/" + type + "/{id}"));
    }
    collectWriteOnlyRelationships();
  }

  /**
   * Relationships a create or update accepts that no resource schema shows (a subscription
   * group's {@code app}, a phased release's {@code appStoreVersion}): they are stored like any
   * other, but never rendered. When the target type has exactly one relationship back to the
   * owner that is not yet paired (or, for a to-one, exactly one such to-many), that is the same
   * edge seen from the other side: {@code POST /v1/subscriptionGroups} with {@code app} then
   * shows in {@code GET /v1/apps/{id}/subscriptionGroups}. Otherwise the edge is one-directional.
   */
  private void collectWriteOnlyRelationships() {
    for (Operation operation : catalog.operations()) {
      RequestBody request = operation.request();
      if (request == null || request.linkage() || request.type() == null || catalog.type(request.type()).isEmpty()) {
        continue;
      }
      String type = request.type();
      request.relationships().forEach((name, requested) -> {
        if (catalog.relationship(type, name).isEmpty() && catalog.type(requested.target()).isPresent()) {
          writeOnly.computeIfAbsent(type + "." + name, key -> new Relationship(requested.target(), requested.toMany(),
              false, false, false, inverseOfWriteOnly(type, requested).orElse(null)));
        }
      });
    }
  }

  private Optional<String> inverseOfWriteOnly(String type, RequestBody.RequestRelationship requested) {
    List<Map.Entry<String, Relationship>> unpaired = type(requested.target()).relationships().entrySet().stream()
        .filter(e -> e.getValue().target().equals(type) && e.getValue().inverse() == null && e.getValue().alias() == null)
        .toList();
    if (unpaired.size() == 1) {
      return Optional.of(unpaired.get(0).getKey());
    }
    List<Map.Entry<String, Relationship>> toMany = unpaired.stream().filter(e -> e.getValue().toMany()).toList();
    return !requested.toMany() && toMany.size() == 1 ? Optional.of(toMany.get(0).getKey()) : Optional.empty();
  }

  /**
   * Every (type, attribute) a client can filter or sort on, directly or through a dotted filter
   * ({@code filter[preReleaseVersion.version]} indexes preReleaseVersions.version): what the
   * store must index so that a filtered, sorted page is a seek, not a scan.
   */
  public Set<IndexSpec> indexedAttributes() {
    Set<IndexSpec> specs = new LinkedHashSet<>();
    for (Operation operation : catalog.operations()) {
      String listed = listedType(operation);
      if (listed == null || catalog.type(listed).isEmpty()) {
        continue; // reports and other non-JSON:API listings store nothing generic
      }
      ResourceType type = type(listed);
      operation.parameters().forEach((name, parameter) -> {
        if (name.startsWith("filter[") && name.endsWith("]")) {
          String key = name.substring(7, name.length() - 1);
          int dot = key.indexOf('.');
          if (type.attributes().containsKey(key)) {
            specs.add(new IndexSpec(listed, key));
          } else if (dot > 0 && type.relationships().containsKey(key.substring(0, dot))) {
            String target = type.relationships().get(key.substring(0, dot)).target();
            if (type(target).attributes().containsKey(key.substring(dot + 1))) {
              specs.add(new IndexSpec(target, key.substring(dot + 1)));
            }
          }
        } else if (name.equals("sort") && parameter.shape() != null && parameter.shape().items() != null) {
          for (String value : parameter.shape().items().enumValues()) {
            String field = value.startsWith("-") ? value.substring(1) : value;
            if (type.attributes().containsKey(field)) {
              specs.add(new IndexSpec(listed, field));
            }
          }
        }
      });
    }
    return specs;
  }

  /** The type a listing operation returns, or null for operations that list nothing. */
  private String listedType(Operation operation) {
    return switch (operation.kind()) {
      case GET_COLLECTION -> operation.type();
      case GET_TO_MANY_RELATED, GET_TO_MANY_RELATIONSHIP ->
          relationship(operation.type(), operation.relationship()).map(Relationship::target).orElse(null);
      default -> null;
    };
  }

  public CatalogIndex catalog() {
    return catalog;
  }

  public ResourceType type(String type) {
    return catalog.type(type).orElseThrow(() -> new IllegalArgumentException("unknown type " + type));
  }

  /**
   * Whether a type is reference data every team reads, stored once under the global team
   * (api-facts.md §14: not creatable; the same for every account).
   */
  public boolean isGlobal(String type) {
    return ReferenceData.TYPES.contains(type);
  }

  /**
   * The team whose rows and edges hold resources of a type: the global team for reference data
   * (their edges, such as a category's subcategories, are global too), else the caller's.
   */
  public String teamFor(String type, String callerTeam) {
    return isGlobal(type) ? StoredResource.GLOBAL_TEAM : callerTeam;
  }

  /** The schema that renders a resource of this type when no operation names one: its current one. */
  public ResourceSchema defaultSchema(String type) {
    return catalog.schema(type(type).schemas().get(0)).orElseThrow();
  }

  public ResourceSchema schema(String name) {
    return catalog.schema(name).orElseThrow(() -> new IllegalArgumentException("unknown schema " + name));
  }

  /** A relationship of a type: one its schemas show, or one only its writes accept. */
  public Optional<Relationship> relationship(String type, String name) {
    Optional<Relationship> shown = catalog.relationship(type, name);
    return shown.isPresent() ? shown : Optional.ofNullable(writeOnly.get(type + "." + name));
  }

  /**
   * The stored edge of a relationship. The canonical key is the lexically smaller of
   * {@code type.relationship} and its inverse's {@code target.inverse}; an alias reads its
   * canonical relationship's edge; a relationship without inverse is keyed by itself.
   */
  public EdgeRef edge(String type, String name) {
    Relationship relationship = relationship(type, name)
        .orElseThrow(() -> new IllegalArgumentException("unknown relationship " + type + "." + name));
    if (writeOnly.containsKey(type + "." + name) && relationship.inverse() != null) {
      // Its inverse is unpaired in the catalog and keys the edge by itself; read it from this end.
      EdgeRef theirs = edge(relationship.target(), relationship.inverse());
      return new EdgeRef(theirs.relation(), !theirs.typeIsFrom());
    }
    String own = relationship.edgeName(name);
    if (!own.equals(name)) {
      relationship = relationship(type, own).orElse(relationship);
    }
    String mine = type + "." + own;
    if (relationship.inverse() == null) {
      return new EdgeRef(new Relation(mine, type, relationship.target()), true);
    }
    String theirs = relationship.target() + "." + canonicalName(relationship.target(), relationship.inverse());
    if (mine.compareTo(theirs) <= 0) {
      return new EdgeRef(new Relation(mine, type, relationship.target()), true);
    }
    return new EdgeRef(new Relation(theirs, relationship.target(), type), false);
  }

  private String canonicalName(String type, String name) {
    return relationship(type, name).map(r -> r.edgeName(name)).orElse(name);
  }

  /** {@code /v1/apps/{id}} with the id filled in. */
  public String instancePath(String type, String id) {
    return instanceTemplate(type).fill(id);
  }

  public Optional<String> relationshipPath(String type, String id, String relationship) {
    return fill(relationshipPaths, type, relationship, id);
  }

  public Optional<String> relatedPath(String type, String id, String relationship) {
    return fill(relatedPaths, type, relationship, id);
  }

  /** The template of {@link #relationshipPath}, or null: for renderers that fill it per resource. */
  PathTemplate relationshipTemplate(String type, String relationship) {
    Map<String, PathTemplate> ofType = relationshipPaths.get(type);
    return ofType == null ? null : ofType.get(relationship);
  }

  /** The template of {@link #relatedPath}, or null. */
  PathTemplate relatedTemplate(String type, String relationship) {
    Map<String, PathTemplate> ofType = relatedPaths.get(type);
    return ofType == null ? null : ofType.get(relationship);
  }

  /** The template of {@link #instancePath}. */
  PathTemplate instanceTemplate(String type) {
    PathTemplate template = instancePaths.get(type);
    if (template == null) {
      throw new IllegalArgumentException("no path for type " + type);
    }
    return template;
  }

  private static Optional<String> fill(
      Map<String, Map<String, PathTemplate>> paths, String type, String relationship, String id) {
    Map<String, PathTemplate> ofType = paths.get(type);
    PathTemplate template = ofType == null ? null : ofType.get(relationship);
    return template == null ? Optional.empty() : Optional.of(template.fill(id));
  }
}
