package io.pomona.sim.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What seeding wrote.
 *
 * @param teamId the team that received the demo data
 * @param seed the seed its random choices came from
 * @param created how many resources of each type were written
 * @param appIds the demo apps' ids, in the order they were created
 * @param took how long seeding took
 */
public record DemoSummary(String teamId, long seed, Map<String, Integer> created, List<String> appIds, Duration took) {
  public DemoSummary {
    created = Map.copyOf(created);
    appIds = List.copyOf(appIds);
  }

  /** The number of resources written, all types together. */
  public int total() {
    return created.values().stream().mapToInt(Integer::intValue).sum();
  }
}
