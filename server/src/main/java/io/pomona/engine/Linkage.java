package io.pomona.engine;

import java.util.List;

/**
 * The linkage {@code data} of one relationship of one rendered resource (present when the
 * relationship is included): the related ids shown, how many there are in all, and the limit
 * that cut them (to-many relationships carry both in {@code meta.paging}).
 */
record Linkage(String targetType, List<String> ids, long total, int limit) {
  Linkage {
    ids = List.copyOf(ids);
  }
}
