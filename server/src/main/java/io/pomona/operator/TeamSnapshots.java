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
import io.pomona.store.Event;
import io.pomona.store.Page;
import io.pomona.store.Relation;
import io.pomona.store.Store;
import io.pomona.store.StoredEdge;
import io.pomona.store.StoredResource;
import io.pomona.store.TeamStateCount;
import io.pomona.store.Transition;
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
 * edge with its position, the event log and the simulated processes' transitions (pending ones
 * fire after an import as they would have). Importing what was exported, into the same server
 * after a reset, reproduces every API response byte for byte, {@code links} and {@code meta}
 * included. Importing writes rows as they were: it records no new events.
 *
 * <p>Reset deletes a team's resources, edges, events and transitions, and keeps the team and its
 * API keys, so clients keep working against an empty team (the way CI runs start over).
 *
 * <p>Document ({@value #FORMAT}, version {@value #FORMAT_VERSION}):
 *
 * <pre>{@code
 * {"format": "pomona-team-state", "formatVersion": 1, "catalogVersion": "4.4.1",
 *  "exportedAt": "...", "team": {"id", "issuerId", "name"},
 *  "resources": [{"type", "id", "seq", "version", "createdAt", "updatedAt", "attributes": {...}}],
 *  "edges": [{"relation", "fromType", "fromId", "toType", "toId", "position"}],
 *  "events": [{"seq", "at", "eventType", "resourceType", "resourceId", "oldState"?, "newState"?,
 *              "payload": {...}}],
 *  "transitions": [{"id", "process", "resourceType", "resourceId", "from", "to"?, "dueAt"?, "state",
 *                   "outcome"?, "reason"?, "createdAt", "finishedAt"?}]}
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
  private final StateJson stateJson;

  /** @param clock stamps {@code exportedAt} (real time: an export is the operator's act) */
  public TeamSnapshots(Store store, Model model, ObjectMapper json, String catalogVersion, Clock clock) {
    this.store = store;
    this.model = model;
    this.json = json;
    this.catalogVersion = catalogVersion;
    this.clock = clock;
    this.stateJson = new StateJson(json);
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
      ArrayNode events = document.putArray("events");
      Optional<Long> afterEvent = Optional.empty();
      List<Event> eventPage;
      do {
        eventPage = tx.events(team.id(), afterEvent, PAGE);
        eventPage.forEach(event -> events.add(stateJson.event(event, false)));
        afterEvent = eventPage.isEmpty() ? afterEvent : Optional.of(eventPage.get(eventPage.size() - 1).seq());
      } while (eventPage.size() == PAGE);
      ArrayNode transitions = document.putArray("transitions");
      Optional<Long> afterTransition = Optional.empty();
      List<Transition> transitionPage;
      do {
        transitionPage = tx.teamTransitions(team.id(), afterTransition, PAGE);
        transitionPage.forEach(transition -> transitions.add(stateJson.transition(transition, false)));
        afterTransition = transitionPage.isEmpty() ? afterTransition
            : Optional.of(transitionPage.get(transitionPage.size() - 1).id());
      } while (transitionPage.size() == PAGE);
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
      boolean eventSeqsKept = tx.restoreEvents(parsed.events());
      boolean transitionIdsKept = tx.restoreTransitions(parsed.transitions());
      return new ImportReport(parsed.resources().size(), parsed.edges().size(), parsed.events().size(),
          parsed.transitions().size(), seqsKept, eventSeqsKept, transitionIdsKept);
    });
  }

  /** Deletes the team's resources, edges, events and transitions; the team and its keys stay. */
  public ResetReport reset(Team team) {
    return store.transaction(tx -> clear(tx, team.id()));
  }

  private static ResetReport clear(Tx tx, String teamId) {
    TeamStateCount count = tx.clearTeamState(teamId);
    return new ResetReport(count.resources(), count.edges(), count.events(), count.transitions());
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

  private record Parsed(List<StoredResource> resources, List<StoredEdge> edges, List<Event> events,
      List<Transition> transitions) {}

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
    List<Event> events = new ArrayList<>();
    JsonNode eventNodes = optionalArray(document, "events");
    for (int i = 0; i < eventNodes.size(); i++) {
      events.add(event(teamId, eventNodes.get(i), "/events/" + i));
    }
    List<Transition> transitions = new ArrayList<>();
    JsonNode transitionNodes = optionalArray(document, "transitions");
    for (int i = 0; i < transitionNodes.size(); i++) {
      transitions.add(transition(teamId, transitionNodes.get(i), "/transitions/" + i));
    }
    return new Parsed(resources, edges, events, transitions);
  }

  private Event event(String teamId, JsonNode node, String pointer) {
    if (!node.isObject()) {
      throw invalid(pointer, "must be an object");
    }
    JsonNode payload = node.path("payload");
    if (!payload.isObject()) {
      throw invalid(pointer + "/payload", "must be an object");
    }
    return new Event(positive(node, "seq", pointer), teamId, instant(node, "at", pointer),
        text(node, "eventType", pointer), text(node, "resourceType", pointer), text(node, "resourceId", pointer),
        optionalText(node, "oldState", pointer), optionalText(node, "newState", pointer), map(payload));
  }

  private static Transition transition(String teamId, JsonNode node, String pointer) {
    if (!node.isObject()) {
      throw invalid(pointer, "must be an object");
    }
    String stateName = text(node, "state", pointer);
    Transition.State state;
    try {
      state = Transition.State.valueOf(stateName);
    } catch (IllegalArgumentException e) {
      throw invalid(pointer + "/state", "must be one of PENDING, FIRED, CANCELLED");
    }
    Optional<String> to = optionalText(node, "to", pointer);
    Optional<Instant> dueAt = optionalText(node, "dueAt", pointer).map(text -> instant(node, "dueAt", pointer));
    if (dueAt.isPresent() && to.isEmpty()) {
      throw invalid(pointer + "/to", "a timed transition needs the state it moves to");
    }
    return new Transition(positive(node, "id", pointer), teamId, text(node, "process", pointer),
        text(node, "resourceType", pointer), text(node, "resourceId", pointer), text(node, "from", pointer), to,
        dueAt, state, optionalText(node, "outcome", pointer), optionalText(node, "reason", pointer),
        instant(node, "createdAt", pointer),
        optionalText(node, "finishedAt", pointer).map(text -> instant(node, "finishedAt", pointer)));
  }

  private Map<String, Object> map(JsonNode object) {
    return json.convertValue(object,
        json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
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
    return new StoredResource(teamId, type, text(node, "id", pointer), map(attributes),
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

  /** An array that older documents may lack (events and transitions came in with the simulation). */
  private static JsonNode optionalArray(JsonNode document, String name) {
    JsonNode node = document.path(name);
    if (node.isMissingNode() || node.isNull()) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
    if (!node.isArray()) {
      throw invalid("/" + name, "must be an array");
    }
    return node;
  }

  private static Optional<String> optionalText(JsonNode node, String name, String pointer) {
    JsonNode value = node.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw invalid(pointer + "/" + name, "must be a string");
    }
    return Optional.of(value.asText());
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

  /**
   * What an import wrote, and whether resource seqs, event seqs and transition ids kept their
   * exported values (they do unless another team's rows hold them, as when copying a team
   * beside the original).
   */
  public record ImportReport(long resources, long edges, long events, long transitions, boolean seqsPreserved,
      boolean eventSeqsPreserved, boolean transitionIdsPreserved) {}

  /** What a reset deleted. */
  public record ResetReport(long resources, long edges, long events, long transitions) {}
}
