package io.pomona.operator;

import io.pomona.account.Team;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Fills a team with the demo data for the admin API's {@code seed}. The data itself is written by
 * the demo package; the operator surface only calls it through this entry point, so it does not
 * depend on what the demo contains.
 */
@FunctionalInterface
public interface DemoData {
  /**
   * What one seeding wrote.
   *
   * @param seed the random seed used (the same seed gives the same data)
   * @param created how many resources of each type were written
   * @param appIds the demo apps' ids
   */
  record Seeded(long seed, Map<String, Integer> created, List<String> appIds) {}

  /**
   * Seeds the team with the given random seed, or the demo's default one.
   *
   * @throws io.pomona.error.ApiException 409 if the team already has apps
   */
  Seeded seed(Team team, OptionalLong seed);
}
