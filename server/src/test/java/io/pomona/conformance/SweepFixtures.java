package io.pomona.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.catalog.CatalogIndex;
import io.pomona.catalog.Operation;
import io.pomona.catalog.ReferenceData;
import io.pomona.catalog.ReferenceResource;
import io.pomona.catalog.ResourceType;
import io.pomona.engine.Resources;
import io.pomona.jsonapi.BodyValidator;
import io.pomona.jsonapi.SampleBodies;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resources a sweep needs, made through the internal API: a long-lived "subject" of each type
 * (the target of links and of ids in request bodies) and fresh resources for operations that
 * change or consume what they touch. Every resource carries a schema-valid value for each of its
 * type's attributes, so documents render real attributes.
 */
public final class SweepFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Types whose subject must belong to a resource of another type for a domain rule to accept it,
   * as (owner type, the owner's relationship that holds it). A redelivery's template must be a
   * delivery of a webhook (409 otherwise), so the delivery subject is made as one.
   */
  private static final Map<String, Owner> OWNERS = Map.of("webhookDeliveries", new Owner("webhooks", "deliveries"));

  private record Owner(String type, String relationship) {}

  private final CatalogIndex catalog;
  private final Resources resources;
  private final String teamId;
  private final SampleBodies samples;
  private final ReferenceData referenceData;
  private final Map<String, String> subjects = new HashMap<>();
  private final Map<String, Map<String, Object>> attributesByType = new HashMap<>();
  private final DomainSamples domainSamples = new DomainSamples();
  private int created;

  public SweepFixtures(CatalogIndex catalog, Resources resources, String teamId, ReferenceData referenceData) {
    this.catalog = catalog;
    this.resources = resources;
    this.teamId = teamId;
    this.referenceData = referenceData;
    this.samples = new SampleBodies(
        catalog.catalog().shapes(), BodyValidator.includedSchemas(catalog.catalog()), this::subject);
  }

  /** Bodies whose related ids are the subjects of their types. */
  public SampleBodies samples() {
    return samples;
  }

  /**
   * The long-lived resource of a type: a shipped one for reference data (territories, ...),
   * otherwise one made on first use.
   */
  public String subject(String type) {
    String existing = subjects.get(type);
    if (existing != null) {
      return existing;
    }
    String id = ReferenceData.TYPES.contains(type)
        ? referenceData.of(type).stream().map(ReferenceResource::id).findFirst().orElseThrow()
        : fresh(type, Map.of());
    Owner owner = OWNERS.get(type);
    if (owner != null) {
      fresh(owner.type(), Map.of(owner.relationship(), List.of(id)));
    }
    subjects.put(type, id);
    return id;
  }

  /** A new resource of a type, linked through the named relationships to the given ids. */
  public String fresh(String type, Map<String, List<String>> links) {
    return fresh(type, Map.of(), links);
  }

  /** As {@link #fresh(String, Map)}, with some attributes other than the type's sample ones. */
  public String fresh(String type, Map<String, Object> attributeChanges, Map<String, List<String>> links) {
    created++;
    Map<String, Object> attributes = domainSamples.apply(type, new LinkedHashMap<>(attributes(type)));
    attributes.putAll(attributeChanges);
    return resources.create(teamId, type, Optional.empty(), attributes, links).id();
  }

  /** A create or update body for an operation, with values its domain rules accept. */
  public ObjectNode body(Operation operation, Optional<String> pathId) {
    return domainSamples.apply(operation.type(), samples.fullResource(operation, pathId));
  }

  /** The internal API the fixtures are made through, for probes that prepare more than a resource. */
  public Resources resources() {
    return resources;
  }

  public String teamId() {
    return teamId;
  }

  /** The attributes every fixture of a type carries. */
  public Map<String, Object> attributes(String type) {
    return attributesByType.computeIfAbsent(type, this::sampleAttributes);
  }

  /** How many resources the sweep made. */
  public int created() {
    return created;
  }

  private Map<String, Object> sampleAttributes(String type) {
    ResourceType resourceType = catalog.type(type).orElseThrow(() -> new IllegalArgumentException("unknown type " + type));
    Map<String, Object> attributes = new LinkedHashMap<>();
    resourceType.attributes().forEach((name, shape) ->
        attributes.put(name, JSON.convertValue(samples.value(shape, name, true), Object.class)));
    DOMAIN_LEFT_OUT.getOrDefault(type, List.of()).forEach(attributes::remove);
    attributes.putAll(DomainPreparations.FIXTURE_ATTRIBUTES.getOrDefault(type, Map.of()));
    return attributes;
  }

  /** Attributes Apple fills in that a fixture must not fake: a file's upload reservation is made for real. */
  private static final Map<String, List<String>> DOMAIN_LEFT_OUT = leftOut();

  private static Map<String, List<String>> leftOut() {
    Map<String, List<String>> leftOut = new HashMap<>();
    List<String> reservation = List.of("assetToken", "uploadOperations", "assetDeliveryState", "videoDeliveryState");
    leftOut.put("buildUploadFiles", reservation);
    MediaProbes.TYPES.forEach(type -> leftOut.put(type, reservation));
    return Map.copyOf(leftOut);
  }
}
