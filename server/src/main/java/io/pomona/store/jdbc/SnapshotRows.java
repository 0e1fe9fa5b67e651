package io.pomona.store.jdbc;

import io.pomona.store.Edge;
import io.pomona.store.Relation;
import io.pomona.store.StoredResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The resources and edges one physical connection read by id, kept while its data version stays
 * the same: what {@code include} reads. A list's includes read the same related rows for every
 * request while nothing changes; for the 50-build list with its apps and pre-release versions
 * those four statements cost more than its page query and its rendering together (bench/results.md).
 *
 * <p>Exact, for the reason {@code Totals} (SQLite) is: a connection's data version moves exactly
 * when its new snapshot differs from its previous one, and the version is read inside the
 * transaction whose reads are kept. Everything a connection kept is dropped at once when its
 * version moves, so a hit is the row as the asking transaction's own snapshot has it. Only read
 * transactions use this (a write transaction sees its own uncommitted rows), and only a store
 * whose version is a real snapshot label (SQLite) supplies one.
 *
 * <p>Used by one thread at a time, as its connection is; synchronized all the same, since the
 * connection passes between threads.
 */
public final class SnapshotRows {
  /**
   * Resources, and anchors, kept per connection before all go: a page of 50 with a few includes
   * of up to 10 related each fits. Small, as every reader connection keeps its own, and a kept
   * row holds its parsed attributes (a few KB for a build) even after ParsedAttributes let go.
   */
  static final int MAX_ENTRIES = 2_000;

  private long version;
  private boolean versioned;
  private final Map<ResourceKey, StoredResource> resources = new HashMap<>();
  private final Map<EdgesKey, List<Edge>> edges = new HashMap<>();

  /**
   * This connection's kept rows for one read transaction; {@code version} gives the transaction's
   * data version, asked only when a kept row is (the store's supplier reads it once per transaction).
   */
  public InTransaction in(LongSupplier version) {
    return new InTransaction(version);
  }

  private synchronized void at(long dataVersion) {
    if (!versioned || dataVersion != version) {
      resources.clear();
      edges.clear();
      version = dataVersion;
      versioned = true;
    }
  }

  private synchronized StoredResource resource(ResourceKey key) {
    return resources.get(key);
  }

  private synchronized void keep(ResourceKey key, StoredResource resource) {
    if (resources.size() >= MAX_ENTRIES) {
      resources.clear();
    }
    resources.put(key, resource);
  }

  private synchronized List<Edge> edges(EdgesKey key) {
    return edges.get(key);
  }

  private synchronized void keep(EdgesKey key, List<Edge> anchorEdges) {
    if (edges.size() >= MAX_ENTRIES) {
      edges.clear();
    }
    edges.put(key, anchorEdges);
  }

  /** The kept rows as one read transaction sees them. */
  public final class InTransaction {
    private final LongSupplier version;

    private InTransaction(LongSupplier version) {
      this.version = version;
    }

    /**
     * The resources of {@code type} with any of {@code ids}, in id order (as {@link
     * ResourceSql#getAll} answers), reading through {@code load} only those not kept.
     */
    List<StoredResource> getAll(String teamId, String type, Collection<String> ids,
        Function<List<String>, List<StoredResource>> load) {
      bind();
      List<StoredResource> found = new ArrayList<>(ids.size());
      List<String> missing = new ArrayList<>();
      for (String id : new LinkedHashSet<>(ids)) {
        StoredResource kept = resource(new ResourceKey(teamId, type, id));
        if (kept != null) {
          found.add(kept);
        } else {
          missing.add(id);
        }
      }
      if (!missing.isEmpty()) {
        for (StoredResource loaded : load.apply(missing)) {
          keep(new ResourceKey(teamId, type, loaded.id()), loaded);
          found.add(loaded);
        }
      }
      found.sort(Comparator.comparing(StoredResource::id));
      return found;
    }

    /**
     * The first {@code limit} edges of each anchor on one side of {@code relation}, every anchor
     * present in the given order (as {@link EdgeSql#targetsOfEach} answers), reading through
     * {@code load} only the anchors not kept.
     */
    Map<String, List<Edge>> edgesOfEach(boolean anchorIsFrom, String teamId, Relation relation,
        Collection<String> anchorIds, int limit, Function<List<String>, Map<String, List<Edge>>> load) {
      bind();
      Map<String, List<Edge>> byAnchor = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      for (String anchor : anchorIds) {
        List<Edge> kept = edges(new EdgesKey(teamId, relation.key(), anchorIsFrom, limit, anchor));
        byAnchor.put(anchor, kept);
        if (kept == null) {
          missing.add(anchor);
        }
      }
      if (!missing.isEmpty()) {
        load.apply(missing).forEach((anchor, loaded) -> {
          keep(new EdgesKey(teamId, relation.key(), anchorIsFrom, limit, anchor), loaded);
          byAnchor.put(anchor, loaded);
        });
        byAnchor.replaceAll((anchor, loaded) -> loaded == null ? List.of() : loaded);
      }
      return Collections.unmodifiableMap(byAnchor);
    }

    /** Forgets what the connection kept if the data changed since. */
    private void bind() {
      at(version.getAsLong());
    }
  }

  private record ResourceKey(String teamId, String type, String id) {}

  private record EdgesKey(String teamId, String relation, boolean anchorIsFrom, int limit, String anchorId) {}
}
