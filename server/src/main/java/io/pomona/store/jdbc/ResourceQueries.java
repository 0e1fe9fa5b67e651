package io.pomona.store.jdbc;

import io.pomona.store.IndexSpec;
import io.pomona.store.ResourcePage;
import io.pomona.store.ResourceQuery;
import java.util.Collection;

/**
 * Filtered and sorted reads of resources, and the attribute indexes that make them seeks: the part
 * of the store that is most the database's own (how a JSON attribute is extracted, compared and
 * indexed, and how the planner is steered), so each store brings its own.
 */
public interface ResourceQueries {
  ResourcePage query(ResourceQuery query);

  /** Creates the missing attribute indexes (they follow the catalog, not the schema version). */
  void ensureIndexes(Collection<IndexSpec> specs);
}
