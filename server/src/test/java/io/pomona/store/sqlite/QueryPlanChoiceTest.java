package io.pomona.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.pomona.store.Anchor;
import io.pomona.store.Condition;
import io.pomona.store.Relation;
import io.pomona.store.ResourceQuery;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** Which way a filtered page is read: sort every match, or walk the order and filter. */
class QueryPlanChoiceTest {
  private static final ResourceQuery VALID_BUILDS = ResourceQuery.all("7X3K9P2Q8L", "builds", 51)
      .withConditions(List.of(new Condition.AttributeIn("processingState", List.of("VALID"))));

  @Test
  void mostOfTheTypeMatchingIsReadByWalkingTheOrder() {
    // 700 of 1,000: the walk reads ~73 rows, sorting would read all 700.
    assertThat(QuerySql.Plan.choose(VALID_BUILDS, 700, () -> 1_000)).isEqualTo(QuerySql.Plan.FOLLOW_ORDER);
  }

  @Test
  void fewMatchesInALargeTypeAreSorted() {
    // 100 of 100,000: the walk would read ~51,000 rows.
    assertThat(QuerySql.Plan.choose(VALID_BUILDS, 100, () -> 100_000)).isEqualTo(QuerySql.Plan.SORT_MATCHES);
  }

  @Test
  void moreMatchesThanTheBoundAreNeverSortedAndTheTypeIsNotCounted() {
    AtomicInteger counted = new AtomicInteger();
    LongSupplier typeSize = () -> {
      counted.incrementAndGet();
      return 10_000_000;
    };

    assertThat(QuerySql.Plan.choose(VALID_BUILDS, QuerySql.Plan.SORT_MATCHES_UP_TO + 1, typeSize))
        .isEqualTo(QuerySql.Plan.FOLLOW_ORDER);
    assertThat(counted).hasValue(0);
  }

  @Test
  void anAnchoredQueryWithinTheBoundIsSortedWithoutCountingTheType() {
    ResourceQuery appBuilds = VALID_BUILDS.withAnchor(
        new Anchor(new Relation("apps.builds", "apps", "builds"), "a1", true));
    AtomicInteger counted = new AtomicInteger();

    assertThat(QuerySql.Plan.choose(appBuilds, 700, () -> counted.incrementAndGet()))
        .isEqualTo(QuerySql.Plan.SORT_MATCHES);
    assertThat(counted).hasValue(0);
  }
}
