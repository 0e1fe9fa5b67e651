package io.pomona.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pomona.account.ApiKey;
import io.pomona.account.KeyKind;
import io.pomona.account.Team;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Everything a {@link Store} must do, whatever database is behind it. A subclass per implementation
 * supplies {@link #openStore}; every test starts with an empty database.
 */
public abstract class StoreContractTest {
  protected static final Instant START = Instant.parse("2026-03-01T09:30:00.123Z");
  private static final String TEAM_A = "7X3K9P2Q8L";
  private static final String TEAM_B = "4M8N2B6V1C";
  private static final Relation APP_BUILDS = new Relation("apps.builds", "apps", "builds");
  private static final Relation GROUP_TESTERS =
      new Relation("betaGroups.betaTesters", "betaGroups", "betaTesters");

  protected final TestClock clock = new TestClock(START);
  private Store store;

  /**
   * Opens a store over this test's database. Called once before each test (on an empty database)
   * and again whenever a test reopens, which must find the same data.
   */
  protected abstract Store openStore(Clock clock);

  @BeforeEach
  void openEmptyStore() {
    store = openStore(clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /**
   * Whether {@link Store#dataVersion} stays put while nothing is committed. A store may instead
   * return a new number every time (it then keeps callers' caches empty, never stale).
   */
  protected boolean dataVersionIsExact() {
    return true;
  }

  @Test
  void dataVersionMovesOnEveryCommitOfThisStoreOrAnotherOnTheSameDatabase() {
    long initial = store.dataVersion();
    store.read(tx -> tx.teams());
    if (dataVersionIsExact()) {
      assertThat(store.dataVersion()).as("reads change nothing").isEqualTo(initial);
    }

    store.write(tx -> tx.createTeam(team(TEAM_A, "issuer-a")));
    long afterOwnWrite = store.dataVersion();
    assertThat(afterOwnWrite).isNotEqualTo(initial);

    Store other = openStore(clock); // as a CLI in another process would
    try {
      other.write(tx -> tx.createTeam(team(TEAM_B, "issuer-b")));
    } finally {
      other.close();
    }
    assertThat(store.dataVersion()).isNotEqualTo(afterOwnWrite);
  }

  @Test
  void recentDataVersionShowsOwnCommitsAtOnceAndOthersWithinAMillisecond() throws InterruptedException {
    long initial = store.recentDataVersion();
    store.write(tx -> tx.createTeam(team(TEAM_A, "issuer-a")));
    long afterOwnWrite = store.recentDataVersion();
    assertThat(afterOwnWrite).as("this process's commit, asked at once").isNotEqualTo(initial);
    if (dataVersionIsExact()) {
      assertThat(store.recentDataVersion()).as("nothing committed since").isEqualTo(afterOwnWrite);
    }

    Store other = openStore(clock); // as a CLI in another process would
    try {
      other.write(tx -> tx.createTeam(team(TEAM_B, "issuer-b")));
    } finally {
      other.close();
    }
    Thread.sleep(5); // more than the millisecond a read may be reused
    assertThat(store.recentDataVersion()).isNotEqualTo(afterOwnWrite);
  }

  @Test
  void queryTotalsFollowEveryCommitWhetherMadeHereOrByAnotherStore() {
    store.write(tx -> tx.createTeam(team(TEAM_A, "issuer-a")));
    insertRanked("b1", 1, "b2", 2);
    ResourceQuery ranked = builds().withConditions(List.of(new Condition.AttributeIn("rank", List.of(1L, 2L, 3L))));
    assertThat(query(ranked).total()).isEqualTo(2);
    assertThat(query(ranked).total()).as("asked again, unchanged").isEqualTo(2);

    insertRanked("b3", 3);
    assertThat(query(ranked).total()).isEqualTo(3);

    Store other = openStore(clock); // as a CLI in another process would
    try {
      other.write(tx -> tx.delete(TEAM_A, "builds", "b1"));
    } finally {
      other.close();
    }
    assertThat(query(ranked).total()).isEqualTo(2);
    long inWrite = store.transaction(tx -> {
      tx.insert(TEAM_A, "builds", "b4", attributes("rank", 1L));
      return tx.query(ranked).total();
    });
    assertThat(inWrite).as("a write transaction counts its own rows").isEqualTo(3);
  }

  /**
   * Reads by id (what {@code include} reads) answer as the database stands after every commit,
   * however often the same rows were read before: the SQLite store keeps them per connection
   * while its data version is unchanged (SnapshotRows), and a change made here, by another store,
   * or inside the asking write transaction itself must show.
   */
  @Test
  void readsByIdFollowEveryCommitWhetherMadeHereOrByAnotherStore() {
    store.write(tx -> tx.createTeam(team(TEAM_A, "issuer-a")));
    store.write(tx -> {
      tx.insert(TEAM_A, "apps", "a1", attributes("name", "One"));
      tx.insert(TEAM_A, "builds", "b1", attributes());
      tx.insert(TEAM_A, "builds", "b2", attributes());
      tx.addEdges(TEAM_A, APP_BUILDS, "a1", List.of("b1"));
    });
    for (int i = 0; i < 6; i++) { // more reads than the store has reader connections: some repeat on one
      assertThat(names(store.read(tx -> tx.getAll(TEAM_A, "apps", false, List.of("a9", "a1", "a1")))))
          .containsExactly("a1:One");
      assertThat(appsOf("b1", "b2")).isEqualTo(Map.of("b1", List.of("a1"), "b2", List.of()));
    }

    store.write(tx -> tx.update(TEAM_A, "apps", "a1", attributes("name", "Two")));
    store.write(tx -> tx.addEdges(TEAM_A, APP_BUILDS, "a1", List.of("b2")));
    store.write(tx -> tx.insert(TEAM_A, "apps", "a0", attributes("name", "Zero")));
    for (int i = 0; i < 6; i++) {
      assertThat(names(store.read(tx -> tx.getAll(TEAM_A, "apps", false, List.of("a9", "a1", "a0")))))
          .as("in id order, as the database answers").containsExactly("a0:Zero", "a1:Two");
      assertThat(appsOf("b1", "b2")).isEqualTo(Map.of("b1", List.of("a1"), "b2", List.of("a1")));
    }

    Store other = openStore(clock); // as a CLI in another process would
    try {
      other.write(tx -> {
        tx.removeEdges(TEAM_A, APP_BUILDS, "a1", List.of("b1"));
        tx.update(TEAM_A, "apps", "a0", attributes("name", "Nought"));
      });
    } finally {
      other.close();
    }
    for (int i = 0; i < 6; i++) {
      assertThat(names(store.read(tx -> tx.getAll(TEAM_A, "apps", false, List.of("a0")))))
          .containsExactly("a0:Nought");
      assertThat(appsOf("b1", "b2")).isEqualTo(Map.of("b1", List.of(), "b2", List.of("a1")));
    }
    List<String> inWrite = store.transaction(tx -> {
      tx.update(TEAM_A, "apps", "a0", attributes("name", "Nil"));
      return names(tx.getAll(TEAM_A, "apps", false, List.of("a0")));
    });
    assertThat(inWrite).as("a write transaction reads its own rows").containsExactly("a0:Nil");
  }

  private static List<String> names(List<StoredResource> apps) {
    return apps.stream().map(app -> app.id() + ":" + app.attributes().get("name")).toList();
  }

  /** Each build's app ids, through the first edge of each build. */
  private Map<String, List<String>> appsOf(String... buildIds) {
    Map<String, List<Edge>> edges = store.read(tx -> tx.sourcesOfEach(TEAM_A, APP_BUILDS, List.of(buildIds), 1));
    Map<String, List<String>> apps = new LinkedHashMap<>();
    edges.forEach((build, list) -> apps.put(build, list.stream().map(Edge::fromId).toList()));
    return apps;
  }

  /** Closes the store and opens a new one over the same database. */
  protected final Store reopen() {
    store.close();
    store = openStore(clock);
    return store;
  }

  protected final Store store() {
    return store;
  }

  // ---- teams and keys ----

  @Test
  void teamRoundTripsAndIsFoundByIdAndIssuer() {
    Team team = team(TEAM_A, "issuer-a");
    Team created = store.transaction(tx -> tx.createTeam(team));

    assertThat(created).isEqualTo(team);
    assertThat(store.findTeam(TEAM_A)).contains(team);
    assertThat(store.<Optional<Team>>read(tx -> tx.findTeamByIssuer("issuer-a"))).contains(team);
    assertThat(store.<Optional<Team>>read(tx -> tx.findTeam(TEAM_B))).isEmpty();
    assertThat(store.findTeam(TEAM_B)).isEmpty();
  }

  @Test
  void teamsAreListedById() {
    store.write(
        tx -> {
          tx.createTeam(team(TEAM_A, "issuer-a"));
          tx.createTeam(team(TEAM_B, "issuer-b"));
        });

    assertThat(store.read(Tx::teams)).extracting(Team::id).containsExactly(TEAM_B, TEAM_A);
  }

  @Test
  void duplicateTeamIdOrIssuerGets409() {
    store.write(tx -> tx.createTeam(team(TEAM_A, "issuer-a")));

    ApiError sameId = apiError(() -> store.write(tx -> tx.createTeam(team(TEAM_A, "issuer-x"))));
    ApiError sameIssuer =
        apiError(() -> store.write(tx -> tx.createTeam(team(TEAM_B, "issuer-a"))));

    assertThat(sameId.status()).isEqualTo(409);
    assertThat(sameId.code()).isEqualTo("ENTITY_ERROR");
    assertThat(sameIssuer.status()).isEqualTo(409);
    assertThat(sameIssuer.detail()).hasValueSatisfying(d -> assertThat(d).contains("issuer-a"));
    assertThat(store.findTeam(TEAM_B)).isEmpty();
  }

  @Test
  void reservedGlobalTeamIdCannotBeATeam() {
    assertThatThrownBy(
            () -> store.write(tx -> tx.createTeam(team(StoredResource.GLOBAL_TEAM, "issuer-g"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyRoundTripsWithAllItsFields() {
    store.write(tx -> tx.createTeam(team(TEAM_A, "issuer-a")));
    ApiKey teamKey = key("KEYAAAAAA1", TEAM_A, START);
    ApiKey individual =
        new ApiKey(
            "KEYAAAAAA2",
            TEAM_A,
            "Jo's key",
            Set.of("DEVELOPER"),
            KeyKind.INDIVIDUAL,
            Optional.of("user-17"),
            "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n",
            START,
            Optional.empty());

    store.write(
        tx -> {
          assertThat(tx.insertKey(teamKey)).isEqualTo(teamKey);
          assertThat(tx.insertKey(individual)).isEqualTo(individual);
        });

    assertThat(store.findKey("KEYAAAAAA1")).contains(teamKey);
    assertThat(store.findKey("KEYAAAAAA2")).contains(individual);
    assertThat(store.<Optional<ApiKey>>read(tx -> tx.findKey("KEYAAAAAA2"))).contains(individual);
    assertThat(store.findKey("KEYMISSING")).isEmpty();
  }

  @Test
  void duplicateKeyIdGets409AndKeyOfUnknownTeamGets404() {
    store.write(tx -> tx.createTeam(team(TEAM_A, "issuer-a")));
    store.write(tx -> tx.insertKey(key("KEYAAAAAA1", TEAM_A, START)));

    ApiError duplicate =
        apiError(() -> store.write(tx -> tx.insertKey(key("KEYAAAAAA1", TEAM_A, START))));
    ApiError orphan =
        apiError(() -> store.write(tx -> tx.insertKey(key("KEYBBBBBB1", TEAM_B, START))));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(orphan.code()).isEqualTo("NOT_FOUND");
    assertThat(store.findKey("KEYBBBBBB1")).isEmpty();
  }

  @Test
  void revokedKeysStayListedWithTheirFirstRevocationTime() {
    store.write(tx -> tx.createTeam(team(TEAM_A, "issuer-a")));
    store.write(
        tx -> {
          tx.insertKey(key("KEYAAAAAA1", TEAM_A, START));
          tx.insertKey(key("KEYAAAAAA2", TEAM_A, START.plusSeconds(60)));
        });
    Instant revokedAt = START.plusSeconds(3600);

    ApiKey revoked = store.transaction(tx -> tx.revokeKey("KEYAAAAAA1", revokedAt));
    store.transaction(tx -> tx.revokeKey("KEYAAAAAA1", revokedAt.plusSeconds(5)));

    assertThat(revoked.revokedAt()).contains(revokedAt);
    assertThat(revoked.active()).isFalse();
    List<ApiKey> listed = store.read(tx -> tx.keys(TEAM_A));
    assertThat(listed).extracting(ApiKey::keyId).containsExactly("KEYAAAAAA1", "KEYAAAAAA2");
    assertThat(listed.get(0).revokedAt()).contains(revokedAt);
    assertThat(listed.get(1).active()).isTrue();
    assertThat(store.findKey("KEYAAAAAA1").orElseThrow().revokedAt()).contains(revokedAt);
  }

  @Test
  void revokingAnUnknownKeyGets404() {
    ApiError error = apiError(() -> store.transaction(tx -> tx.revokeKey("KEYMISSING", START)));

    assertThat(error.status()).isEqualTo(404);
    assertThat(error.code()).isEqualTo("NOT_FOUND");
  }

  // ---- resources ----

  @Test
  void insertedResourceReadsBackWithEveryJsonValueKind() {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("name", "Pomona");
    attributes.put("count", 3);
    attributes.put("big", 10_000_000_000L);
    attributes.put("ratio", 2.5);
    attributes.put("enabled", true);
    attributes.put("missing", null);
    attributes.put("platforms", List.of("IOS", "MAC_OS"));
    attributes.put("nested", Map.of("locale", "en-US"));

    StoredResource inserted =
        store.transaction(tx -> tx.insert(TEAM_A, "apps", "1001", attributes));
    StoredResource read = find(TEAM_A, "apps", "1001").orElseThrow();

    assertThat(read).isEqualTo(inserted);
    assertThat(read.attributes()).isEqualTo(attributes);
    assertThat(read.attributes()).containsKey("missing");
    assertThat(read.attributes().keySet()).containsExactlyElementsOf(attributes.keySet());
    assertThat(read.version()).isEqualTo(1);
    assertThat(read.createdAt()).isEqualTo(START);
    assertThat(read.updatedAt()).isEqualTo(START);
    assertThat(read.teamId()).isEqualTo(TEAM_A);
    assertThat(read.type()).isEqualTo("apps");
  }

  @Test
  void transactionTimeIsTheClockTruncatedToMilliseconds() {
    clock.advance(Duration.ofNanos(456_789));

    Instant now = store.transaction(Tx::now);
    StoredResource inserted = store.transaction(tx -> tx.insert(TEAM_A, "apps", "1", Map.of()));

    assertThat(now).isEqualTo(START);
    assertThat(inserted.createdAt()).isEqualTo(START);
  }

  @Test
  void duplicateResourceIdGets409AndKeepsTheOriginal() {
    store.transaction(tx -> tx.insert(TEAM_A, "apps", "1001", Map.of("name", "first")));

    ApiError error =
        apiError(
            () ->
                store.transaction(
                    tx -> tx.insert(TEAM_A, "apps", "1001", Map.of("name", "second"))));

    assertThat(error.status()).isEqualTo(409);
    assertThat(error.code()).isEqualTo("ENTITY_ERROR");
    assertThat(attributesOf(TEAM_A, "apps", "1001")).containsEntry("name", "first");
  }

  @Test
  void sameIdMayExistUnderAnotherTypeOrTeam() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "apps", "1", Map.of("n", "app"));
          tx.insert(TEAM_A, "builds", "1", Map.of("n", "build"));
          tx.insert(TEAM_B, "apps", "1", Map.of("n", "other team"));
        });

    assertThat(attributesOf(TEAM_A, "apps", "1")).containsEntry("n", "app");
    assertThat(attributesOf(TEAM_A, "builds", "1")).containsEntry("n", "build");
    assertThat(attributesOf(TEAM_B, "apps", "1")).containsEntry("n", "other team");
  }

  @Test
  void updateReplacesAttributesAndBumpsVersionKeepingSeqAndCreation() {
    StoredResource inserted =
        store.transaction(
            tx -> tx.insert(TEAM_A, "apps", "1001", Map.of("name", "old", "sku", "S1")));
    clock.advance(Duration.ofMinutes(5));

    StoredResource updated =
        store.transaction(tx -> tx.update(TEAM_A, "apps", "1001", Map.of("name", "new")));
    StoredResource again =
        store.transaction(tx -> tx.update(TEAM_A, "apps", "1001", Map.of("name", "newer"), 2));

    assertThat(updated.version()).isEqualTo(2);
    assertThat(updated.attributes()).isEqualTo(Map.of("name", "new"));
    assertThat(updated.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(again.version()).isEqualTo(3);
    StoredResource read = find(TEAM_A, "apps", "1001").orElseThrow();
    assertThat(read).isEqualTo(again);
    assertThat(read.attributes()).isEqualTo(Map.of("name", "newer"));
    assertThat(read.createdAt()).isEqualTo(START);
    assertThat(read.seq()).isEqualTo(inserted.seq());
  }

  @Test
  void updateWithStaleVersionGets409AndChangesNothing() {
    store.transaction(tx -> tx.insert(TEAM_A, "apps", "1001", Map.of("name", "v1")));
    store.transaction(tx -> tx.update(TEAM_A, "apps", "1001", Map.of("name", "v2")));

    ApiError error =
        apiError(
            () ->
                store.transaction(
                    tx -> tx.update(TEAM_A, "apps", "1001", Map.of("name", "lost"), 1)));

    assertThat(error.status()).isEqualTo(409);
    assertThat(error.code()).isEqualTo("STATE_ERROR");
    assertThat(attributesOf(TEAM_A, "apps", "1001")).containsEntry("name", "v2");
  }

  @Test
  void updateOrDeleteOfAMissingResourceGets404() {
    ApiError update =
        apiError(() -> store.transaction(tx -> tx.update(TEAM_A, "apps", "404", Map.of())));
    ApiError delete = apiError(() -> store.write(tx -> tx.delete(TEAM_A, "apps", "404")));

    assertThat(update.code()).isEqualTo("NOT_FOUND");
    assertThat(update.detail()).contains("There is no resource of type 'apps' with id '404'");
    assertThat(delete.code()).isEqualTo("NOT_FOUND");
  }

  @Test
  void deletedResourceIsGoneWithItsEdgesInBothDirections() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "apps", "app1", Map.of());
          tx.insert(TEAM_A, "builds", "b1", Map.of());
          tx.insert(TEAM_A, "builds", "b2", Map.of());
          tx.addEdges(TEAM_A, APP_BUILDS, "app1", List.of("b1", "b2"));
          tx.addEdges(TEAM_A, APP_BUILDS, "app2", List.of("b1"));
        });

    store.write(tx -> tx.delete(TEAM_A, "builds", "b1"));

    store.read(
        tx -> {
          assertThat(tx.get(TEAM_A, "builds", "b1")).isEmpty();
          assertThat(toIds(tx.targets(TEAM_A, APP_BUILDS, "app1", Optional.empty(), 10)))
              .containsExactly("b2");
          assertThat(tx.countTargets(TEAM_A, APP_BUILDS, "app2")).isZero();
          assertThat(tx.countSources(TEAM_A, APP_BUILDS, "b1")).isZero();
          return null;
        });

    store.write(tx -> tx.delete(TEAM_A, "apps", "app1"));

    assertThat(sourceCount(TEAM_A, APP_BUILDS, "b2")).isZero();
  }

  @Test
  void deletingEdgesOfAResourceSparesAnotherTypeWithTheSameId() {
    Relation buildApp = new Relation("builds.app", "builds", "apps");
    store.write(
        tx -> {
          tx.addEdges(TEAM_A, APP_BUILDS, "X", List.of("b1"));
          tx.addEdges(TEAM_A, buildApp, "X", List.of("a1"));
          tx.addEdges(TEAM_A, buildApp, "b9", List.of("X"));
        });

    int deleted = store.transaction(tx -> tx.deleteEdgesOf(TEAM_A, "apps", "X"));

    assertThat(deleted).isEqualTo(2);
    assertThat(targetCount(TEAM_A, buildApp, "X")).isEqualTo(1);
    assertThat(targetCount(TEAM_A, APP_BUILDS, "X")).isZero();
  }

  @Test
  void listPagesInInsertionOrderWithTotals() {
    store.write(
        tx -> {
          for (int i = 1; i <= 5; i++) {
            tx.insert(TEAM_A, "apps", "app" + i, Map.of("i", i));
          }
          tx.insert(TEAM_A, "builds", "b1", Map.of());
        });

    Page<StoredResource> first = store.read(tx -> tx.list(TEAM_A, "apps", Optional.empty(), 2));
    Page<StoredResource> second =
        store.read(tx -> tx.list(TEAM_A, "apps", Optional.of(first.last().orElseThrow().seq()), 2));
    Page<StoredResource> third =
        store.read(
            tx -> tx.list(TEAM_A, "apps", Optional.of(second.last().orElseThrow().seq()), 2));

    assertThat(ids(first)).containsExactly("app1", "app2");
    assertThat(ids(second)).containsExactly("app3", "app4");
    assertThat(ids(third)).containsExactly("app5");
    assertThat(List.of(first.total(), second.total(), third.total())).containsOnly(5L);
    assertThat(List.of(first.hasMore(), second.hasMore(), third.hasMore()))
        .containsExactly(true, true, false);
    assertThat(store.read(tx -> tx.list(TEAM_A, "apps", Optional.empty(), 5)).hasMore()).isFalse();
  }

  @Test
  void totalsFollowInsertsDeletesAndRollbacksPerTeamAndType() {
    store.write(
        tx -> {
          for (String id : List.of("a", "b", "c")) {
            tx.insert(TEAM_A, "apps", id, Map.of());
          }
          tx.insert(TEAM_A, "builds", "b1", Map.of());
          tx.insert(TEAM_B, "apps", "a", Map.of());
        });
    store.write(tx -> tx.delete(TEAM_A, "apps", "b"));
    catchThrowableOfType(
        IllegalStateException.class,
        () ->
            store.write(
                tx -> {
                  tx.insert(TEAM_A, "apps", "d", Map.of());
                  tx.delete(TEAM_A, "builds", "b1");
                  throw new IllegalStateException("roll back");
                }));

    assertThat(total(TEAM_A, "apps")).isEqualTo(2);
    assertThat(total(TEAM_A, "builds")).isEqualTo(1);
    assertThat(total(TEAM_B, "apps")).isEqualTo(1);
    assertThat(total(TEAM_B, "builds")).isZero();
  }

  @Test
  void emptyListHasNoItemsAndZeroTotal() {
    Page<StoredResource> page = store.read(tx -> tx.list(TEAM_A, "apps", Optional.empty(), 10));

    assertThat(page.items()).isEmpty();
    assertThat(page.total()).isZero();
    assertThat(page.hasMore()).isFalse();
    assertThat(page.last()).isEmpty();
  }

  @Test
  void keysetPagingNeitherSkipsNorRepeatsUnchangedItemsWhileOthersComeAndGo() {
    Random random = new Random(20260301);
    List<String> live = new ArrayList<>();
    int[] nextId = {0};
    store.write(
        tx -> {
          for (int i = 0; i < 40; i++) {
            String id = "r" + nextId[0]++;
            tx.insert(TEAM_A, "builds", id, Map.of());
            live.add(id);
          }
        });
    Set<String> presentThroughout = new HashSet<>(live);
    List<String> seen = new ArrayList<>();
    Optional<Long> after = Optional.empty();

    boolean more = true;
    while (more) {
      Optional<Long> cursor = after;
      Page<StoredResource> page = store.read(tx -> tx.list(TEAM_A, "builds", cursor, 7));
      page.items().forEach(r -> seen.add(r.id()));
      more = page.hasMore();
      after = page.last().map(StoredResource::seq);
      // Between pages, other clients insert and delete.
      store.write(
          tx -> {
            for (int i = 0; i < 3; i++) {
              String id = "r" + nextId[0]++;
              tx.insert(TEAM_A, "builds", id, Map.of());
              live.add(id);
            }
            for (int i = 0; i < 2; i++) {
              String victim = live.remove(random.nextInt(live.size()));
              tx.delete(TEAM_A, "builds", victim);
              presentThroughout.remove(victim);
            }
          });
    }

    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsAll(presentThroughout);
    assertThat(seen)
        .isSortedAccordingTo(
            (x, y) ->
                Integer.compare(
                    Integer.parseInt(x.substring(1)), Integer.parseInt(y.substring(1))));
    long total = store.read(tx -> tx.list(TEAM_A, "builds", Optional.empty(), 1)).total();
    assertThat(total).isEqualTo(live.size());
  }

  @Test
  void teamBNeverSeesTeamARows() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "apps", "secret", Map.of("name", "A's app"));
          tx.insert(TEAM_A, "builds", "b1", Map.of());
          tx.addEdges(TEAM_A, APP_BUILDS, "secret", List.of("b1"));
        });

    store.read(
        tx -> {
          assertThat(tx.get(TEAM_B, "apps", "secret")).isEmpty();
          Page<StoredResource> page = tx.list(TEAM_B, "apps", Optional.empty(), 10);
          assertThat(page.items()).isEmpty();
          assertThat(page.total()).isZero();
          assertThat(tx.targets(TEAM_B, APP_BUILDS, "secret", Optional.empty(), 10).items())
              .isEmpty();
          assertThat(tx.sources(TEAM_B, APP_BUILDS, "b1", Optional.empty(), 10).total()).isZero();
          assertThat(tx.countTargets(TEAM_B, APP_BUILDS, "secret")).isZero();
          return null;
        });
    ApiError update =
        apiError(() -> store.transaction(tx -> tx.update(TEAM_B, "apps", "secret", Map.of())));
    ApiError delete = apiError(() -> store.write(tx -> tx.delete(TEAM_B, "apps", "secret")));
    store.write(tx -> tx.deleteEdgesOf(TEAM_B, "apps", "secret"));

    assertThat(update.code()).isEqualTo("NOT_FOUND");
    assertThat(delete.code()).isEqualTo("NOT_FOUND");
    assertThat(attributesOf(TEAM_A, "apps", "secret")).containsEntry("name", "A's app");
    assertThat(targetCount(TEAM_A, APP_BUILDS, "secret")).isEqualTo(1);
  }

  @Test
  void globalReferenceDataLivesUnderTheReservedTeamAndItsDeletionUnlinksEveryTeam() {
    Relation appTerritories = new Relation("apps.territories", "apps", "territories");
    store.write(
        tx -> {
          tx.insert(StoredResource.GLOBAL_TEAM, "territories", "USA", Map.of("currency", "USD"));
          tx.insert(StoredResource.GLOBAL_TEAM, "territories", "FRA", Map.of("currency", "EUR"));
          tx.addEdges(TEAM_A, appTerritories, "appA", List.of("USA", "FRA"));
          tx.addEdges(TEAM_B, appTerritories, "appB", List.of("USA"));
        });

    assertThat(
            ids(
                store.read(
                    tx ->
                        tx.list(StoredResource.GLOBAL_TEAM, "territories", Optional.empty(), 10))))
        .containsExactly("USA", "FRA");
    assertThat(store.read(tx -> tx.list(TEAM_A, "territories", Optional.empty(), 10)).total())
        .isZero();

    store.write(tx -> tx.delete(StoredResource.GLOBAL_TEAM, "territories", "USA"));

    assertThat(targetCount(TEAM_A, appTerritories, "appA")).isEqualTo(1);
    assertThat(targetCount(TEAM_B, appTerritories, "appB")).isZero();
  }

  @Test
  void listLimitBelowOneIsACallerBug() {
    assertThatThrownBy(() -> store.read(tx -> tx.list(TEAM_A, "apps", Optional.empty(), 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- edges ----

  @Test
  void addedEdgesAppendInOrderAndIgnoreDuplicates() {
    store.write(
        tx -> {
          tx.addEdges(TEAM_A, APP_BUILDS, "app1", List.of("b1", "b2"));
          tx.addEdges(TEAM_A, APP_BUILDS, "app1", List.of("b2", "b3", "b1", "b4", "b3"));
        });

    Page<Edge> targets =
        store.read(tx -> tx.targets(TEAM_A, APP_BUILDS, "app1", Optional.empty(), 10));

    assertThat(toIds(targets)).containsExactly("b1", "b2", "b3", "b4");
    assertThat(targets.total()).isEqualTo(4);
    assertThat(targets.items().get(0))
        .isEqualTo(new Edge("apps.builds", "app1", "b1", targets.items().get(0).position()));
  }

  @Test
  void targetsPageByPosition() {
    store.write(
        tx -> tx.addEdges(TEAM_A, APP_BUILDS, "app1", List.of("b5", "b1", "b4", "b2", "b3")));

    Page<Edge> first =
        store.read(tx -> tx.targets(TEAM_A, APP_BUILDS, "app1", Optional.empty(), 2));
    Page<Edge> second =
        store.read(
            tx ->
                tx.targets(
                    TEAM_A,
                    APP_BUILDS,
                    "app1",
                    Optional.of(first.last().orElseThrow().position()),
                    2));
    Page<Edge> third =
        store.read(
            tx ->
                tx.targets(
                    TEAM_A,
                    APP_BUILDS,
                    "app1",
                    Optional.of(second.last().orElseThrow().position()),
                    2));

    assertThat(toIds(first)).containsExactly("b5", "b1");
    assertThat(toIds(second)).containsExactly("b4", "b2");
    assertThat(toIds(third)).containsExactly("b3");
    assertThat(List.of(first.hasMore(), second.hasMore(), third.hasMore()))
        .containsExactly(true, true, false);
    assertThat(third.total()).isEqualTo(5);
  }

  @Test
  void targetAddedWhileAClientPagesAppearsOnALaterPageEvenIfTheLastWasRemoved() {
    store.write(tx -> tx.addEdges(TEAM_A, APP_BUILDS, "app1", List.of("b1", "b2", "b3")));
    Page<Edge> first =
        store.read(tx -> tx.targets(TEAM_A, APP_BUILDS, "app1", Optional.empty(), 3));

    store.write(
        tx -> {
          tx.removeEdges(TEAM_A, APP_BUILDS, "app1", List.of("b3"));
          tx.addEdges(TEAM_A, APP_BUILDS, "app1", List.of("b4"));
        });
    Page<Edge> next =
        store.read(
            tx ->
                tx.targets(
                    TEAM_A,
                    APP_BUILDS,
                    "app1",
                    Optional.of(first.last().orElseThrow().position()),
                    3));

    assertThat(toIds(first)).containsExactly("b1", "b2", "b3");
    assertThat(toIds(next)).containsExactly("b4");
  }

  @Test
  void sourcesSeeTheSameEdgesFromTheOtherSidePagedBySourceId() {
    store.write(
        tx -> {
          tx.addEdges(TEAM_A, GROUP_TESTERS, "g3", List.of("t1"));
          tx.addEdges(TEAM_A, GROUP_TESTERS, "g1", List.of("t1", "t2"));
          tx.addEdges(TEAM_A, GROUP_TESTERS, "g2", List.of("t1"));
        });

    Page<Edge> first =
        store.read(tx -> tx.sources(TEAM_A, GROUP_TESTERS, "t1", Optional.empty(), 2));
    Page<Edge> second =
        store.read(
            tx ->
                tx.sources(
                    TEAM_A,
                    GROUP_TESTERS,
                    "t1",
                    Optional.of(first.last().orElseThrow().fromId()),
                    2));

    assertThat(first.items()).extracting(Edge::fromId).containsExactly("g1", "g2");
    assertThat(first.hasMore()).isTrue();
    assertThat(first.total()).isEqualTo(3);
    assertThat(second.items()).extracting(Edge::fromId).containsExactly("g3");
    assertThat(second.hasMore()).isFalse();
    assertThat(sourceCount(TEAM_A, GROUP_TESTERS, "t2")).isEqualTo(1);
    assertThat(targetCount(TEAM_A, GROUP_TESTERS, "g1")).isEqualTo(2);
  }

  @Test
  void removedEdgesDisappearFromBothSides() {
    store.write(tx -> tx.addEdges(TEAM_A, GROUP_TESTERS, "g1", List.of("t1", "t2", "t3")));

    store.write(tx -> tx.removeEdges(TEAM_A, GROUP_TESTERS, "g1", List.of("t2", "t9")));

    assertThat(
            toIds(store.read(tx -> tx.targets(TEAM_A, GROUP_TESTERS, "g1", Optional.empty(), 10))))
        .containsExactly("t1", "t3");
    assertThat(sourceCount(TEAM_A, GROUP_TESTERS, "t2")).isZero();
  }

  @Test
  void replaceSetsExactlyTheGivenTargetsInTheGivenOrder() {
    store.write(tx -> tx.addEdges(TEAM_A, GROUP_TESTERS, "g1", List.of("t1", "t2", "t3")));

    store.write(
        tx -> tx.replaceEdges(TEAM_A, GROUP_TESTERS, "g1", List.of("t3", "t4", "t1", "t4")));

    assertThat(
            toIds(store.read(tx -> tx.targets(TEAM_A, GROUP_TESTERS, "g1", Optional.empty(), 10))))
        .containsExactly("t3", "t4", "t1");
    assertThat(sourceCount(TEAM_A, GROUP_TESTERS, "t2")).isZero();

    store.write(tx -> tx.replaceEdges(TEAM_A, GROUP_TESTERS, "g1", List.of()));

    assertThat(targetCount(TEAM_A, GROUP_TESTERS, "g1")).isZero();
  }

  @Test
  void relationsWithTheSameEndpointsAreKeptApart() {
    Relation experiments = new Relation("apps.experiments", "apps", "builds");
    store.write(
        tx -> {
          tx.addEdges(TEAM_A, APP_BUILDS, "app1", List.of("b1"));
          tx.addEdges(TEAM_A, experiments, "app1", List.of("b2"));
        });

    assertThat(
            toIds(store.read(tx -> tx.targets(TEAM_A, APP_BUILDS, "app1", Optional.empty(), 10))))
        .containsExactly("b1");
    assertThat(
            toIds(store.read(tx -> tx.targets(TEAM_A, experiments, "app1", Optional.empty(), 10))))
        .containsExactly("b2");
  }

  // ---- queries ----

  private static final Relation BUILD_APP = new Relation("builds.app", "builds", "apps");
  private static final Relation BUILD_PRERELEASE =
      new Relation("builds.preReleaseVersion", "builds", "preReleaseVersions");
  private static final Relation APP_TERRITORIES =
      new Relation("apps.availableTerritories", "apps", "territories");

  @Test
  void queryWithoutConditionsListsTheTeamsRowsOfTheTypeInInsertionOrder() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "builds", "b2", Map.of());
          tx.insert(TEAM_B, "builds", "other", Map.of());
          tx.insert(TEAM_A, "apps", "a1", Map.of());
          tx.insert(TEAM_A, "builds", "b1", Map.of());
          tx.insert(StoredResource.GLOBAL_TEAM, "builds", "global", Map.of());
        });

    ResourcePage page = query(ResourceQuery.all(TEAM_A, "builds", 10));

    assertThat(idsOf(page)).containsExactly("b2", "b1");
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.next()).isEmpty();
    assertThat(page.items().get(0).attributes()).isEmpty();
  }

  @Test
  void attributeInComparesStringsNumbersAndBooleansByJsonType() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "builds", "string1", attributes("v", "1"));
          tx.insert(TEAM_A, "builds", "int1", attributes("v", 1));
          tx.insert(TEAM_A, "builds", "real1", attributes("v", 1.0));
          tx.insert(TEAM_A, "builds", "true", attributes("v", true));
          tx.insert(TEAM_A, "builds", "false", attributes("v", false));
          tx.insert(TEAM_A, "builds", "int0", attributes("v", 0));
          tx.insert(TEAM_A, "builds", "null", attributes("v", null));
          tx.insert(TEAM_A, "builds", "absent", attributes());
          tx.insert(TEAM_A, "builds", "list", attributes("v", List.of("1")));
        });

    assertThat(matching(new Condition.AttributeIn("v", List.of(1L))))
        .containsExactly("int1", "real1");
    assertThat(matching(new Condition.AttributeIn("v", List.of(new BigDecimal("1.00")))))
        .containsExactly("int1", "real1");
    assertThat(matching(new Condition.AttributeIn("v", List.of("1")))).containsExactly("string1");
    assertThat(matching(new Condition.AttributeIn("v", List.of(true)))).containsExactly("true");
    assertThat(matching(new Condition.AttributeIn("v", List.of(false)))).containsExactly("false");
    assertThat(matching(new Condition.AttributeIn("v", List.of(0)))).containsExactly("int0");
    assertThat(matching(new Condition.AttributeIn("v", List.of("1", true))))
        .containsExactly("string1", "true");
    assertThat(matching(new Condition.AttributeIn("v", List.of(false, 1L))))
        .containsExactly("int1", "real1", "false");
    assertThat(matching(new Condition.AttributeIn("v", List.of("[\"1\"]")))).isEmpty();
    assertThat(matching(new Condition.AttributeIn("v", List.of()))).isEmpty();
  }

  @Test
  void attributeContainsMatchesAnySubstringCaseSensitivelyWithoutWildcards() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "apps", "beta", attributes("name", "Pomona Beta"));
          tx.insert(TEAM_A, "apps", "lower", attributes("name", "pomona"));
          tx.insert(TEAM_A, "apps", "apple", attributes("name", "Apple"));
          tx.insert(TEAM_A, "apps", "sale", attributes("name", "50% off"));
          tx.insert(TEAM_A, "apps", "number", attributes("name", 5050));
          tx.insert(TEAM_A, "apps", "none", attributes("name", null));
        });

    assertThat(matchingApps(new Condition.AttributeContains("name", List.of("Pom"))))
        .containsExactly("beta");
    assertThat(matchingApps(new Condition.AttributeContains("name", List.of("pom", "ppl"))))
        .containsExactly("lower", "apple");
    assertThat(matchingApps(new Condition.AttributeContains("name", List.of("%"))))
        .containsExactly("sale");
    assertThat(matchingApps(new Condition.AttributeContains("name", List.of("_")))).isEmpty();
    assertThat(matchingApps(new Condition.AttributeContains("name", List.of("50"))))
        .containsExactly("sale");
    assertThat(matchingApps(new Condition.AttributeContains("name", List.of()))).isEmpty();
  }

  @Test
  void attributeExistsTellsValuesFromNullAndAbsence() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "builds", "value", attributes("v", "x"));
          tx.insert(TEAM_A, "builds", "false", attributes("v", false));
          tx.insert(TEAM_A, "builds", "null", attributes("v", null));
          tx.insert(TEAM_A, "builds", "absent", attributes("w", 1));
        });

    assertThat(matching(new Condition.AttributeExists("v", true)))
        .containsExactly("value", "false");
    assertThat(matching(new Condition.AttributeExists("v", false)))
        .containsExactly("null", "absent");
  }

  @Test
  void idInAndConditionsAreAndedWithinTheTeam() {
    store.write(
        tx -> {
          for (int i = 1; i <= 5; i++) {
            tx.insert(TEAM_A, "builds", "b" + i, attributes("odd", i % 2 == 1));
          }
          tx.insert(TEAM_B, "builds", "b6", attributes("odd", false));
        });

    assertThat(matching(new Condition.IdIn(List.of("b4", "b1", "b6", "b3", "b1"))))
        .containsExactly("b1", "b3", "b4");
    assertThat(
            matching(
                new Condition.IdIn(List.of("b4", "b1", "b3")),
                new Condition.AttributeIn("odd", List.of(true))))
        .containsExactly("b1", "b3");
    assertThat(matching(new Condition.IdIn(List.of()))).isEmpty();
  }

  @Test
  void ascendingSortPutsNullsFirstAndBreaksTiesByInsertion() {
    insertRanked("n1", null, "r3a", 3, "r1", 1, "absent", ABSENT, "r3b", 3, "n2", null, "r2", 2);

    ResourcePage ascending = query(builds().withSort(List.of(SortKey.ascending("rank"))));
    ResourcePage descending = query(builds().withSort(List.of(SortKey.descending("rank"))));

    assertThat(idsOf(ascending)).containsExactly("n1", "absent", "n2", "r1", "r2", "r3a", "r3b");
    assertThat(idsOf(descending)).containsExactly("r3b", "r3a", "r2", "r1", "n2", "absent", "n1");
  }

  @Test
  void laterSortKeysOrderTiesOfEarlierOnes() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "builds", "a", attributes("major", 1, "minor", "b"));
          tx.insert(TEAM_A, "builds", "b", attributes("major", 2, "minor", "a"));
          tx.insert(TEAM_A, "builds", "c", attributes("major", 1, "minor", "c"));
          tx.insert(TEAM_A, "builds", "d", attributes("major", 1));
          tx.insert(TEAM_A, "builds", "e", attributes("major", 1, "minor", "c"));
        });

    ResourcePage page =
        query(builds().withSort(List.of(SortKey.descending("major"), SortKey.ascending("minor"))));

    assertThat(idsOf(page)).containsExactly("b", "d", "a", "c", "e");
  }

  @Test
  void keysetPagesContinueAcrossNullsInBothDirections() {
    insertRanked("n1", null, "r3a", 3, "r1", 1, "absent", ABSENT, "r3b", 3, "n2", null, "r2", 2);

    for (int limit = 1; limit <= 4; limit++) {
      ResourceQuery ascending =
          builds().withSort(List.of(SortKey.ascending("rank"))).withLimit(limit);
      ResourceQuery descending =
          builds().withSort(List.of(SortKey.descending("rank"))).withLimit(limit);
      assertThat(allPages(ascending))
          .as("ascending by %d", limit)
          .containsExactly("n1", "absent", "n2", "r1", "r2", "r3a", "r3b");
      assertThat(allPages(descending))
          .as("descending by %d", limit)
          .containsExactly("r3b", "r3a", "r2", "r1", "n2", "absent", "n1");
    }
  }

  @Test
  void nextIsPresentOnlyWhenMoreItemsMatchAndTotalIgnoresThePosition() {
    store.write(
        tx -> {
          for (int i = 1; i <= 4; i++) {
            tx.insert(TEAM_A, "builds", "b" + i, attributes("rank", i));
          }
        });
    ResourceQuery byRank = builds().withSort(List.of(SortKey.ascending("rank"))).withLimit(2);

    ResourcePage first = query(byRank);
    ResourcePage second = query(byRank.withAfter(first.next()));
    ResourcePage whole = query(byRank.withLimit(4));

    assertThat(idsOf(first)).containsExactly("b1", "b2");
    assertThat(first.next())
        .hasValueSatisfying(next -> assertThat(next.values()).containsExactly(2L));
    assertThat(idsOf(second)).containsExactly("b3", "b4");
    assertThat(second.next()).isEmpty();
    assertThat(List.of(first.total(), second.total(), whole.total())).containsOnly(4L);
    assertThat(whole.next()).isEmpty();
  }

  @Test
  void sortedKeysetPagingNeitherSkipsNorRepeatsUnchangedItemsWhileOthersChange() {
    store.write(tx -> tx.ensureIndexes(List.of(new IndexSpec("builds", "rank"))));
    Random random = new Random(20260302);
    Map<String, Object> rankOf = new LinkedHashMap<>();
    int[] nextId = {0};
    store.write(
        tx -> {
          for (int i = 0; i < 40; i++) {
            String id = "r" + nextId[0]++;
            Object rank = random.nextInt(5) == 0 ? null : random.nextInt(6);
            tx.insert(TEAM_A, "builds", id, attributes("rank", rank, "touched", 0));
            rankOf.put(id, rank);
          }
        });
    Set<String> presentThroughout = new HashSet<>(rankOf.keySet());
    ResourceQuery byRank = builds().withSort(List.of(SortKey.descending("rank"))).withLimit(4);
    List<StoredResource> seen = new ArrayList<>();
    Optional<Keyset> after = Optional.empty();

    do {
      ResourcePage page = query(byRank.withAfter(after));
      seen.addAll(page.items());
      after = page.next();
      store.write(
          tx -> {
            for (int i = 0; i < 2; i++) {
              String id = "r" + nextId[0]++;
              Object rank = random.nextBoolean() ? null : random.nextInt(6);
              tx.insert(TEAM_A, "builds", id, attributes("rank", rank, "touched", 0));
              rankOf.put(id, rank);
            }
            List<String> live = new ArrayList<>(rankOf.keySet());
            String victim = live.get(random.nextInt(live.size()));
            tx.delete(TEAM_A, "builds", victim);
            rankOf.remove(victim);
            presentThroughout.remove(victim);
            String touched = live.get(random.nextInt(live.size()));
            if (rankOf.containsKey(touched)) {
              tx.update(
                  TEAM_A, "builds", touched, attributes("rank", rankOf.get(touched), "touched", 1));
            }
          });
    } while (after.isPresent());

    List<String> seenIds = seen.stream().map(StoredResource::id).toList();
    assertThat(seenIds).doesNotHaveDuplicates().containsAll(presentThroughout);
    assertThat(seen).isSortedAccordingTo(order(List.of(SortKey.descending("rank"))));
  }

  @Test
  void randomQueriesPageExactlyLikeAnInMemoryModelWithAndWithoutIndexes() {
    Random random = new Random(20260303);
    List<StoredResource> rows = new ArrayList<>();
    store.write(
        tx -> {
          for (int i = 0; i < 60; i++) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            putRandomly(random, attributes, "n", random.nextInt(4));
            putRandomly(random, attributes, "s", String.valueOf((char) ('a' + random.nextInt(3))));
            putRandomly(random, attributes, "f", random.nextBoolean());
            rows.add(tx.insert(TEAM_A, "builds", "b" + i, attributes));
            tx.insert(TEAM_B, "builds", "b" + i, attributes);
            tx.insert(TEAM_A, "apps", "b" + i, attributes);
          }
        });

    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 150; i++) {
        ResourceQuery query = randomQuery(random);
        List<StoredResource> expected =
            rows.stream()
                .filter(row -> query.conditions().stream().allMatch(c -> holds(c, row)))
                .sorted(order(query.sort()))
                .toList();
        List<String> expectedIds = expected.stream().map(StoredResource::id).toList();
        assertThat(allPages(query)).as("%s", query).containsExactlyElementsOf(expectedIds);
        assertThat(query(query).total()).as("total of %s", query).isEqualTo(expected.size());
      }
      store.write(
          tx ->
              tx.ensureIndexes(
                  List.of(
                      new IndexSpec("builds", "n"),
                      new IndexSpec("builds", "s"),
                      new IndexSpec("builds", "f"))));
    }
  }

  @Test
  void forwardAnchorListsTargetsInEdgePositionOrderAndPagesByPosition() {
    store.write(
        tx -> {
          for (int i = 1; i <= 6; i++) {
            tx.insert(TEAM_A, "builds", "b" + i, attributes("rank", 7 - i));
          }
          tx.insert(TEAM_B, "builds", "b9", attributes());
          tx.addEdges(TEAM_A, APP_BUILDS, "app1", List.of("b3", "b1", "missing", "b5", "b6"));
          tx.addEdges(TEAM_A, APP_BUILDS, "app2", List.of("b2"));
          tx.addEdges(TEAM_B, APP_BUILDS, "app1", List.of("b9", "b2"));
        });
    ResourceQuery ofApp1 = builds().withAnchor(new Anchor(APP_BUILDS, "app1", true)).withLimit(2);

    ResourcePage first = query(ofApp1);
    ResourcePage second = query(ofApp1.withAfter(first.next()));
    long positionOfB1 =
        store.read(tx -> tx.targets(TEAM_A, APP_BUILDS, "app1", Optional.empty(), 10))
            .items()
            .get(1)
            .position();

    assertThat(idsOf(first)).containsExactly("b3", "b1");
    assertThat(first.total()).isEqualTo(4);
    assertThat(first.next()).contains(Keyset.of(positionOfB1));
    assertThat(idsOf(second)).containsExactly("b5", "b6");
    assertThat(second.next()).isEmpty();
    assertThat(allPages(ofApp1.withSort(List.of(SortKey.ascending("rank")))))
        .containsExactly("b6", "b5", "b3", "b1");
    assertThat(allPages(ofApp1.withConditions(List.of(new Condition.IdIn(List.of("b5", "b3"))))))
        .containsExactly("b3", "b5");
  }

  @Test
  void reverseAnchorListsSourcesInInsertionOrder() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "apps", "app1", Map.of());
          tx.insert(TEAM_A, "apps", "app2", Map.of());
          tx.insert(TEAM_A, "apps", "app3", Map.of());
          tx.addEdges(TEAM_A, APP_BUILDS, "app3", List.of("b1"));
          tx.addEdges(TEAM_A, APP_BUILDS, "app1", List.of("b1"));
          tx.addEdges(TEAM_A, APP_BUILDS, "app2", List.of("b2"));
          tx.addEdges(TEAM_B, APP_BUILDS, "app2", List.of("b1"));
        });

    ResourcePage page =
        query(
            ResourceQuery.all(TEAM_A, "apps", 10).withAnchor(new Anchor(APP_BUILDS, "b1", false)));

    assertThat(idsOf(page)).containsExactly("app1", "app3");
    assertThat(page.total()).isEqualTo(2);
  }

  @Test
  void relatedConditionsSeeOnlyTheTeamsEdgesFromEitherSide() {
    store.write(
        tx -> {
          for (int i = 1; i <= 6; i++) {
            tx.insert(TEAM_A, "builds", "b" + i, Map.of());
          }
          tx.addEdges(TEAM_A, APP_BUILDS, "app1", List.of("b5", "b1", "b3"));
          tx.addEdges(TEAM_A, APP_BUILDS, "app2", List.of("b2", "b3"));
          tx.addEdges(TEAM_B, APP_BUILDS, "app1", List.of("b4"));
          tx.addEdges(TEAM_A, BUILD_APP, "b6", List.of("app1"));
          tx.addEdges(TEAM_B, BUILD_APP, "b4", List.of("app1"));
        });

    assertThat(matching(new Condition.Related(APP_BUILDS, false, List.of("app1"))))
        .containsExactly("b1", "b3", "b5");
    assertThat(matching(new Condition.Related(APP_BUILDS, false, List.of("app1", "app2"))))
        .containsExactly("b1", "b2", "b3", "b5");
    assertThat(matching(new Condition.Related(BUILD_APP, true, List.of("app1"))))
        .containsExactly("b6");
    assertThat(matching(new Condition.Related(APP_BUILDS, false, List.of()))).isEmpty();
    assertThat(matching(new Condition.RelatedExists(APP_BUILDS, false, true)))
        .containsExactly("b1", "b2", "b3", "b5");
    assertThat(matching(new Condition.RelatedExists(APP_BUILDS, false, false)))
        .containsExactly("b4", "b6");
    assertThat(matching(new Condition.RelatedExists(BUILD_APP, true, true))).containsExactly("b6");
    assertThat(
            matching(
                new Condition.Related(APP_BUILDS, false, List.of("app1")),
                new Condition.Related(APP_BUILDS, false, List.of("app2"))))
        .containsExactly("b3");
  }

  @Test
  void relatedAttributeInFiltersOnTheLinkedResourcesTypedValues() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "preReleaseVersions", "p1", attributes("version", "1.0"));
          tx.insert(TEAM_A, "preReleaseVersions", "p2", attributes("version", "2.0"));
          tx.insert(TEAM_A, "preReleaseVersions", "p3", attributes("version", 1.0));
          tx.insert(TEAM_B, "preReleaseVersions", "p4", attributes("version", "1.0"));
          for (int i = 1; i <= 5; i++) {
            tx.insert(TEAM_A, "builds", "b" + i, Map.of());
          }
          tx.addEdges(TEAM_A, BUILD_PRERELEASE, "b4", List.of("p1"));
          tx.addEdges(TEAM_A, BUILD_PRERELEASE, "b1", List.of("p1"));
          tx.addEdges(TEAM_A, BUILD_PRERELEASE, "b2", List.of("p2"));
          tx.addEdges(TEAM_A, BUILD_PRERELEASE, "b3", List.of("p3"));
          tx.addEdges(TEAM_A, BUILD_PRERELEASE, "b5", List.of("p4"));
        });

    assertThat(matching(prereleaseVersion("1.0"))).containsExactly("b1", "b4");
    assertThat(matching(prereleaseVersion("1.0", "2.0"))).containsExactly("b1", "b2", "b4");
    assertThat(matching(prereleaseVersion(1L))).containsExactly("b3");
    store.write(tx -> tx.ensureIndexes(List.of(new IndexSpec("preReleaseVersions", "version"))));
    assertThat(matching(prereleaseVersion("1.0"))).containsExactly("b1", "b4");
  }

  @Test
  void globalTypesAreReadFromTheGlobalTeamThroughTheCallersEdges() {
    String global = StoredResource.GLOBAL_TEAM;
    store.write(
        tx -> {
          tx.insert(global, "territories", "USA", attributes("currency", "USD"));
          tx.insert(global, "territories", "FRA", attributes("currency", "EUR"));
          tx.insert(TEAM_A, "territories", "XXX", attributes("currency", "USD"));
          tx.insert(TEAM_A, "apps", "app1", Map.of());
          tx.insert(TEAM_A, "apps", "app2", Map.of());
          tx.insert(TEAM_B, "apps", "app9", Map.of());
          tx.addEdges(TEAM_A, APP_TERRITORIES, "app1", List.of("FRA", "USA"));
          tx.addEdges(TEAM_A, APP_TERRITORIES, "app2", List.of("FRA"));
          tx.addEdges(TEAM_B, APP_TERRITORIES, "app9", List.of("USA"));
          tx.addEdges(TEAM_B, APP_TERRITORIES, "app2", List.of("USA"));
        });
    ResourceQuery territories =
        new ResourceQuery(
            TEAM_A,
            "territories",
            true,
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty(),
            10);

    assertThat(idsOf(query(territories))).containsExactly("USA", "FRA");
    assertThat(
            idsOf(
                query(
                    territories.withConditions(
                        List.of(new Condition.AttributeIn("currency", List.of("USD")))))))
        .containsExactly("USA");
    assertThat(idsOf(query(territories.withAnchor(new Anchor(APP_TERRITORIES, "app1", true)))))
        .containsExactly("FRA", "USA");
    assertThat(
            idsOf(
                query(
                    ResourceQuery.all(TEAM_A, "apps", 10)
                        .withConditions(
                            List.of(
                                new Condition.RelatedAttributeIn(
                                    APP_TERRITORIES,
                                    true,
                                    "territories",
                                    true,
                                    "currency",
                                    List.of("USD")))))))
        .containsExactly("app1");
  }

  @Test
  void getAllReturnsEachExistingResourceOnceFromTheRightTeam() {
    store.write(
        tx -> {
          tx.insert(TEAM_A, "builds", "b1", attributes("team", "A"));
          tx.insert(TEAM_A, "builds", "b2", attributes("team", "A"));
          tx.insert(TEAM_B, "builds", "b3", attributes("team", "B"));
          tx.insert(TEAM_A, "apps", "b2", Map.of());
          tx.insert(StoredResource.GLOBAL_TEAM, "territories", "USA", Map.of());
        });
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      many.add(i == 700 ? "b2" : "nope" + i);
    }

    List<StoredResource> found =
        store.read(tx -> tx.getAll(TEAM_A, "builds", false, List.of("b2", "b1", "b2", "b3", "x")));

    assertThat(found).extracting(StoredResource::id).containsExactlyInAnyOrder("b1", "b2");
    assertThat(found).allSatisfy(r -> assertThat(r.attributes()).containsEntry("team", "A"));
    assertThat(
            store.<List<StoredResource>>read(
                tx -> tx.getAll(TEAM_A, "territories", true, List.of("USA", "FRA"))))
        .extracting(StoredResource::id)
        .containsExactly("USA");
    assertThat(store.<List<StoredResource>>read(tx -> tx.getAll(TEAM_A, "builds", false, many)))
        .extracting(StoredResource::id)
        .containsExactly("b2");
    assertThat(
            store.<List<StoredResource>>read(tx -> tx.getAll(TEAM_A, "builds", false, List.of())))
        .isEmpty();
  }

  @Test
  void batchLinkageGivesTheFirstEdgesAndCountsOfEveryAnchor() {
    store.write(
        tx -> {
          tx.addEdges(TEAM_A, GROUP_TESTERS, "g1", List.of("t3", "t1", "t2"));
          tx.addEdges(TEAM_A, GROUP_TESTERS, "g2", List.of("t1"));
          tx.addEdges(TEAM_A, GROUP_TESTERS, "g0", List.of("t1"));
          tx.addEdges(TEAM_B, GROUP_TESTERS, "g1", List.of("t9"));
        });

    Map<String, List<Edge>> targets =
        store.read(
            tx -> tx.targetsOfEach(TEAM_A, GROUP_TESTERS, List.of("g2", "g1", "g9", "g1"), 2));
    Map<String, List<Edge>> sources =
        store.read(tx -> tx.sourcesOfEach(TEAM_A, GROUP_TESTERS, List.of("t1", "t9"), 2));
    Map<String, Long> targetCounts =
        store.read(tx -> tx.countTargetsOfEach(TEAM_A, GROUP_TESTERS, List.of("g1", "g9", "g2")));
    Map<String, Long> sourceCounts =
        store.read(tx -> tx.countSourcesOfEach(TEAM_A, GROUP_TESTERS, List.of("t1", "t9")));

    assertThat(targets.keySet()).containsExactly("g2", "g1", "g9");
    assertThat(targets.get("g1")).extracting(Edge::toId).containsExactly("t3", "t1");
    assertThat(targets.get("g2")).extracting(Edge::toId).containsExactly("t1");
    assertThat(targets.get("g9")).isEmpty();
    assertThat(sources.get("t1")).extracting(Edge::fromId).containsExactly("g0", "g1");
    assertThat(sources.get("t9")).isEmpty();
    assertThat(targetCounts)
        .containsExactly(Map.entry("g1", 3L), Map.entry("g9", 0L), Map.entry("g2", 1L));
    assertThat(sourceCounts).containsExactly(Map.entry("t1", 3L), Map.entry("t9", 0L));
  }

  /** A limit of one (every to-one include) may take another query; the first edge it must stay. */
  @Test
  void batchLinkageOfOneGivesTheFirstEdgeOfEveryAnchor() {
    store.write(
        tx -> {
          tx.addEdges(TEAM_A, GROUP_TESTERS, "g1", List.of("t3", "t1", "t2"));
          tx.addEdges(TEAM_A, GROUP_TESTERS, "g2", List.of("t2"));
          tx.addEdges(TEAM_A, GROUP_TESTERS, "g0", List.of("t2"));
          tx.addEdges(TEAM_B, GROUP_TESTERS, "a0", List.of("t2"));
        });

    Map<String, List<Edge>> targets =
        store.read(tx -> tx.targetsOfEach(TEAM_A, GROUP_TESTERS, List.of("g2", "g1", "g9"), 1));
    Map<String, List<Edge>> sources =
        store.read(tx -> tx.sourcesOfEach(TEAM_A, GROUP_TESTERS, List.of("t2", "t3", "t9"), 1));

    assertThat(targets.keySet()).containsExactly("g2", "g1", "g9");
    Map<String, List<Edge>> allTargets =
        store.read(tx -> tx.targetsOfEach(TEAM_A, GROUP_TESTERS, List.of("g1"), 3));
    Map<String, List<Edge>> allSources =
        store.read(tx -> tx.sourcesOfEach(TEAM_A, GROUP_TESTERS, List.of("t2"), 3));
    assertThat(allTargets.get("g1")).extracting(Edge::toId).containsExactly("t3", "t1", "t2");
    assertThat(targets.get("g1")).containsExactly(allTargets.get("g1").get(0));
    assertThat(targets.get("g2")).extracting(Edge::toId).containsExactly("t2");
    assertThat(targets.get("g9")).isEmpty();
    // Sources come in source-id order: g0 before g1 and g2; team B's a0 is not team A's.
    assertThat(allSources.get("t2")).extracting(Edge::fromId).containsExactly("g0", "g1", "g2");
    assertThat(sources.get("t2")).containsExactly(allSources.get("t2").get(0));
    assertThat(sources.get("t3")).extracting(Edge::fromId).containsExactly("g1");
    assertThat(sources.get("t9")).isEmpty();
  }

  @Test
  void ensuringIndexesTwiceChangesNothingAndSurvivesReopening() {
    List<IndexSpec> specs = List.of(new IndexSpec("builds", "rank"), new IndexSpec("apps", "name"));
    insertRanked("r2", 2, "r1", 1);

    store.write(tx -> tx.ensureIndexes(specs));
    store.write(tx -> tx.ensureIndexes(specs));
    reopen().write(tx -> tx.ensureIndexes(specs));

    assertThat(idsOf(query(builds().withSort(List.of(SortKey.ascending("rank"))))))
        .containsExactly("r1", "r2");
  }

  @Test
  void unsafeNamesAndInconsistentQueriesAreCallerBugs() {
    assertThatThrownBy(() -> ResourceQuery.all(TEAM_A, "builds' OR 1=1 --", 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Condition.AttributeIn("a.b", List.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IndexSpec("builds", "version')"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SortKey.ascending("1st")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Condition.AttributeIn("v", java.util.Arrays.asList("x", null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builds().withLimit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builds().withAfter(Optional.of(new Keyset(List.of("x"), 3))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builds().withAnchor(new Anchor(APP_BUILDS, "b1", false)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                builds()
                    .withConditions(List.of(new Condition.RelatedExists(BUILD_APP, false, true))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void attributeValuesAreDataEvenWhenTheyLookLikeSql() {
    store.write(tx -> tx.insert(TEAM_A, "builds", "b1", attributes("v", "x' OR '1'='1")));
    store.write(tx -> tx.insert(TEAM_A, "builds", "b2", attributes("v", "y")));

    assertThat(matching(new Condition.AttributeIn("v", List.of("x' OR '1'='1"))))
        .containsExactly("b1");
    assertThat(matching(new Condition.AttributeIn("v", List.of("' OR '1'='1")))).isEmpty();
  }

  // ---- transactions ----

  @Test
  void exceptionRollsBackEverythingTheTransactionWrote() {
    store.write(tx -> tx.createTeam(team(TEAM_A, "issuer-a")));
    IllegalStateException failure = new IllegalStateException("behaviour failed");

    Throwable thrown =
        catchThrowableOfType(
            IllegalStateException.class,
            () ->
                store.write(
                    tx -> {
                      tx.insert(TEAM_A, "apps", "1001", Map.of());
                      tx.addEdges(TEAM_A, APP_BUILDS, "1001", List.of("b1"));
                      tx.insertKey(key("KEYAAAAAA1", TEAM_A, START));
                      tx.createTeam(team(TEAM_B, "issuer-b"));
                      throw failure;
                    }));

    assertThat(thrown).isSameAs(failure);
    assertThat(find(TEAM_A, "apps", "1001")).isEmpty();
    assertThat(targetCount(TEAM_A, APP_BUILDS, "1001")).isZero();
    assertThat(store.findKey("KEYAAAAAA1")).isEmpty();
    assertThat(store.findTeam(TEAM_B)).isEmpty();
    // The store stays usable after a rollback.
    store.write(tx -> tx.insert(TEAM_A, "apps", "1001", Map.of()));
    assertThat(find(TEAM_A, "apps", "1001")).isPresent();
  }

  @Test
  void apiExceptionFromWorkRollsBackEarlierWrites() {
    store.write(tx -> tx.insert(TEAM_A, "apps", "1", Map.of()));

    apiError(
        () ->
            store.write(
                tx -> {
                  tx.insert(TEAM_A, "apps", "2", Map.of());
                  tx.insert(TEAM_A, "apps", "1", Map.of());
                }));

    assertThat(find(TEAM_A, "apps", "2")).isEmpty();
  }

  @Test
  void readTransactionCannotWrite() {
    assertThatThrownBy(() -> store.read(tx -> tx.insert(TEAM_A, "apps", "1", Map.of())))
        .isInstanceOf(StoreException.class);

    assertThat(find(TEAM_A, "apps", "1")).isEmpty();
  }

  @Test
  void nestedTransactionIsRejected() {
    assertThatThrownBy(() -> store.transaction(outer -> store.transaction(inner -> 1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.read(outer -> store.read(inner -> 1)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(store.<Integer>transaction(tx -> 42)).isEqualTo(42);
  }

  @Test
  void txUsedAfterItsTransactionFails() {
    Tx escaped = store.transaction(tx -> tx);

    assertThatThrownBy(() -> escaped.get(TEAM_A, "apps", "1"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readSeesOneSnapshotWhileAWriteCommits() throws Exception {
    store.write(tx -> tx.insert(TEAM_A, "apps", "1", Map.of("name", "before")));
    CountDownLatch readStarted = new CountDownLatch(1);
    CountDownLatch writeDone = new CountDownLatch(1);
    ExecutorService writerThread = Executors.newSingleThreadExecutor();
    try {
      Future<?> write =
          writerThread.submit(
              () -> {
                await(readStarted);
                store.transaction(tx -> tx.update(TEAM_A, "apps", "1", Map.of("name", "after")));
                writeDone.countDown();
              });

      List<Object> names =
          store.read(
              tx -> {
                Object first = tx.get(TEAM_A, "apps", "1").orElseThrow().attributes().get("name");
                readStarted.countDown();
                await(writeDone);
                Object second = tx.get(TEAM_A, "apps", "1").orElseThrow().attributes().get("name");
                return List.of(first, second);
              });

      write.get(30, TimeUnit.SECONDS);
      assertThat(names).containsExactly("before", "before");
      assertThat(attributesOf(TEAM_A, "apps", "1")).containsEntry("name", "after");
    } finally {
      writerThread.shutdownNow();
    }
  }

  @Test
  void concurrentWritersAndReadersAllSucceed() throws Exception {
    int threads = 8;
    int writesPerThread = 40;
    store.write(tx -> tx.insert(TEAM_A, "counters", "c", Map.of("value", 0)));
    ExecutorService pool = Executors.newFixedThreadPool(threads * 2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                (Callable<Void>)
                    () -> {
                      start.await();
                      for (int i = 0; i < writesPerThread; i++) {
                        String id = thread + "-" + i;
                        store.write(
                            tx -> {
                              tx.insert(TEAM_A, "builds", id, Map.of("thread", thread));
                              StoredResource counter =
                                  tx.get(TEAM_A, "counters", "c").orElseThrow();
                              int value = (Integer) counter.attributes().get("value");
                              tx.update(
                                  TEAM_A,
                                  "counters",
                                  "c",
                                  Map.of("value", value + 1),
                                  counter.version());
                              tx.addEdges(TEAM_A, APP_BUILDS, "app", List.of(id));
                            });
                      }
                      return null;
                    }));
        results.add(
            pool.submit(
                (Callable<Void>)
                    () -> {
                      start.await();
                      for (int i = 0; i < writesPerThread; i++) {
                        store.read(tx -> tx.list(TEAM_A, "builds", Optional.empty(), 20));
                        store.findTeam(TEAM_A);
                      }
                      return null;
                    }));
      }
      start.countDown();
      for (Future<?> result : results) {
        result.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    int expected = threads * writesPerThread;
    assertThat(attributesOf(TEAM_A, "counters", "c")).containsEntry("value", expected);
    assertThat(store.read(tx -> tx.list(TEAM_A, "builds", Optional.empty(), 1)).total())
        .isEqualTo(expected);
    assertThat(targetCount(TEAM_A, APP_BUILDS, "app")).isEqualTo(expected);
  }

  // ---- durability ----

  @Test
  void dataSurvivesClosingAndReopening() {
    store.write(
        tx -> {
          tx.createTeam(team(TEAM_A, "issuer-a"));
          tx.insertKey(key("KEYAAAAAA1", TEAM_A, START));
          tx.insert(TEAM_A, "apps", "1001", Map.of("name", "kept"));
          tx.addEdges(TEAM_A, APP_BUILDS, "1001", List.of("b1", "b2"));
        });
    long seqBefore = find(TEAM_A, "apps", "1001").orElseThrow().seq();

    Store reopened = reopen();

    assertThat(reopened.findTeam(TEAM_A)).isPresent();
    assertThat(reopened.findKey("KEYAAAAAA1")).isPresent();
    assertThat(attributesOf(TEAM_A, "apps", "1001")).containsEntry("name", "kept");
    assertThat(
            toIds(
                reopened.read(tx -> tx.targets(TEAM_A, APP_BUILDS, "1001", Optional.empty(), 10))))
        .containsExactly("b1", "b2");
    StoredResource later = reopened.transaction(tx -> tx.insert(TEAM_A, "apps", "1002", Map.of()));
    assertThat(later.seq()).isGreaterThan(seqBefore);
  }

  @Test
  void reopeningRepeatedlyKeepsSchemaAndData() {
    store.write(tx -> tx.insert(TEAM_A, "apps", "1", Map.of()));

    reopen();
    reopen();
    Store third = reopen();

    assertThat(third.read(tx -> tx.list(TEAM_A, "apps", Optional.empty(), 10)).total())
        .isEqualTo(1);
    third.write(tx -> tx.insert(TEAM_A, "apps", "2", Map.of()));
    assertThat(third.read(tx -> tx.list(TEAM_A, "apps", Optional.empty(), 10)).total())
        .isEqualTo(2);
  }

  // ---- query helpers ----

  /** Marks an attribute left out of {@link #attributes}. */
  private static final Object ABSENT = new Object();

  private ResourcePage query(ResourceQuery query) {
    return store.read(tx -> tx.query(query));
  }

  /** The ids of every page of {@code query}, following {@code next} to the end. */
  private List<String> allPages(ResourceQuery query) {
    List<String> ids = new ArrayList<>();
    Optional<Keyset> after = query.after();
    do {
      ResourcePage page = query(query.withAfter(after));
      assertThat(page.items().size()).isLessThanOrEqualTo(query.limit());
      if (page.next().isPresent()) {
        assertThat(page.items()).as("a page followed by another is full").hasSize(query.limit());
      }
      page.items().forEach(item -> ids.add(item.id()));
      after = page.next();
    } while (after.isPresent() && ids.size() < 10_000);
    return ids;
  }

  private static ResourceQuery builds() {
    return ResourceQuery.all(TEAM_A, "builds", 50);
  }

  private List<String> matching(Condition... conditions) {
    return allPages(builds().withConditions(List.of(conditions)).withLimit(3));
  }

  private List<String> matchingApps(Condition... conditions) {
    return allPages(ResourceQuery.all(TEAM_A, "apps", 3).withConditions(List.of(conditions)));
  }

  private static Condition prereleaseVersion(Object... versions) {
    return new Condition.RelatedAttributeIn(
        BUILD_PRERELEASE, true, "preReleaseVersions", false, "version", List.of(versions));
  }

  private static List<String> idsOf(ResourcePage page) {
    return page.items().stream().map(StoredResource::id).toList();
  }

  /** Attributes from name-value pairs; null values are kept, {@link #ABSENT} ones left out. */
  private static Map<String, Object> attributes(Object... namesAndValues) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != ABSENT) {
        attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return attributes;
  }

  /** Inserts builds of team A from id-rank pairs, in order. */
  private void insertRanked(Object... idsAndRanks) {
    store.write(
        tx -> {
          for (int i = 0; i < idsAndRanks.length; i += 2) {
            tx.insert(
                TEAM_A, "builds", (String) idsAndRanks[i], attributes("rank", idsAndRanks[i + 1]));
          }
        });
  }

  private static void putRandomly(
      Random random, Map<String, Object> attributes, String name, Object value) {
    switch (random.nextInt(4)) {
      case 0 -> {} // absent
      case 1 -> attributes.put(name, null);
      default -> attributes.put(name, value);
    }
  }

  private static ResourceQuery randomQuery(Random random) {
    List<String> names = new ArrayList<>(List.of("n", "s", "f"));
    java.util.Collections.shuffle(names, random);
    List<SortKey> sort = new ArrayList<>();
    for (String name : names.subList(0, random.nextInt(4))) {
      sort.add(new SortKey(name, random.nextBoolean()));
    }
    List<Condition> conditions = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      conditions.add(
          switch (random.nextInt(4)) {
            case 0 -> new Condition.AttributeIn("n", List.of(random.nextInt(4), random.nextInt(4)));
            case 1 ->
                new Condition.AttributeIn(
                    "s", List.of(String.valueOf((char) ('a' + random.nextInt(3)))));
            case 2 -> new Condition.AttributeIn("f", List.of(random.nextBoolean()));
            default -> new Condition.AttributeExists(names.get(0), random.nextBoolean());
          });
    }
    return builds().withConditions(conditions).withSort(sort).withLimit(1 + random.nextInt(5));
  }

  /** The model of the attribute conditions that {@link #randomQuery} makes. */
  private static boolean holds(Condition condition, StoredResource row) {
    return switch (condition) {
      case Condition.AttributeIn in ->
          in.values().stream()
              .anyMatch(v -> sameJsonValue(v, row.attributes().get(in.attribute())));
      case Condition.AttributeExists exists ->
          (row.attributes().get(exists.attribute()) != null) == exists.exists();
      default -> throw new IllegalArgumentException("not modelled: " + condition);
    };
  }

  private static boolean sameJsonValue(Object wanted, Object stored) {
    if (wanted instanceof Number w && stored instanceof Number s) {
      return w.doubleValue() == s.doubleValue();
    }
    return wanted.equals(stored);
  }

  /** The documented order: keys with nulls lowest, then seq in the direction of the last key. */
  private static java.util.Comparator<StoredResource> order(List<SortKey> sort) {
    java.util.Comparator<StoredResource> order = (a, b) -> 0;
    for (SortKey key : sort) {
      java.util.Comparator<StoredResource> byKey =
          (a, b) ->
              compareJson(a.attributes().get(key.attribute()), b.attributes().get(key.attribute()));
      order = order.thenComparing(key.descending() ? byKey.reversed() : byKey);
    }
    java.util.Comparator<StoredResource> bySeq =
        java.util.Comparator.comparingLong(StoredResource::seq);
    boolean descending = !sort.isEmpty() && sort.get(sort.size() - 1).descending();
    return order.thenComparing(descending ? bySeq.reversed() : bySeq);
  }

  /** null below numbers (booleans as 0 and 1) below strings. */
  private static int compareJson(Object a, Object b) {
    int rank = Integer.compare(jsonRank(a), jsonRank(b));
    if (rank != 0 || a == null) {
      return rank;
    }
    if (a instanceof String x) {
      return x.compareTo((String) b);
    }
    return Double.compare(asNumber(a), asNumber(b));
  }

  private static int jsonRank(Object value) {
    return value == null ? 0 : value instanceof String ? 2 : 1;
  }

  private static double asNumber(Object value) {
    return value instanceof Boolean flag ? (flag ? 1 : 0) : ((Number) value).doubleValue();
  }

  // ---- helpers ----

  private Optional<StoredResource> find(String teamId, String type, String id) {
    return store.read(tx -> tx.get(teamId, type, id));
  }

  private long total(String teamId, String type) {
    return store.read(tx -> tx.list(teamId, type, Optional.empty(), 1)).total();
  }

  private long targetCount(String teamId, Relation relation, String fromId) {
    return store.read(tx -> tx.countTargets(teamId, relation, fromId));
  }

  private long sourceCount(String teamId, Relation relation, String toId) {
    return store.read(tx -> tx.countSources(teamId, relation, toId));
  }

  private Map<String, Object> attributesOf(String teamId, String type, String id) {
    return find(teamId, type, id).orElseThrow().attributes();
  }

  private static List<String> ids(Page<StoredResource> page) {
    return page.items().stream().map(StoredResource::id).toList();
  }

  private static List<String> toIds(Page<Edge> page) {
    return page.items().stream().map(Edge::toId).toList();
  }

  private static Team team(String id, String issuerId) {
    return new Team(id, issuerId, "Team " + id, START);
  }

  private static ApiKey key(String keyId, String teamId, Instant createdAt) {
    return new ApiKey(
        keyId,
        teamId,
        "CI key",
        Set.of("ADMIN", "APP_MANAGER"),
        KeyKind.TEAM,
        Optional.empty(),
        "-----BEGIN PUBLIC KEY-----\nMFkwEw\n-----END PUBLIC KEY-----\n",
        createdAt,
        Optional.empty());
  }

  private static ApiError apiError(ThrowingCallable call) {
    ApiException exception = catchThrowableOfType(ApiException.class, call);
    assertThat(exception).as("an ApiException").isNotNull();
    return exception.errors().get(0);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out waiting for the other thread");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
