package io.pomona.store;

import java.util.List;
import java.util.Optional;

/**
 * One keyset-paged slice of a list.
 *
 * @param items the items of this page, in list order
 * @param total how many items the whole list holds (Apple's {@code meta.paging.total})
 * @param hasMore whether items follow the last one of this page
 */
public record Page<T>(List<T> items, long total, boolean hasMore) {
  public Page {
    items = List.copyOf(items);
  }

  /** The last item, whose key the next page continues after. */
  public Optional<T> last() {
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(items.size() - 1));
  }
}
