package io.pomona.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a {@link ResourceQuery}.
 *
 * @param items the matching resources of this page, in query order
 * @param total how many resources match the query as a whole, ignoring {@code after} and {@code
 *     limit} (Apple's {@code meta.paging.total})
 * @param next where the following page starts; present if and only if at least one more resource
 *     matches after the last item
 */
public record ResourcePage(List<StoredResource> items, long total, Optional<Keyset> next) {
  public ResourcePage {
    items = List.copyOf(items);
  }
}
