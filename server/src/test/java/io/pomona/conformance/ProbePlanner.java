package io.pomona.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.catalog.CatalogIndex;
import io.pomona.catalog.Operation;
import io.pomona.catalog.Parameter;
import io.pomona.catalog.ReferenceData;
import io.pomona.catalog.Relationship;
import io.pomona.catalog.ResourceType;
import io.pomona.catalog.Shape;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Builds a valid request for any catalog operation, preparing what it needs first: the resource
 * its path names, a related resource linked to it so that related and relationship reads return
 * data, linked resources for every allowed {@code include} so that {@code included} is rendered
 * (and checked), values for required query parameters that the listed resource matches, bodies
 * whose relationships point at existing resources, and a fresh resource for every write that
 * changes or deletes one.
 */
public final class ProbePlanner {
  private final CatalogIndex catalog;
  private final SweepFixtures fixtures;
  private final DomainProbes domainProbes;

  public ProbePlanner(CatalogIndex catalog, SweepFixtures fixtures, DomainProbes domainProbes) {
    this.catalog = catalog;
    this.fixtures = fixtures;
    this.domainProbes = domainProbes;
  }

  /** Probes for the operations whose success needs a domain state the generic fixtures do not make. */
  public interface DomainProbes {
    Optional<Probe> plan(Operation operation);

    DomainProbes NONE = operation -> Optional.empty();
  }

  /** A probe of {@code operation} on resource {@code id} (or its collection) with a body. */
  public Probe probe(Operation operation, String id, Optional<JsonNode> body) {
    return probe(operation, id, "", body);
  }

  public Probe plan(Operation operation) {
    Optional<Probe> prepared = domainProbes.plan(operation);
    if (prepared.isPresent()) {
      return prepared.get();
    }
    String type = operation.type();
    return switch (operation.kind()) {
      case GET_COLLECTION -> listing(operation, type);
      case GET_INSTANCE -> {
        Map<String, List<String>> links = new LinkedHashMap<>();
        List<String> include = includes(operation, type, links);
        String id = fixtures.fresh(type, links);
        yield probe(operation, id, query(operation, type, Optional.of(id), include), Optional.empty());
      }
      case CREATE_INSTANCE ->
          probe(operation, null, query(operation, type, Optional.empty(), List.of()),
              Optional.of(fixtures.body(operation, Optional.empty())));
      case UPDATE_INSTANCE -> {
        String id = fixtures.fresh(type, Map.of());
        yield probe(operation, id, "", Optional.of(fixtures.body(operation, Optional.of(id))));
      }
      case DELETE_INSTANCE -> probe(operation, fixtures.fresh(type, Map.of()), "", Optional.empty());
      case GET_TO_MANY_RELATED, GET_TO_ONE_RELATED -> related(operation);
      case GET_TO_MANY_RELATIONSHIP, GET_TO_ONE_RELATIONSHIP -> {
        String target = relationship(operation).target();
        String id = fixtures.fresh(type, Map.of(operation.relationship(), List.of(fixtures.subject(target))));
        yield probe(operation, id, "", Optional.empty());
      }
      case UPDATE_TO_ONE_RELATIONSHIP, CREATE_TO_MANY_RELATIONSHIP, REPLACE_TO_MANY_RELATIONSHIP ->
          probe(operation, fixtures.fresh(type, Map.of()), "", Optional.of(fixtures.samples().linkage(operation)));
      case DELETE_TO_MANY_RELATIONSHIP -> {
        String target = operation.request().type();
        String id = fixtures.fresh(type, Map.of(operation.relationship(), List.of(fixtures.subject(target))));
        yield probe(operation, id, "", Optional.of(fixtures.samples().linkage(operation)));
      }
      case GET_METRICS -> {
        String id = fixtures.fresh(type, Map.of());
        yield probe(operation, id, query(operation, type, Optional.empty(), List.of()), Optional.empty());
      }
    };
  }

  /**
   * A request for an operation the engine does not serve generically (reports, metrics, other
   * non-JSON:API answers): its path's resource and its required parameters, nothing more.
   */
  public Probe planCustom(Operation operation) {
    Optional<String> id = operation.path().contains("{id}")
        ? Optional.of(fixtures.fresh(operation.type(), Map.of())) : Optional.empty();
    return probe(operation, id.orElse(null), query(operation, null, Optional.empty(), List.of()), Optional.empty());
  }

  /** A related read: the related resource (with its includes linked) linked to a fresh resource. */
  private Probe related(Operation operation) {
    String target = relationship(operation).target();
    Map<String, List<String>> links = new LinkedHashMap<>();
    List<String> include = includes(operation, target, links);
    String relatedId = isReference(target) ? fixtures.subject(target) : fixtures.fresh(target, links);
    String id = fixtures.fresh(operation.type(), Map.of(operation.relationship(), List.of(relatedId)));
    return probe(operation, id, query(operation, target, Optional.of(relatedId), include), Optional.empty());
  }

  /** A collection read: a resource of the type that matches the required filters and has its includes linked. */
  private Probe listing(Operation operation, String type) {
    if (isReference(type)) {
      return probe(operation, null, query(operation, type, Optional.empty(), includeNames(operation)), Optional.empty());
    }
    Map<String, List<String>> links = new LinkedHashMap<>();
    List<String> include = includes(operation, type, links);
    operation.parameters().forEach((name, parameter) -> {
      String key = filterKey(name);
      if (parameter.required() && key != null && relationshipOf(type, key).isPresent()) {
        links.put(key, List.of(fixtures.subject(relationshipOf(type, key).get().target())));
      }
    });
    String id = fixtures.fresh(type, links);
    return probe(operation, null, query(operation, type, Optional.of(id), include), Optional.empty());
  }

  /**
   * The allowed includes, each linked (in {@code links}) to the subject of its target type.
   * Reference data (shared by all teams) links only to reference data.
   */
  private List<String> includes(Operation operation, String listedType, Map<String, List<String>> links) {
    List<String> names = includeNames(operation);
    for (String name : names) {
      relationshipOf(listedType, name)
          .filter(relationship -> !isReference(listedType) || isReference(relationship.target()))
          .ifPresent(relationship -> links.put(name, List.of(fixtures.subject(relationship.target()))));
    }
    return names;
  }

  private static List<String> includeNames(Operation operation) {
    Parameter include = operation.parameters().get("include");
    if (include == null || include.shape() == null) {
      return List.of();
    }
    Shape items = include.shape().items() != null ? include.shape().items() : include.shape();
    return items.enumValues();
  }

  /**
   * The query: the includes, and a value for each required parameter that the listed resource
   * ({@code listedId} of {@code listedType}) matches: its id, the subject it links to, its
   * attribute's value; otherwise the first allowed value.
   */
  private String query(Operation operation, String listedType, Optional<String> listedId, List<String> include) {
    StringJoiner query = new StringJoiner("&");
    if (!include.isEmpty()) {
      query.add("include=" + String.join(",", include));
    }
    operation.parameters().forEach((name, parameter) -> {
      if (parameter.required()) {
        query.add(name + "=" + encode(requiredValue(name, parameter, listedType, listedId)));
      }
    });
    return query.toString();
  }

  private String requiredValue(String name, Parameter parameter, String listedType, Optional<String> listedId) {
    String key = filterKey(name);
    if (key != null && listedType != null) {
      if (key.equals("id") && listedId.isPresent()) {
        return listedId.get();
      }
      Optional<Relationship> relationship = relationshipOf(listedType, key);
      if (relationship.isPresent()) {
        return fixtures.subject(relationship.get().target());
      }
      Object attribute = catalog.type(listedType).map(ResourceType::attributes).orElse(Map.of()).containsKey(key)
          ? fixtures.attributes(listedType).get(key) : null;
      if (attribute instanceof String || attribute instanceof Number || attribute instanceof Boolean) {
        return attribute.toString();
      }
    }
    if (key != null && listedType == null) {
      // A custom operation's filter on a related resource, e.g. filter[apps] on beta tester usages.
      Optional<String> target = catalog.type(key).map(ResourceType::type);
      if (target.isPresent()) {
        return fixtures.subject(target.get());
      }
    }
    Shape shape = parameter.shape() == null ? Shape.of("string") : parameter.shape();
    Shape items = shape.items() != null ? shape.items() : shape;
    Shape resolved = items.isRef() ? catalog.resolve(items) : items;
    if (!resolved.enumValues().isEmpty()) {
      return resolved.enumValues().get(0);
    }
    JsonNode sample = fixtures.samples().value(resolved, key == null ? name : key, false);
    return sample.isTextual() ? sample.asText() : sample.toString();
  }

  /** A probe of {@code operation} on resource {@code id} (or its collection) with a query and a body. */
  public Probe probe(Operation operation, String id, String query, Optional<JsonNode> body) {
    body.ifPresent(document -> DomainPreparations.prepare(operation.id(), document, fixtures));
    String path = id == null ? operation.path() : operation.path().replace("{id}", encode(id));
    return new Probe(operation, query.isEmpty() ? path : path + "?" + query, body);
  }

  private Relationship relationship(Operation operation) {
    return relationshipOf(operation.type(), operation.relationship())
        .orElseThrow(() -> new IllegalStateException(operation.id() + " names an unknown relationship"));
  }

  private Optional<Relationship> relationshipOf(String type, String name) {
    return catalog.relationship(type, name).filter(r -> catalog.type(r.target()).isPresent());
  }

  private static boolean isReference(String type) {
    return ReferenceData.TYPES.contains(type);
  }

  /** {@code filter[app]} → {@code app}; other names → null. */
  private static String filterKey(String name) {
    return name.startsWith("filter[") && name.endsWith("]") ? name.substring(7, name.length() - 1) : null;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
