package io.pomona.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pomona.account.Team;
import io.pomona.engine.EdgeRef;
import io.pomona.engine.Model;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.Page;
import io.pomona.store.Relation;
import io.pomona.store.Store;
import io.pomona.store.StoredEdge;
import io.pomona.store.StoredResource;
import io.pomona.store.TeamStateCount;
import io.pomona.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A team's whole state as one JSON document, and back: every resource with its id, attributes,
 * times, version and {@code seq} (which orders lists and appears inside paging cursors), every
 * edge with its position, and the {@link StateSection sections} kept elsewhere (events,
 * transitions). Importing what was exported, into the same server after a reset, reproduces every
 * API response byte for byte, {@code links} and {@code meta} included.
 *
 * <p>Reset deletes a team's resources, edges and sections, and keeps the team and its API keys, so
 * clients keep working against an empty team (the way CI runs start over).
 *
 * <p>Document ({@value #FORMAT}, version {@value #FORMAT_VERSION}):
 *
 * <pre>{@code
 * {"format": "pomona-team-state", "formatVersion": 1, "catalogVersion": "4.4.1",
 *  "exportedAt": "...", "team": {"id", "issuerId", "name"},
 *  "resources": [{"type", "id", "seq", "version", "createdAt", "updatedAt", "attributes": {...}}],
 *  "edges": [{"relation", "fromType", "fromId", "toType", "toId", "position"}],
 *  "<section>": ...}
 * }</pre>
 */
public final class TeamSnapshots {
  public static final String FORMAT = "pomona-team-state";
  public static final int FORMAT_VERSION = 1;

  private static final int PAGE = 1000;

  private final Store store;
  private final Model model;
  private final ObjectMapper json;
  private final String catalogVersion;
  private final Clock clock;
  private final List<StateSection> sections;

  public TeamSnapshots(Store store, Model model, ObjectMapper json, String catalogVersion, Clock clock,
      List<StateSection> sections) {
    this.store = store;
    this.model = model;
    this.json = json;
    this.catalogVersion = catalogVersion;
    this.clock = clock;
    this.sections = List.copyOf(sections);
  }

  /** The team's whole state, read in one consistent snapshot. */
  public ObjectNode export(Team team) {
    return store.read(tx -> {
      ObjectNode document = json.createObjectNode();
      document.put("format", FORMAT);
      document.put("formatVersion", FORMAT_VERSION);
      document.put("catalogVersion", catalogVersion);
      document.put("exportedAt", clock.instant().toString());
      ObjectNode teamNode = document.putObject("team");
      teamNode.put("id", team.id());
      teamNode.put("issuerId", team.issuerId());
      teamNode.put("name", team.name());
      ArrayNode resources = document.putArray("resources");
      Optional<Long> afterSeq = Optional.empty();
      Page<StoredResource> page;
      do {
        page = tx.teamResources(team.id(), afterSeq, PAGE);
        page.items().forEach(resource -> resources.add(resourceNode(resource)));
        afterSeq = page.last().map(StoredResource::seq);
      } while (page.hasMore());
      ArrayNode edges = document.putArray("edges");
      Optional<StoredEdge> afterEdge = Optional.empty();
      Page<StoredEdge> edgePage;
      do {
        edgePage = tx.teamEdges(team.id(), afterEdge, PAGE);
        edgePage.items().forEach(edge -> edges.add(edgeNode(edge)));
        afterEdge = edgePage.last();
      } while (edgePage.hasMore());
      for (StateSection section : sections) {
        document.set(section.name(), section.export(tx, team.id()));
      }
      return document;
    });
  }

  /**
   * Writes an exported state into a team, in one transaction. A team that already has resources
   * is refused with 409 unless {@code replace}, which resets it first. A malformed document is a
   * 400 naming the first problem; nothing is written then.
   */
  public ImportReport importState(Team team, JsonNode document, boolean replace) {
    Parsed parsed = parse(team.id(), document);
    return store.transaction(tx -> {
      if (replace) {
        clear(tx, team.id());
      } else if (!tx.teamResources(team.id(), Optional.empty(), 1).items().isEmpty()) {
        throw new ApiException(new ApiError(409, "STATE_ERROR", "The team already has state",
            "Team " + team.id() + " already has resources; reset it first or import with replace."));
      }
      requireGlobalTargets(tx, parsed);
      boolean seqsKept = tx.restoreResources(parsed.resources());
      tx.restoreEdges(team.id(), parsed.edges());
      for (StateSection section : sections) {
        JsonNode part = document.path(section.name());
        if (!part.isMissingNode() && !part.isNull()) {
          section.restore(tx, team.id(), part);
        }
      }
      return new ImportReport(parsed.resources().size(), parsed.edges().size(), seqsKept);
    });
  }

  /** Deletes the team's resources, edges and sections; the team and its keys stay. */
  public ResetReport reset(Team team) {
    return store.transaction(tx -> clear(tx, team.id()));
  }

  private ResetReport clear(Tx tx, String teamId) {
    TeamStateCount count = tx.clearTeamState(teamId);
    Map<String, Long> cleared = new LinkedHashMap<>();
    for (StateSection section : sections) {
      cleared.put(section.name(), section.clear(tx, teamId));
    }
    return new ResetReport(count.resources(), count.edges(), cleared);
  }

  // ---- writing ----

  private ObjectNode resourceNode(StoredResource resource) {
    ObjectNode node = json.createObjectNode();
    node.put("type", resource.type());
    node.put("id", resource.id());
    node.put("seq", resource.seq());
    node.put("version", resource.version());
    node.put("createdAt", resource.createdAt().toString());
    node.put("updatedAt", resource.updatedAt().toString());
    node.set("attributes", json.valueToTree(resource.attributes()));
    return node;
  }

  private ObjectNode edgeNode(StoredEdge edge) {
    ObjectNode node = json.createObjectNode();
    node.put("relation", edge.relation().key());
    node.put("fromType", edge.relation().fromType());
    node.put("fromId", edge.fromId());
    node.put("toType", edge.relation().toType());
    node.put("toId", edge.toId());
    node.put("position", edge.position());
    return node;
  }

  // ---- reading, with a 400 for anything off ----

  private record Parsed(List<StoredResource> resources, List<StoredEdge> edges) {}

  private Parsed parse(String teamId, JsonNode document) {
    if (document == null || !document.isObject()) {
      throw invalid("", "the document must be a JSON object");
    }
    if (!FORMAT.equals(document.path("format").asText(null))) {
      throw invalid("/format", "must be '" + FORMAT + "' (a file written by `pomona export`)");
    }
    if (!document.path("formatVersion").isIntegralNumber() || document.path("formatVersion").asInt() != FORMAT_VERSION) {
      throw invalid("/formatVersion", "must be " + FORMAT_VERSION);
    }
    JsonNode resourceNodes = array(document, "resources", "/resources");
    List<StoredResource> resources = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < resourceNodes.size(); i++) {
      StoredResource resource = resource(teamId, resourceNodes.get(i), "/resources/" + i);
      if (!keys.add(resource.type() + "/" + resource.id())) {
        throw invalid("/resources/" + i, "repeats " + resource.type() + " '" + resource.id() + "'");
      }
      resources.add(resource);
    }
    JsonNode edgeNodes = array(document, "edges", "/edges");
    List<StoredEdge> edges = new ArrayList<>();
    Set<String> edgeKeys = new HashSet<>();
    for (int i = 0; i < edgeNodes.size(); i++) {
      String pointer = "/edges/" + i;
      StoredEdge edge = edge(edgeNodes.get(i), pointer);
      if (!edgeKeys.add(edge.relation().key() + "\n" + edge.fromId() + "\n" + edge.toId())) {
        throw invalid(pointer, "repeats a link of " + edge.relation().key());
      }
      requireEnd(keys, edge.relation().fromType(), edge.fromId(), pointer + "/fromId");
      requireEnd(keys, edge.relation().toType(), edge.toId(), pointer + "/toId");
      edges.add(edge);
    }
    return new Parsed(resources, edges);
  }

  private StoredResource resource(String teamId, JsonNode node, String pointer) {
    if (!node.isObject()) {
      throw invalid(pointer, "must be an object");
    }
    String type = text(node, "type", pointer);
    if (model.catalog().type(type).isEmpty()) {
      throw invalid(pointer + "/type", "'" + type + "' is not a resource type of API " + catalogVersion);
    }
    if (model.isGlobal(type)) {
      throw invalid(pointer + "/type", "'" + type + "' is reference data shared by all teams, not a team's state");
    }
    JsonNode attributes = node.path("attributes");
    if (!attributes.isObject()) {
      throw invalid(pointer + "/attributes", "must be an object");
    }
    long version = positive(node, "version", pointer);
    return new StoredResource(teamId, type, text(node, "id", pointer),
        json.convertValue(attributes, json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class)),
        instant(node, "createdAt", pointer), instant(node, "updatedAt", pointer), version,
        positive(node, "seq", pointer));
  }

  private StoredEdge edge(JsonNode node, String pointer) {
    if (!node.isObject()) {
      throw invalid(pointer, "must be an object");
    }
    String key = text(node, "relation", pointer);
    String fromType = text(node, "fromType", pointer);
    String toType = text(node, "toType", pointer);
    Relation relation = new Relation(key, fromType, toType);
    if (!key.startsWith(fromType + ".") || !canonical(relation, key.substring(fromType.length() + 1))) {
      throw invalid(pointer + "/relation", "'" + key + "' from " + fromType + " to " + toType
          + " is not a relationship of API " + catalogVersion);
    }
    JsonNode position = node.path("position");
    if (!position.isIntegralNumber() || position.asLong() < 0) {
      throw invalid(pointer + "/position", "must be a whole number of at least 0");
    }
    return new StoredEdge(relation, text(node, "fromId", pointer), text(node, "toId", pointer), position.asLong());
  }

  /** Whether {@code relation} is exactly how the engine stores relationship {@code name}. */
  private boolean canonical(Relation relation, String name) {
    if (model.catalog().type(relation.fromType()).isEmpty() || model.relationship(relation.fromType(), name).isEmpty()) {
      return false;
    }
    EdgeRef edge = model.edge(relation.fromType(), name);
    return edge.typeIsFrom() && edge.relation().equals(relation);
  }

  private void requireEnd(Set<String> imported, String type, String id, String pointer) {
    if (!model.isGlobal(type) && !imported.contains(type + "/" + id)) {
      throw invalid(pointer, "links to " + type + " '" + id + "', which the document does not hold");
    }
  }

  /** Links to reference data (territories, categories) must find it on this server. */
  private void requireGlobalTargets(Tx tx, Parsed parsed) {
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    for (StoredEdge edge : parsed.edges()) {
      if (model.isGlobal(edge.relation().fromType())) {
        wanted.computeIfAbsent(edge.relation().fromType(), t -> new LinkedHashSet<>()).add(edge.fromId());
      }
      if (model.isGlobal(edge.relation().toType())) {
        wanted.computeIfAbsent(edge.relation().toType(), t -> new LinkedHashSet<>()).add(edge.toId());
      }
    }
    wanted.forEach((type, ids) -> {
      Set<String> missing = new LinkedHashSet<>(ids);
      tx.getAll(StoredResource.GLOBAL_TEAM, type, true, ids).forEach(found -> missing.remove(found.id()));
      if (!missing.isEmpty()) {
        throw invalid("/edges", "links to " + type + " " + missing + ", which this server's reference data lacks");
      }
    });
  }

  private static JsonNode array(JsonNode document, String name, String pointer) {
    JsonNode node = document.path(name);
    if (!node.isArray()) {
      throw invalid(pointer, "must be an array");
    }
    return node;
  }

  private static String text(JsonNode node, String name, String pointer) {
    JsonNode value = node.path(name);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw invalid(pointer + "/" + name, "must be a non-empty string");
    }
    return value.asText();
  }

  private static long positive(JsonNode node, String name, String pointer) {
    JsonNode value = node.path(name);
    if (!value.isIntegralNumber() || value.asLong() < 1) {
      throw invalid(pointer + "/" + name, "must be a whole number of at least 1");
    }
    return value.asLong();
  }

  private static Instant instant(JsonNode node, String name, String pointer) {
    String text = text(node, name, pointer);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(pointer + "/" + name, "must be an ISO-8601 instant such as 2026-03-01T09:30:00.123Z");
    }
  }

  private static ApiException invalid(String pointer, String problem) {
    return Errors.entityInvalid("The state document is invalid at '" + pointer + "': " + problem);
  }

  /** What an import wrote. */
  public record ImportReport(long resources, long edges, boolean seqsPreserved) {}

  /** What a reset deleted: resources, edges, and entries per section. */
  public record ResetReport(long resources, long edges, Map<String, Long> sections) {
    public ResetReport {
      sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }
  }
}
