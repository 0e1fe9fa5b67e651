package io.pomona.operator;

import io.pomona.account.Team;
import java.util.Map;

/**
 * Fills a team with the demo data ({@code seed --demo}, issue item 4). The data itself is written
 * elsewhere (the demo package); the admin API and CLI only call it through this entry point.
 */
@FunctionalInterface
public interface DemoSeeding {
  /** Seeds the team; returns how many resources of each type were created. */
  Map<String, Long> seed(Team team);
}
