package io.pomona.store.jdbc;

import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import io.pomona.store.Edge;
import io.pomona.store.Event;
import io.pomona.store.IndexSpec;
import io.pomona.store.NewEvent;
import io.pomona.store.NewTransition;
import io.pomona.store.Page;
import io.pomona.store.Relation;
import io.pomona.store.ResourcePage;
import io.pomona.store.ResourceQuery;
import io.pomona.store.StoredEdge;
import io.pomona.store.StoredResource;
import io.pomona.store.TeamStateCount;
import io.pomona.store.Transition;
import io.pomona.store.Tx;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One transaction on either database: hands each operation to the SQL class of its table family.
 * The SQL is shared; what differs comes from the connection's {@link Dialect} and the store's own
 * {@link ResourceQueries}.
 */
public final class JdbcTx implements Tx {
  private final Instant now;
  private final AccountSql accounts;
  private final ResourceSql resources;
  private final EdgeSql edges;
  private final ResourceQueries queries;
  private final TeamStateSql teamState;
  private final EventSql events;
  private final TransitionSql transitions;
  private final SettingSql settings;

  private final Optional<SnapshotRows.InTransaction> snapshot;

  public JdbcTx(Jdbc jdbc, Json json, Instant now, ResourceQueries queries) {
    this(jdbc, json, now, queries, Optional.empty());
  }

  /** @param snapshot the connection's kept rows, for a read transaction on a store that keeps them */
  public JdbcTx(Jdbc jdbc, Json json, Instant now, ResourceQueries queries,
      Optional<SnapshotRows.InTransaction> snapshot) {
    this.snapshot = snapshot;
    this.now = now;
    this.accounts = new AccountSql(jdbc, json);
    this.resources = new ResourceSql(jdbc, json);
    this.edges = new EdgeSql(jdbc);
    this.queries = queries;
    this.teamState = new TeamStateSql(jdbc, json);
    this.events = new EventSql(jdbc, json);
    this.transitions = new TransitionSql(jdbc);
    this.settings = new SettingSql(jdbc);
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public Team createTeam(Team team) {
    return accounts.createTeam(team);
  }

  @Override
  public List<Team> teams() {
    return accounts.teams();
  }

  @Override
  public Optional<Team> findTeam(String teamId) {
    return accounts.findTeam(teamId);
  }

  @Override
  public Optional<Team> findTeamByIssuer(String issuerId) {
    return accounts.findTeamByIssuer(issuerId);
  }

  @Override
  public ApiKey insertKey(ApiKey key) {
    return accounts.insertKey(key);
  }

  @Override
  public List<ApiKey> keys(String teamId) {
    return accounts.keys(teamId);
  }

  @Override
  public Optional<ApiKey> findKey(String keyId) {
    return accounts.findKey(keyId);
  }

  @Override
  public ApiKey revokeKey(String keyId, Instant at) {
    return accounts.revokeKey(keyId, at);
  }

  @Override
  public StoredResource insert(
      String teamId, String type, String id, Map<String, Object> attributes) {
    return resources.insert(teamId, type, id, attributes, now);
  }

  @Override
  public Optional<StoredResource> get(String teamId, String type, String id) {
    return resources.get(teamId, type, id);
  }

  @Override
  public StoredResource update(
      String teamId, String type, String id, Map<String, Object> attributes) {
    return resources.update(teamId, type, id, attributes, Optional.empty(), now);
  }

  @Override
  public StoredResource update(
      String teamId, String type, String id, Map<String, Object> attributes, long expectedVersion) {
    return resources.update(teamId, type, id, attributes, Optional.of(expectedVersion), now);
  }

  @Override
  public void delete(String teamId, String type, String id) {
    resources.delete(teamId, type, id);
    edges.deleteTouching(teamId, type, id);
  }

  @Override
  public Page<StoredResource> list(String teamId, String type, Optional<Long> afterSeq, int limit) {
    return resources.list(teamId, type, afterSeq, limit);
  }

  @Override
  public ResourcePage query(ResourceQuery query) {
    return queries.query(query);
  }

  @Override
  public List<StoredResource> getAll(
      String teamId, String type, boolean globalType, Collection<String> ids) {
    String team = globalType ? StoredResource.GLOBAL_TEAM : teamId;
    return snapshot.isPresent()
        ? snapshot.get().getAll(team, type, ids, missing -> resources.getAll(team, type, missing))
        : resources.getAll(team, type, ids);
  }

  @Override
  public void ensureIndexes(Collection<IndexSpec> specs) {
    queries.ensureIndexes(specs);
  }

  @Override
  public void addEdges(String teamId, Relation relation, String fromId, List<String> toIds) {
    edges.add(teamId, relation, fromId, toIds);
  }

  @Override
  public void removeEdges(
      String teamId, Relation relation, String fromId, Collection<String> toIds) {
    edges.remove(teamId, relation, fromId, toIds);
  }

  @Override
  public void replaceEdges(String teamId, Relation relation, String fromId, List<String> toIds) {
    edges.replace(teamId, relation, fromId, toIds);
  }

  @Override
  public Page<Edge> targets(
      String teamId, Relation relation, String fromId, Optional<Long> afterPosition, int limit) {
    return edges.targets(teamId, relation, fromId, afterPosition, limit);
  }

  @Override
  public Page<Edge> sources(
      String teamId, Relation relation, String toId, Optional<String> afterFromId, int limit) {
    return edges.sources(teamId, relation, toId, afterFromId, limit);
  }

  @Override
  public long countTargets(String teamId, Relation relation, String fromId) {
    return edges.countTargets(teamId, relation, fromId);
  }

  @Override
  public long countSources(String teamId, Relation relation, String toId) {
    return edges.countSources(teamId, relation, toId);
  }

  @Override
  public Map<String, List<Edge>> targetsOfEach(
      String teamId, Relation relation, Collection<String> fromIds, int limitPerFrom) {
    return snapshot.isPresent()
        ? snapshot.get().edgesOfEach(true, teamId, relation, fromIds, limitPerFrom,
            missing -> edges.targetsOfEach(teamId, relation, missing, limitPerFrom))
        : edges.targetsOfEach(teamId, relation, fromIds, limitPerFrom);
  }

  @Override
  public Map<String, List<Edge>> sourcesOfEach(
      String teamId, Relation relation, Collection<String> toIds, int limitPerTo) {
    return snapshot.isPresent()
        ? snapshot.get().edgesOfEach(false, teamId, relation, toIds, limitPerTo,
            missing -> edges.sourcesOfEach(teamId, relation, missing, limitPerTo))
        : edges.sourcesOfEach(teamId, relation, toIds, limitPerTo);
  }

  @Override
  public Map<String, Long> countTargetsOfEach(
      String teamId, Relation relation, Collection<String> fromIds) {
    return edges.countTargetsOfEach(teamId, relation, fromIds);
  }

  @Override
  public Map<String, Long> countSourcesOfEach(
      String teamId, Relation relation, Collection<String> toIds) {
    return edges.countSourcesOfEach(teamId, relation, toIds);
  }

  @Override
  public int deleteEdgesOf(String teamId, String type, String id) {
    return edges.deleteTouching(teamId, type, id);
  }

  @Override
  public Event appendEvent(NewEvent event) {
    return events.append(event, now);
  }

  @Override
  public List<Event> events(String teamId, Optional<Long> afterSeq, int limit) {
    return events.ofTeam(teamId, afterSeq, limit);
  }

  @Override
  public List<Event> eventsAfter(long seq, int limit) {
    return events.after(seq, limit);
  }

  @Override
  public List<Event> latestEvents(Optional<String> teamId, int limit) {
    return events.latest(teamId, limit);
  }

  @Override
  public Transition insertTransition(NewTransition transition) {
    return transitions.insert(transition, now);
  }

  @Override
  public Optional<Transition> findTransition(long id) {
    return transitions.find(id);
  }

  @Override
  public List<Transition> dueTransitions(Instant at, int limit) {
    return transitions.due(at, limit);
  }

  @Override
  public Optional<Instant> nextDueAt() {
    return transitions.nextDueAt();
  }

  @Override
  public List<Transition> pendingDecisions(Optional<String> teamId) {
    return transitions.pendingDecisions(teamId);
  }

  @Override
  public List<Transition> pendingTransitions(String process) {
    return transitions.pendingOfProcess(process);
  }

  @Override
  public List<Transition> pendingTransitionsOf(
      String teamId, String resourceType, String resourceId) {
    return transitions.pendingOfResource(teamId, resourceType, resourceId);
  }

  @Override
  public List<Transition> latestTransitions(Optional<String> teamId, int limit) {
    return transitions.latest(teamId, limit);
  }

  @Override
  public boolean finishTransition(
      long id,
      Transition.State state,
      Optional<String> to,
      Optional<String> outcome,
      Optional<String> reason) {
    return transitions.finish(id, state, to, outcome, reason, now);
  }

  @Override
  public boolean rescheduleTransition(long id, Optional<String> to, Optional<Instant> dueAt) {
    return transitions.reschedule(id, to, dueAt);
  }

  @Override
  public Optional<String> setting(String name) {
    return settings.get(name);
  }

  @Override
  public void putSetting(String name, String value) {
    settings.put(name, value);
  }

  @Override
  public void removeSetting(String name) {
    settings.remove(name);
  }

  @Override
  public SortedMap<String, String> settings(String prefix) {
    return settings.withPrefix(prefix);
  }

  @Override
  public Page<StoredResource> teamResources(String teamId, Optional<Long> afterSeq, int limit) {
    return teamState.resources(teamId, afterSeq, limit);
  }

  @Override
  public Page<StoredEdge> teamEdges(String teamId, Optional<StoredEdge> after, int limit) {
    return teamState.edges(teamId, after, limit);
  }

  @Override
  public boolean restoreResources(List<StoredResource> resources) {
    return teamState.restoreResources(resources);
  }

  @Override
  public void restoreEdges(String teamId, List<StoredEdge> edges) {
    teamState.restoreEdges(teamId, edges);
  }

  @Override
  public List<Transition> teamTransitions(String teamId, Optional<Long> afterId, int limit) {
    return teamState.transitions(teamId, afterId, limit);
  }

  @Override
  public boolean restoreEvents(List<Event> events) {
    return teamState.restoreEvents(events);
  }

  @Override
  public boolean restoreTransitions(List<Transition> transitions) {
    return teamState.restoreTransitions(transitions);
  }

  @Override
  public TeamStateCount clearTeamState(String teamId) {
    return teamState.clear(teamId);
  }
}
