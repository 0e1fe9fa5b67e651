package io.pomona.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import io.pomona.auth.Authenticator;
import io.pomona.auth.KeyDirectory;
import io.pomona.auth.Principal;
import io.pomona.auth.RateLimiter;
import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Behaviours;
import io.pomona.behaviour.Policy;
import io.pomona.catalog.Catalog;
import io.pomona.catalog.CatalogIndex;
import io.pomona.catalog.CatalogLoader;
import io.pomona.catalog.ReferenceData;
import io.pomona.domain.appstore.AppAvailability;
import io.pomona.domain.appstore.AppInfoRules;
import io.pomona.domain.appstore.AppPricing;
import io.pomona.domain.appstore.AppStoreVersionRules;
import io.pomona.domain.appstore.LocalizationRules;
import io.pomona.domain.appstore.PhasedReleases;
import io.pomona.domain.appstore.ReleaseRequests;
import io.pomona.domain.appstore.ReviewItemRules;
import io.pomona.domain.appstore.ReviewSubmissionFlow;
import io.pomona.domain.testflight.BuildProcessing;
import io.pomona.domain.webhooks.WebhookEventNotices;
import io.pomona.domain.webhooks.WebhookPings;
import io.pomona.domain.webhooks.WebhookRedeliveries;
import io.pomona.domain.webhooks.WebhookRules;
import io.pomona.engine.Engine;
import io.pomona.engine.Model;
import io.pomona.http.EngineDispatcher;
import io.pomona.http.ErrorDocuments;
import io.pomona.http.JettyServer;
import io.pomona.http.RequestPipeline;
import io.pomona.http.RequestPipeline.Authentication;
import io.pomona.http.Router;
import io.pomona.jsonapi.BodyReader;
import io.pomona.sim.Policies;
import io.pomona.sim.SimClock;
import io.pomona.sim.Simulation;
import io.pomona.sim.TransitionScheduler;
import io.pomona.sim.webhooks.WebhookDelivery;
import io.pomona.store.Store;
import io.pomona.store.sqlite.SqliteStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  private Pomona(Settings settings, Store store, JettyServer server, Catalog catalog, Engine engine,
      Simulation simulation, WebhookDelivery webhookDelivery, URI baseUrl) {
    this.settings = settings;
    this.store = store;
    this.server = server;
    this.catalog = catalog;
    this.engine = engine;
    this.simulation = simulation;
    this.webhookDelivery = webhookDelivery;
    this.baseUrl = baseUrl;
  }

  /** The domain behaviours, in the order their hooks run: an explicit list, no scanning. */
  static List<Behaviour> behaviours() {
    return List.of(
        new BuildProcessing(),
        new AppStoreVersionRules(),
        new LocalizationRules(),
        new AppInfoRules(),
        new ReviewSubmissionFlow(),
        new ReviewItemRules(),
        new ReleaseRequests(),
        new PhasedReleases(),
        new AppPricing(),
        new AppAvailability(),
        new WebhookRules(),
        new WebhookEventNotices(),
        new WebhookPings(),
        new WebhookRedeliveries());
  }

  /**
   * Starts Pomona.
   *
   * @param clock real time: authentication and rate limits run on it (clients mint tokens with real
   *     time), and the simulated clock runs from it
   */
  public static Pomona start(Settings settings, Clock clock) throws Exception {
    ObjectMapper json = new ObjectMapper();
    Catalog catalog = CatalogLoader.load();
    SimClock simClock = new SimClock(clock);
    Store store = SqliteStore.open(settings.dataDirectory(), simClock);
    Simulation simulation = null;
    WebhookDelivery webhookDelivery = null;
    try {
      ErrorDocuments errors = new ErrorDocuments(json);
      JettyServer server = new JettyServer(settings.host(), settings.port(), settings.maxBodyBytes(), errors);
      URI baseUrl = settings.publicUrl() != null ? settings.publicUrl() : ownAddress(settings.host(), server.port());
      AppleSide side = AppleSide.open(catalog, store, simClock, json, stripTrailingSlash(baseUrl.toString()),
          settings.policies());
      simulation = side.simulation();
      Engine engine = side.engine();
      RequestPipeline pipeline = new RequestPipeline(
          new Router(catalog.operations()),
          authentication(settings, store, clock),
          new RateLimiter(settings.auth(), clock),
          new BodyReader(json),
          new EngineDispatcher(engine),
          errors);
      webhookDelivery = new WebhookDelivery(store, engine, simClock, stripTrailingSlash(baseUrl.toString()),
          settings.webhooks());
      server.start(pipeline);
      simulation.startWorker();
      webhookDelivery.start();
      return new Pomona(settings, store, server, catalog, engine, simulation, webhookDelivery, baseUrl);
    } catch (Exception | Error e) {
      try {
        if (webhookDelivery != null) {
          webhookDelivery.close();
        }
        if (simulation != null) {
          simulation.close();
        }
      } finally {
        store.close();
      }
      throw e;
    }
  }

  /**
   * The engine and the simulated Apple side over a store, with indexes and reference data in
   * place: what a server runs on, and what offline commands ({@code seed --demo}) write through,
   * so that both run the same behaviours (a demo build seeded offline in PROCESSING still gets its
   * processing scheduled). The simulation's worker is not started here.
   */
  record AppleSide(Engine engine, Simulation simulation) {
    static AppleSide open(Catalog catalog, Store store, SimClock simClock, ObjectMapper json, String baseUrl,
        Map<String, Policy> configuredPolicies) {
      Model model = new Model(new CatalogIndex(catalog));
      Behaviours behaviours = new Behaviours(behaviours());
      Policies policies = new Policies(behaviours, store, configuredPolicies);
      Engine engine = new Engine(model, store, json, baseUrl, behaviours, simClock, new TransitionScheduler(policies));
      Simulation simulation = new Simulation(store, simClock, behaviours, policies, engine.resources());
      engine.ensureIndexes();
      engine.referenceSeeder().seed(ReferenceData.load(json));
      return new AppleSide(engine, simulation);
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
      return Authentication.verifying(new Authenticator(keys, settings.auth(), clock));
    }
    return firstTeamAdmin(store);
  }

  /**
   * No token check: every request acts as the first team's first active ADMIN key. For the
   * benchmark's unauthenticated baseline only ({@code serve --insecure-no-auth}).
   */
  private static Authentication firstTeamAdmin(Store store) {
    return request -> store.read(tx -> tx.teams().stream().findFirst().flatMap(team ->
        tx.keys(team.id()).stream().filter(k -> k.active() && k.roles().contains("ADMIN")).findFirst()
            .map(key -> new Principal(key, team, Optional.empty(), Instant.MAX))));
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

  public Store store() {
    return store;
  }

  public Catalog catalog() {
    return catalog;
  }

  public Engine engine() {
    return engine;
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
