package io.pomona.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pomona.account.ApiKey;
import io.pomona.account.KeyKind;
import io.pomona.account.Team;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
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
