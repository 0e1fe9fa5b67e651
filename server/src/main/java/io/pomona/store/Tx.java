package io.pomona.store;

import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The operations of one transaction, valid only while the work given to {@link Store#transaction}
 * or {@link Store#read} runs.
 *
 * <p>Every resource and edge operation names its team: the store never mixes rows of two teams, so
 * a caller that passes the requesting team's id cannot see another team's data. Global reference
 * data lives under {@link StoredResource#GLOBAL_TEAM} and is read by passing that id.
 *
 * <p>Expected failures are {@link io.pomona.error.ApiException}s: 404 {@code NOT_FOUND} for a
 * missing row that an operation needs, 409 for a duplicate id or a stale version.
 */
public interface Tx {

  /**
   * The time of this transaction, read once from the store's clock at its start and truncated to
   * milliseconds: every row written in one transaction carries the same time.
   */
  Instant now();

  // ---- teams ----

  /**
   * Inserts a team; 409 if its id or issuer id is taken. Returns it as stored (times keep
   * millisecond precision, as everywhere in the store).
   */
  Team createTeam(Team team);

  /** All teams, by id. */
  List<Team> teams();

  Optional<Team> findTeam(String teamId);

  /** The team whose keys put this issuer id in their tokens. */
  Optional<Team> findTeamByIssuer(String issuerId);

  // ---- API keys ----

  /** Inserts a key; 409 if its key id is taken, 404 if its team does not exist. */
  ApiKey insertKey(ApiKey key);

  /** The team's keys, revoked ones included, oldest first. */
  List<ApiKey> keys(String teamId);

  Optional<ApiKey> findKey(String keyId);

  /**
   * Marks a key revoked at {@code at} (kept at millisecond precision); 404 if it does not exist.
   * Revoking a revoked key keeps the first revocation time. Returns the key as now stored.
   */
  ApiKey revokeKey(String keyId, Instant at);

  // ---- resources ----

  /**
   * Inserts a resource at version 1, created and updated {@link #now()}, with the next {@code seq};
   * 409 if (team, type, id) exists.
   */
  StoredResource insert(String teamId, String type, String id, Map<String, Object> attributes);

  Optional<StoredResource> get(String teamId, String type, String id);

  /**
   * Replaces a resource's attributes, bumps its version and sets {@code updatedAt} to {@link
   * #now()}; 404 if it does not exist. Returns it as now stored.
   */
  StoredResource update(String teamId, String type, String id, Map<String, Object> attributes);

  /**
   * As {@link #update(String, String, String, Map)}, but only if the stored version is still {@code
   * expectedVersion}; 409 if another write got there first.
   */
  StoredResource update(
      String teamId, String type, String id, Map<String, Object> attributes, long expectedVersion);

  /** Deletes a resource and every edge that starts or ends at it; 404 if it does not exist. */
  void delete(String teamId, String type, String id);

  /**
   * One page of a team's resources of one type, in insertion order ({@code seq} ascending),
   * starting after {@code afterSeq} (the {@code seq} of the previous page's last item). Resources
   * inserted while a client pages appear at the end; deleted ones simply vanish; none that stays is
   * skipped or repeated.
   *
   * @param limit at least 1
   */
  Page<StoredResource> list(String teamId, String type, Optional<Long> afterSeq, int limit);

  /**
   * One page of the resources that match {@code query}, in its order (see {@link ResourceQuery}
   * for the semantics). {@link ResourcePage#total()} counts every match, whatever {@code after}
   * and {@code limit}: it costs time in proportion to the number of matches, so an engine that
   * pages through a large list may cache it per cursor.
   *
   * <p>Cost: the page itself is an index seek plus the rows it reads when the query filters on
   * and sorts by attributes that {@link #ensureIndexes} covered; conditions on ids and
   * relationships read their matching edges (as the total must anyway).
   */
  ResourcePage query(ResourceQuery query);

  /**
   * The resources of one type with any of {@code ids} (for {@code included}): those that exist,
   * each once, in no particular order.
   *
   * @param globalType true to read them from {@link StoredResource#GLOBAL_TEAM}
   */
  List<StoredResource> getAll(
      String teamId, String type, boolean globalType, Collection<String> ids);

  /**
   * Makes filtering and sorting on each (type, attribute) of {@code specs} an index seek,
   * creating what is missing (a no-op for what exists, so the engine calls it at every start-up
   * with everything the catalog lets a client filter or sort on). Queries stay correct without
   * it, only slower. Needs a write transaction.
   */
  void ensureIndexes(Collection<IndexSpec> specs);

  // ---- relationship edges ----

  /**
   * Links {@code fromId} to each of {@code toIds}, appended after its existing targets in the given
   * order; targets already linked (or repeated in the list) are left where they are.
   */
  void addEdges(String teamId, Relation relation, String fromId, List<String> toIds);

  /** Unlinks {@code fromId} from each of {@code toIds}; ids not linked are ignored. */
  void removeEdges(String teamId, Relation relation, String fromId, Collection<String> toIds);

  /**
   * Makes {@code toIds}, in this order, the only targets of {@code fromId} (a repeated id counts
   * once, at its first place). An empty list unlinks everything; a one-element list sets a to-one
   * relationship.
   */
  void replaceEdges(String teamId, Relation relation, String fromId, List<String> toIds);

  /**
   * One page of the targets of {@code fromId}, in position order, after {@code afterPosition} (the
   * position of the previous page's last edge). Targets added while a client pages come after every
   * position already handed out, so they appear on a later page.
   *
   * @param limit at least 1
   */
  Page<Edge> targets(
      String teamId, Relation relation, String fromId, Optional<Long> afterPosition, int limit);

  /**
   * One page of the edges pointing at {@code toId} (the relationship seen from its inverse side),
   * ordered by source id compared as binary strings (an implementation on a database with
   * collations uses a binary one), after {@code afterFromId} (the source id of the previous page's
   * last edge).
   *
   * @param limit at least 1
   */
  Page<Edge> sources(
      String teamId, Relation relation, String toId, Optional<String> afterFromId, int limit);

  long countTargets(String teamId, Relation relation, String fromId);

  long countSources(String teamId, Relation relation, String toId);

  /**
   * For each of {@code fromIds}, its first {@code limitPerFrom} targets in position order: the
   * linkage of an included to-many relationship for a whole page at once. Every given id is a
   * key of the result (an empty list when it has no targets), in the order given.
   *
   * @param limitPerFrom at least 1
   */
  Map<String, List<Edge>> targetsOfEach(
      String teamId, Relation relation, Collection<String> fromIds, int limitPerFrom);

  /**
   * For each of {@code toIds}, its first {@code limitPerTo} sources in source-id order (the
   * relationship seen from its inverse side). Every given id is a key of the result, in the order
   * given.
   *
   * @param limitPerTo at least 1
   */
  Map<String, List<Edge>> sourcesOfEach(
      String teamId, Relation relation, Collection<String> toIds, int limitPerTo);

  /** For each of {@code fromIds}, how many targets it has (0 included), in the order given. */
  Map<String, Long> countTargetsOfEach(
      String teamId, Relation relation, Collection<String> fromIds);

  /** For each of {@code toIds}, how many sources point at it (0 included), in the order given. */
  Map<String, Long> countSourcesOfEach(String teamId, Relation relation, Collection<String> toIds);

  /**
   * Deletes every edge, of any relation, that starts or ends at the resource (type, id) of this
   * team. For a {@link StoredResource#GLOBAL_TEAM} resource, edges of every team that point at it
   * go too. Returns how many edges were deleted.
   */
  int deleteEdgesOf(String teamId, String type, String id);
  // ---- events ----

  /**
   * Appends an event at {@link #now()} with the next {@code seq}; it becomes visible to readers
   * when (and only if) this transaction commits.
   */
  Event appendEvent(NewEvent event);

  /**
   * A team's events in the order they happened ({@code seq} ascending), after {@code afterSeq}.
   *
   * @param limit at least 1
   */
  List<Event> events(String teamId, Optional<Long> afterSeq, int limit);

  /**
   * Every team's events after {@code seq}, in order: what a dispatcher polls. Pass 0 to start at
   * the first event.
   *
   * @param limit at least 1
   */
  List<Event> eventsAfter(long seq, int limit);

  /**
   * The newest events, newest first: of one team, or of all teams when {@code teamId} is empty.
   *
   * @param limit at least 1
   */
  List<Event> latestEvents(Optional<String> teamId, int limit);

  // ---- transitions of simulated processes ----

  /** Stores a pending transition, created {@link #now()}; returns it with its id. */
  Transition insertTransition(NewTransition transition);

  Optional<Transition> findTransition(long id);

  /**
   * Pending timed transitions due at or before {@code at}, earliest first (ties by id).
   *
   * @param limit at least 1
   */
  List<Transition> dueTransitions(Instant at, int limit);

  /** When the earliest pending timed transition is due, if any is. */
  Optional<Instant> nextDueAt();

  /**
   * Pending transitions that await an operator's decision, oldest first: of one team, or of all
   * teams when {@code teamId} is empty.
   */
  List<Transition> pendingDecisions(Optional<String> teamId);

  /** Every pending transition of one process (timed or awaiting a decision), oldest first. */
  List<Transition> pendingTransitions(String process);

  /** The pending transitions of one resource, oldest first. */
  List<Transition> pendingTransitionsOf(String teamId, String resourceType, String resourceId);

  /**
   * The newest transitions of one team (or all teams when {@code teamId} is empty), whatever
   * their state, newest first.
   *
   * @param limit at least 1
   */
  List<Transition> latestTransitions(Optional<String> teamId, int limit);

  /**
   * Ends a pending transition at {@link #now()}: {@link Transition.State#FIRED} (with the state it
   * moved to) or {@link Transition.State#CANCELLED}. Returns false, changing nothing, if it is no
   * longer pending: the caller lost the race to fire it and must not apply it.
   */
  boolean finishTransition(
      long id,
      Transition.State state,
      Optional<String> to,
      Optional<String> outcome,
      Optional<String> reason);

  /**
   * Changes when a pending transition fires and where it leads (both empty: it now awaits a
   * decision). Returns false if it is no longer pending.
   */
  boolean rescheduleTransition(long id, Optional<String> to, Optional<Instant> dueAt);

  // ---- settings the simulation keeps ----

  Optional<String> setting(String name);

  /** Sets (inserts or replaces) a named setting. */
  void putSetting(String name, String value);

  /** Removes a named setting; nothing happens if it is not set. */
  void removeSetting(String name);

  /** Every setting whose name starts with {@code prefix}, by name. */
  SortedMap<String, String> settings(String prefix);

  // ---- a whole team's state (operator export, import and reset) ----

  /**
   * One page of all of a team's resources, of every type, in {@code seq} order, after {@code
   * afterSeq}. Costs a scan of the team's rows; meant for export, not for requests.
   *
   * @param limit at least 1
   */
  Page<StoredResource> teamResources(String teamId, Optional<Long> afterSeq, int limit);

  /**
   * One page of all of a team's edges, ordered by relation key, then source id, then target id,
   * after {@code after} (the previous page's last edge).
   *
   * @param limit at least 1
   */
  Page<StoredEdge> teamEdges(String teamId, Optional<StoredEdge> after, int limit);

  /**
   * Inserts resources exactly as given (team, type, id, attributes, times, version), each under its
   * own {@code teamId}, so that a team's exported state reads back the same. Each keeps its {@code
   * seq} (which orders lists and is part of paging cursors) when no stored resource holds any of
   * the given seqs; otherwise every one gets a fresh seq, in the order given. Later inserts get
   * seqs above all of them. 409 if a (team, type, id) exists.
   *
   * @return whether the given seqs were kept
   */
  boolean restoreResources(List<StoredResource> resources);

  /**
   * Inserts a team's edges with their positions as given; an edge already stored is left as it
   * is. The position counter moves past the largest given position, so links made later still
   * come after these.
   */
  void restoreEdges(String teamId, List<StoredEdge> edges);

  /**
   * One page of a team's transitions, whatever their state, in {@code id} order, after {@code
   * afterId}.
   *
   * @param limit at least 1
   */
  List<Transition> teamTransitions(String teamId, Optional<Long> afterId, int limit);

  /**
   * Inserts events exactly as given (team, time, type, resource, states, payload). Each keeps its
   * {@code seq} when no stored event holds any of the given seqs (so a reader that paged past
   * them, such as a webhook dispatcher, does not see them again); otherwise every one gets a fresh
   * seq, in the order given.
   *
   * @return whether the given seqs were kept
   */
  boolean restoreEvents(List<Event> events);

  /**
   * Inserts transitions exactly as given (state, times, outcome, reason included). Each keeps its
   * {@code id} when no stored transition holds any of the given ids; otherwise every one gets a
   * fresh id, in the order given.
   *
   * @return whether the given ids were kept
   */
  boolean restoreTransitions(List<Transition> transitions);

  /**
   * Deletes every resource, edge, event and transition of a team; the team, its keys and the
   * global reference data stay. Refuses {@link StoredResource#GLOBAL_TEAM} with {@link
   * IllegalArgumentException}.
   */
  TeamStateCount clearTeamState(String teamId);
}
