// Seeds a Pomona data directory for the engine benchmark, through Pomona's own store and model,
// before the server starts: a team with an ADMIN key, apps, pre-release versions and builds
// linked to both (builds.app, builds.preReleaseVersion, preReleaseVersions.app), in large
// transactions. Prints the key as `serve` does on a first start ("Issuer ID:", "Key ID:",
// "Key file:") plus "Build ID:" (one build, for GET one) and the seeding time.
//
//   java -cp server/target/pomona.jar bench/Seed.java <dataDir> <apps> <versionsPerApp> <builds>
//
// Data is deterministic (fixed random seed): about 70% of builds are VALID, the rest PROCESSING,
// FAILED or INVALID; upload dates are distinct and spread over two years.
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.account.Team;
import io.pomona.app.Accounts;
import io.pomona.catalog.CatalogIndex;
import io.pomona.catalog.CatalogLoader;
import io.pomona.engine.EdgeRef;
import io.pomona.engine.Engine;
import io.pomona.engine.Model;
import io.pomona.store.Tx;
import io.pomona.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

public class Seed {
  private static final int ROWS_PER_TRANSACTION = 5_000;
  private static final DateTimeFormatter APPLE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
  private static final String[] OTHER_STATES = {"PROCESSING", "FAILED", "INVALID"};

  private final Random random = new Random(42);
  private final Model model;
  private final String team;

  Seed(Model model, String team) {
    this.model = model;
    this.team = team;
  }

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int apps = Integer.parseInt(args[1]);
    int versionsPerApp = Integer.parseInt(args[2]);
    int builds = Integer.parseInt(args[3]);
    Clock clock = Clock.systemUTC();
    long start = System.nanoTime();
    try (SqliteStore store = SqliteStore.open(data, clock)) {
      Accounts accounts = new Accounts(store, clock);
      Team team = accounts.createTeam("Benchmark Team");
      Accounts.CreatedKey key =
          accounts.createKey(team, "benchmark", Set.of("ADMIN"), Optional.empty(), data);
      Model model = new Model(new CatalogIndex(CatalogLoader.load()));
      // The indexes first, as `serve` makes them: inserts then pay for them as they would live.
      new Engine(model, store, new ObjectMapper(), "http://127.0.0.1").ensureIndexes();
      Seed seed = new Seed(model, team.id());
      List<String> appIds = new ArrayList<>();
      List<String> versionIds = new ArrayList<>();
      store.write(tx -> seed.appsAndVersions(tx, apps, versionsPerApp, appIds, versionIds));
      String firstBuild = null;
      for (int done = 0; done < builds; done += ROWS_PER_TRANSACTION) {
        int from = done;
        int count = Math.min(ROWS_PER_TRANSACTION, builds - done);
        String first = store.transaction(tx -> seed.builds(tx, from, count, appIds, versionIds, versionsPerApp));
        firstBuild = firstBuild == null ? first : firstBuild;
      }
      System.out.printf("Issuer ID: %s%nKey ID:    %s%nKey file:  %s%nBuild ID:  %s%n",
          team.issuerId(), key.key().keyId(), key.privateKeyFile().toAbsolutePath(), firstBuild);
      System.out.printf("Seeded %d apps, %d pre-release versions, %d builds in %.1f s%n",
          apps, versionIds.size(), builds, (System.nanoTime() - start) / 1e9);
    }
  }

  private Void appsAndVersions(Tx tx, int apps, int versionsPerApp, List<String> appIds, List<String> versionIds) {
    for (int a = 0; a < apps; a++) {
      String appId = Long.toString(1_400_000_000L + a);
      Map<String, Object> app = new LinkedHashMap<>();
      app.put("name", "Benchmark App " + a);
      app.put("bundleId", "com.example.bench.app" + a);
      app.put("sku", "BENCH-SKU-" + a);
      app.put("primaryLocale", "en-US");
      app.put("isOrEverWasMadeForKids", false);
      app.put("contentRightsDeclaration", "DOES_NOT_USE_THIRD_PARTY_CONTENT");
      app.put("streamlinedPurchasingEnabled", true);
      tx.insert(team, "apps", appId, app);
      appIds.add(appId);
      for (int v = 0; v < versionsPerApp; v++) {
        String versionId = newId();
        tx.insert(team, "preReleaseVersions", versionId,
            Map.of("version", "1." + v + ".0", "platform", "IOS"));
        link(tx, "preReleaseVersions", versionId, "app", appId);
        versionIds.add(versionId);
      }
    }
    return null;
  }

  /** Builds number {@code from} .. {@code from + count - 1}; returns the first one's id. */
  private String builds(Tx tx, int from, int count, List<String> appIds, List<String> versionIds, int versionsPerApp) {
    String first = null;
    Instant base = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = from; i < from + count; i++) {
      String id = newId();
      first = first == null ? id : first;
      int appIndex = i % appIds.size();
      String versionId = versionIds.get(appIndex * versionsPerApp + random.nextInt(versionsPerApp));
      // Distinct upload times, about ten minutes apart, shuffled a little against insertion order.
      Instant uploaded = base.plusSeconds(600L * i + random.nextInt(300));
      Map<String, Object> build = new LinkedHashMap<>();
      build.put("version", Integer.toString(1000 + i));
      build.put("uploadedDate", APPLE_TIME.format(uploaded));
      build.put("expirationDate", APPLE_TIME.format(uploaded.plusSeconds(90L * 86_400)));
      build.put("expired", false);
      build.put("minOsVersion", "17.0");
      build.put("computedMinMacOsVersion", "14.0");
      build.put("iconAssetToken", Map.of(
          "templateUrl", "https://is1-ssl.mzstatic.com/image/thumb/bench" + i + "/{w}x{h}bb.{f}",
          "width", 1024, "height", 1024));
      build.put("processingState", random.nextInt(10) < 7 ? "VALID" : OTHER_STATES[random.nextInt(3)]);
      build.put("buildAudienceType", "APP_STORE_ELIGIBLE");
      build.put("usesNonExemptEncryption", false);
      tx.insert(team, "builds", id, build);
      link(tx, "builds", id, "app", appIds.get(appIndex));
      link(tx, "builds", id, "preReleaseVersion", versionId);
    }
    return first;
  }

  /** Links resource (type, id) to target through relationship {@code name}, whichever end the edge keeps. */
  private void link(Tx tx, String type, String id, String name, String target) {
    EdgeRef edge = model.edge(type, name);
    if (edge.typeIsFrom()) {
      tx.addEdges(team, edge.relation(), id, List.of(target));
    } else {
      tx.addEdges(team, edge.relation(), target, List.of(id));
    }
  }

  private String newId() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }
}
