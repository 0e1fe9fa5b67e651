package io.pomona.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import io.pomona.auth.Authenticator;
import io.pomona.auth.CachingKeyDirectory;
import io.pomona.auth.KeyDirectory;
import io.pomona.auth.Principal;
import io.pomona.auth.RateLimiter;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Behaviours;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.Policy;
import io.pomona.catalog.Catalog;
import io.pomona.catalog.CatalogIndex;
import io.pomona.catalog.CatalogLoader;
import io.pomona.catalog.ReferenceData;
import io.pomona.domain.appstore.AppAvailability;
import io.pomona.domain.appstore.AppEventRules;
import io.pomona.domain.appstore.CustomProductPageRules;
import io.pomona.domain.appstore.EulaRules;
import io.pomona.domain.appstore.ExperimentRules;
import io.pomona.domain.appstore.ReviewedEdits;
import io.pomona.domain.appstore.AppInfoRules;
import io.pomona.domain.appstore.AppInfoStates;
import io.pomona.domain.appstore.AppPricing;
import io.pomona.domain.appstore.AppStoreVersionRules;
import io.pomona.domain.appstore.LocalizationRules;
import io.pomona.domain.appstore.MediaDelivery;
import io.pomona.domain.appstore.MediaSetOrder;
import io.pomona.domain.appstore.VersionMediaLock;
import io.pomona.domain.appstore.PhasedReleases;
import io.pomona.domain.appstore.ReleaseRequests;
import io.pomona.domain.appstore.ReviewItemRules;
import io.pomona.domain.appstore.ReviewSubmissionFlow;
import io.pomona.domain.gamecenter.MatchmakingMetrics;
import io.pomona.domain.provisioning.CertificateAuthority;
import io.pomona.domain.provisioning.Provisioning;
import io.pomona.domain.testflight.AppTestFlightDefaults;
import io.pomona.domain.testflight.BetaFeedback;
import io.pomona.domain.testflight.BetaGroupRules;
import io.pomona.domain.testflight.BetaReviewFlow;
import io.pomona.domain.testflight.BetaTesterRules;
import io.pomona.domain.testflight.BetaUsageMetrics;
import io.pomona.domain.testflight.BetaStates;
import io.pomona.domain.testflight.BuildExpiry;
import io.pomona.domain.testflight.BuildProcessing;
import io.pomona.domain.testflight.BuildUploadFlow;
import io.pomona.domain.testflight.OneOfRules;
import io.pomona.domain.webhooks.WebhookEventNotices;
import io.pomona.domain.webhooks.WebhookPings;
import io.pomona.domain.webhooks.WebhookRedeliveries;
import io.pomona.domain.webhooks.WebhookRules;
import io.pomona.engine.Engine;
import io.pomona.engine.Model;
import io.pomona.http.EngineDispatcher;
import io.pomona.http.ErrorDocuments;
import io.pomona.http.JettyServer;
import io.pomona.http.PublicDownload;
import io.pomona.http.RequestPipeline;
import io.pomona.http.RequestPipeline.Authentication;
import io.pomona.http.Router;
import io.pomona.http.admin.AccountEndpoints;
import io.pomona.http.admin.AdminHandler;
import io.pomona.http.admin.AppEndpoints;
import io.pomona.http.admin.BuildEndpoints;
import io.pomona.http.admin.EndpointGroup;
import io.pomona.http.admin.FaultEndpoints;
import io.pomona.http.admin.SimulationEndpoints;
import io.pomona.http.admin.TeamStateEndpoints;
import io.pomona.operator.AccountAdmin;
import io.pomona.operator.AdminToken;
import io.pomona.operator.AppCreator;
import io.pomona.operator.BuildUploader;
import io.pomona.operator.DemoData;
import io.pomona.operator.FaultRules;
import io.pomona.operator.RequestLog;
import io.pomona.operator.SimulationAdmin;
import io.pomona.operator.TeamSnapshots;
import io.pomona.jsonapi.BodyReader;
import io.pomona.sim.Policies;
import io.pomona.sim.SimClock;
import io.pomona.sim.Simulation;
import io.pomona.sim.TransitionScheduler;
import io.pomona.sim.demo.Demo;
import io.pomona.sim.demo.DemoSummary;
import io.pomona.sim.webhooks.WebhookDelivery;
import io.pomona.store.Store;
import io.pomona.uploads.UploadVault;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The wiring of a running Pomona: catalog, store, behaviours, simulation, engine, authentication,
 * pipeline and HTTP server. Both {@code serve} and the tests start it through {@link #start}, so
 * tests exercise exactly the production wiring.
 */
public final class Pomona implements AutoCloseable {
  private final Settings settings;
  private final Store store;
  private final JettyServer server;
  private final Catalog catalog;
  private final Engine engine;
  private final Simulation simulation;
  private final WebhookDelivery webhookDelivery;
  private final URI baseUrl;
  private final Operator operator;
  private final UploadVault uploads;

  private Pomona(Settings settings, Store store, JettyServer server, Catalog catalog, Engine engine,
      Simulation simulation, WebhookDelivery webhookDelivery, URI baseUrl, Operator operator, UploadVault uploads) {
    this.settings = settings;
    this.store = store;
    this.server = server;
    this.catalog = catalog;
    this.engine = engine;
    this.simulation = simulation;
    this.webhookDelivery = webhookDelivery;
    this.baseUrl = baseUrl;
    this.operator = operator;
    this.uploads = uploads;
  }

  /**
   * The operator surface of a running server.
   *
   * @param adminToken the admin API's token, when the admin API is on
   * @param faults the fault rules the API pipeline applies
   * @param requests the recent API requests
   */
  public record Operator(Optional<AdminToken> adminToken, FaultRules faults, RequestLog requests) {}

  /**
   * The domain behaviours, in the order their hooks run: an explicit list, no scanning.
   *
   * @param uploads where uploaded bytes go
   * @param baseUrl the public URL (no trailing slash) under which upload part URLs are made
   */
  static List<Behaviour> behaviours(Store store, CertificateAuthority authority, UploadVault uploads, String baseUrl) {
    List<Behaviour> all = new ArrayList<>(List.of(
        new BuildProcessing(),
        new BuildExpiry(),
        new BuildUploadFlow(uploads, baseUrl),
        new BetaReviewFlow(),
        new BetaStates(),
        new AppTestFlightDefaults(),
        new BetaGroupRules(),
        new BetaTesterRules(),
        new OneOfRules(),
        new BetaFeedback(),
        new AppStoreVersionRules(),
        new LocalizationRules(),
        new AppInfoRules(),
        new AppInfoStates(),
        new ReviewSubmissionFlow(),
        new ReviewItemRules(),
        new ReviewedEdits(),
        new CustomProductPageRules(),
        new AppEventRules(),
        new ExperimentRules(),
        new EulaRules(),
        new ReleaseRequests(),
        new PhasedReleases(),
        new AppPricing(),
        new AppAvailability(),
        new MediaDelivery(uploads, baseUrl),
        new MediaSetOrder(),
        new VersionMediaLock(),
        new BetaUsageMetrics(),
        new MatchmakingMetrics(),
        new WebhookRules(),
        new WebhookEventNotices(),
        new WebhookPings(),
        new WebhookRedeliveries()));
    all.addAll(Provisioning.behaviours(authority, store::findTeam));
    return List.copyOf(all);
  }

  /** The path of the CA chain (PEM) that users download to trust Pomona-issued certificates and profiles. */
  public static final String CA_PATH = PublicDownload.PREFIX + "ca.pem";

  /** The upload vault of a data directory: the bytes of uploads live beside the database. */
  static UploadVault uploadVault(Path dataDirectory, Clock simClock) {
    return new UploadVault(dataDirectory.resolve("uploads"), UploadVault.DEFAULT_PART_BYTES, simClock);
  }

  /**
   * Starts Pomona.
   *
   * @param clock real time: authentication and rate limits run on it (clients mint tokens with real
   *     time), and the simulated clock runs from it
   */
  public static Pomona start(Settings settings, Clock clock) throws Exception {
    ObjectMapper json = new ObjectMapper();
    // The catalog (JSON parsing) loads while the store opens (migrations), and the CA's material
    // while the HTTP server is built: each pair shares nothing and start-up is a target (≤ 2 s).
    StartupTask<Catalog> catalogLoad = StartupTask.begin("catalog", CatalogLoader::load);
    SimClock simClock = new SimClock(clock);
    Store store = StoreFactory.open(settings, simClock);
    Simulation simulation = null;
    WebhookDelivery webhookDelivery = null;
    StartupTask<CertificateAuthority> authority = null;
    try {
      Catalog catalog = catalogLoad.join();
      authority = StartupTask.begin("ca", () -> CertificateAuthority.loadOrCreate(store, simClock));
      ErrorDocuments errors = new ErrorDocuments(json);
      AdminSettings admin = settings.admin();
      Optional<InetSocketAddress> adminAddress = admin.ownAddress()
          ? Optional.of(InetSocketAddress.createUnresolved(admin.host().orElse(settings.host()), admin.port().getAsInt()))
          : Optional.empty();
      JettyServer server = new JettyServer(settings.host(), settings.port(), adminAddress, settings.maxBodyBytes(),
          errors);
      URI baseUrl = settings.publicUrl() != null ? settings.publicUrl() : ownAddress(settings.host(), server.port());
      UploadVault uploads = uploadVault(settings.dataDirectory(), simClock);
      AppleSide side = AppleSide.open(catalog, store, authority.join(), simClock, json,
          stripTrailingSlash(baseUrl.toString()), settings.policies(), uploads);
      simulation = side.simulation();
      Engine engine = side.engine();
      SecureRandom random = new SecureRandom();
      Operator operator = new Operator(
          admin.enabled()
              ? Optional.of(admin.token().map(AdminToken::given)
                  .orElseGet(() -> AdminToken.inDataDirectory(settings.dataDirectory(), random)))
              : Optional.empty(),
          new FaultRules(clock, new Random(), FaultRules.Pause.SLEEP),
          new RequestLog(RequestLog.DEFAULT_CAPACITY));
      RequestPipeline pipeline = new RequestPipeline(
          new Router(catalog.operations()),
          authentication(settings, store, clock),
          new RateLimiter(settings.auth(), clock),
          new BodyReader(json),
          new EngineDispatcher(engine),
          errors,
          new RequestPipeline.Operator(operator.faults(), operator.requests(), clock));
      webhookDelivery = new WebhookDelivery(store, engine, simClock, stripTrailingSlash(baseUrl.toString()),
          settings.webhooks());
      byte[] caChain = side.authority().chainPem().getBytes(StandardCharsets.US_ASCII);
      List<EndpointGroup> endpoints = adminEndpoints(store, engine, simulation, catalog, operator, clock, random, json);
      Optional<JettyServer.AdminApi> adminApi =
          operator.adminToken().map(token -> new AdminHandler(token, endpoints, errors, json));
      server.start(pipeline, adminApi,
          List.of(new PublicDownload(CA_PATH, "application/x-pem-file", () -> caChain)), Optional.of(uploads));
      simulation.startWorker();
      webhookDelivery.start();
      return new Pomona(settings, store, server, catalog, engine, simulation, webhookDelivery, baseUrl, operator,
          uploads);
    } catch (Exception | Error e) {
      try {
        if (webhookDelivery != null) {
          webhookDelivery.close();
        }
        if (simulation != null) {
          simulation.close();
        }
        if (authority != null) {
          // It writes through the store: let it finish before the store closes under it.
          authority.awaitQuietly();
        }
      } finally {
        store.close();
      }
      throw e;
    }
  }

  /** The admin API's endpoint groups, over the operator classes. */
  private static List<EndpointGroup> adminEndpoints(Store store, Engine engine, Simulation simulation, Catalog catalog,
      Operator operator, Clock clock, SecureRandom random, ObjectMapper json) {
    AccountAdmin accounts = new AccountAdmin(store, clock, random);
    TeamSnapshots snapshots = new TeamSnapshots(store, engine.model(), json, catalog.version(), clock);
    return List.of(
        new AccountEndpoints(accounts, json),
        new AppEndpoints(accounts, new AppCreator(engine, store, random), json),
        new BuildEndpoints(accounts, buildUploader(engine, store, simulation.clock()), json),
        new TeamStateEndpoints(accounts, snapshots, demoData(engine, store, simulation.clock()), json),
        new FaultEndpoints(operator.faults(), operator.requests(), json),
        new SimulationEndpoints(new SimulationAdmin(simulation, store, json), accounts, json));
  }

  /** The operator's shortcut to a build without bytes, through the TestFlight behaviours. */
  private static BuildUploader buildUploader(Engine engine, Store store, Clock simulatedClock) {
    return (team, appId, version, number, platform) -> store.transaction(tx -> BuildUploadFlow.uploadWithoutBytes(
        engine.resources().access(tx, team.id(), Origin.OPERATOR, Map.of("operation", "uploadBuild")),
        simulatedClock.instant(), appId, version, number, platform));
  }

  /**
   * The demo data for the admin API: the same {@link Demo} that {@code serve --demo} and the offline
   * {@code seed --demo} write, dated on the simulated clock.
   */
  private static DemoData demoData(Engine engine, Store store, Clock simulatedClock) {
    return (team, seed) -> {
      DemoSummary summary = new Demo(engine.resources(), store, Clock.systemUTC())
          .seed(team.id(), simulatedClock.instant(), seed.orElse(Demo.DEFAULT_SEED));
      return new DemoData.Seeded(summary.seed(), summary.created(), summary.appIds());
    };
  }

  /**
   * The engine and the simulated Apple side over a store, with indexes and reference data in
   * place: what a server runs on, and what offline commands ({@code seed --demo}) write through,
   * so that both run the same behaviours (a demo build seeded offline in PROCESSING still gets its
   * processing scheduled). The simulation's worker is not started here.
   */
  record AppleSide(Engine engine, Simulation simulation, CertificateAuthority authority) {
    static AppleSide open(Catalog catalog, Store store, SimClock simClock, ObjectMapper json, String baseUrl,
        Map<String, Policy> configuredPolicies, UploadVault uploads) {
      return open(catalog, store, CertificateAuthority.loadOrCreate(store, simClock), simClock, json, baseUrl,
          configuredPolicies, uploads);
    }

    static AppleSide open(Catalog catalog, Store store, CertificateAuthority authority, SimClock simClock,
        ObjectMapper json, String baseUrl, Map<String, Policy> configuredPolicies, UploadVault uploads) {
      Model model = new Model(new CatalogIndex(catalog));
      Behaviours behaviours = new Behaviours(behaviours(store, authority, uploads, baseUrl));
      Policies policies = new Policies(behaviours, store, configuredPolicies);
      Engine engine = new Engine(model, store, json, baseUrl, behaviours, simClock, new TransitionScheduler(policies));
      Simulation simulation = new Simulation(store, simClock, behaviours, policies, engine.resources());
      engine.ensureIndexes();
      engine.referenceSeeder().seed(ReferenceData.load(json));
      return new AppleSide(engine, simulation, authority);
    }
  }

  private static Authentication authentication(Settings settings, Store store, Clock clock) {
    KeyDirectory keys = new KeyDirectory() {
      @Override
      public Optional<ApiKey> key(String keyId) {
        return store.findKey(keyId);
      }

      @Override
      public Optional<Team> team(String teamId) {
        return store.findTeam(teamId);
      }
    };
    if (settings.authenticate()) {
      // Keys and teams from memory while the database is unchanged: a store lookup per request
      // cost more than the rest of authenticating a cached token (bench/results.md).
      KeyDirectory cached = new CachingKeyDirectory(keys, store::recentDataVersion);
      return Authentication.verifying(new Authenticator(cached, settings.auth(), clock));
    }
    return firstTeamAdmin(store);
  }

  /**
   * No token check: every request acts as the first team's first active ADMIN key, looked up
   * once (the first start creates it after the server is up, so until then requests act as
   * nobody). For the benchmark's unauthenticated baseline only ({@code serve
   * --insecure-no-auth}): it must cost nothing per request, or the baseline would flatter the
   * authenticated server.
   */
  private static Authentication firstTeamAdmin(Store store) {
    AtomicReference<Principal> admin = new AtomicReference<>();
    return request -> {
      Principal known = admin.get();
      if (known != null) {
        return Optional.of(known);
      }
      Optional<Principal> found = store.read(tx -> tx.teams().stream().findFirst().flatMap(team ->
          tx.keys(team.id()).stream().filter(k -> k.active() && k.roles().contains("ADMIN")).findFirst()
              .map(key -> new Principal(key, team, Optional.empty(), Instant.MAX))));
      found.ifPresent(admin::set);
      return found;
    };
  }

  private static URI ownAddress(String host, int port) {
    String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    return URI.create("http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port);
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public int port() {
    return server.port();
  }

  /** The base of absolute URLs: the configured public URL, else this server's own address. */
  public URI baseUrl() {
    return baseUrl;
  }

  public Path dataDirectory() {
    return settings.dataDirectory();
  }

  /** Where the data lives (SQLite file or PostgreSQL URL without password), for people. */
  public String storeDescription() {
    return StoreFactory.describe(settings.dataDirectory(), settings.postgres());
  }

  public Store store() {
    return store;
  }

  public Catalog catalog() {
    return catalog;
  }

  public Engine engine() {
    return engine;
  }

  public Operator operator() {
    return operator;
  }

  /** Where uploaded bytes live. */
  public UploadVault uploads() {
    return uploads;
  }

  /** Where the admin API answers, when it is on: its own address, or the API's. */
  public Optional<URI> adminUrl() {
    if (operator.adminToken().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(server.adminPort()
        .map(port -> ownAddress(settings.admin().host().orElse(settings.host()), port))
        .orElseGet(() -> ownAddress(settings.host(), server.port())));
  }

  /** The Apple side's control plane: clock, policies, transitions, decisions. */
  public Simulation simulation() {
    return simulation;
  }

  /** The webhook delivery worker (the Apple side that POSTs to webhooks' URLs). */
  public WebhookDelivery webhookDelivery() {
    return webhookDelivery;
  }

  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      try {
        webhookDelivery.close();
      } finally {
        try {
          simulation.close();
        } finally {
          store.close();
        }
      }
    }
  }
}
