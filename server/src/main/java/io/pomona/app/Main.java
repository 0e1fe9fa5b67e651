package io.pomona.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.account.ApiKey;
import io.pomona.account.Team;
import io.pomona.auth.AuthSettings;
import io.pomona.auth.KeyMaterial;
import io.pomona.auth.TokenMinter;
import io.pomona.behaviour.Policy;
import io.pomona.catalog.CatalogLoader;
import io.pomona.domain.provisioning.CertificateAuthority;
import io.pomona.error.ApiException;
import io.pomona.sim.SimClock;
import io.pomona.sim.demo.Demo;
import io.pomona.sim.webhooks.WebhookDelivery;
import io.pomona.store.Store;
import io.pomona.store.StoreException;
import io.pomona.store.postgres.PostgresSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code pomona} command line. */
@Command(
    name = "pomona",
    mixinStandardHelpOptions = true,
    version = "pomona 0.1.0 (App Store Connect API 4.4.1)",
    description = "The App Store Connect API, run yourself.",
    subcommands = {Main.Serve.class, Main.TeamCommand.class, Main.KeysCommand.class, Main.Token.class,
        AdminCommand.class, AppCommand.class, StateCommands.Reset.class,
        StateCommands.Export.class, StateCommands.Import.class, FaultCommands.Faults.class,
        FaultCommands.Requests.class, SimulationCommands.Clock.class, SimulationCommands.Policies.class,
        SimulationCommands.Decisions.class, SimulationCommands.Transitions.class, SimulationCommands.Events.class,
        Main.Seed.class, Main.CaCommand.class, BuildCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }

  /** Options every command that opens the data directory shares. */
  static final class DataOptions {
    @Option(names = "--data-dir", defaultValue = "${env:POMONA_DATA_DIR:-./pomona-data}",
        description = "Data directory (SQLite database, keys). Default: ${DEFAULT-VALUE}")
    Path dataDirectory;

    @Option(names = "--database-url", defaultValue = "${env:POMONA_DATABASE_URL}",
        description = "PostgreSQL instead of SQLite: postgresql://[user[:password]@]host[:port]/database[?currentSchema=...]"
            + " or the same as jdbc:postgresql://host[:port]/database[?user=...&password=...]."
            + " Default: SQLite in the data directory")
    String databaseUrl;

    @Option(names = "--database-user", defaultValue = "${env:POMONA_DATABASE_USER}",
        description = "PostgreSQL user, if not in the URL.")
    String databaseUser;

    @Option(names = "--database-password", defaultValue = "${env:POMONA_DATABASE_PASSWORD}",
        description = "PostgreSQL password, if not in the URL (prefer POMONA_DATABASE_PASSWORD: options show in ps).")
    String databasePassword;

    private static Optional<String> nonBlank(String value) {
      return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }

    /** The PostgreSQL database, if one is configured; IllegalArgumentException for a bad URL. */
    Optional<PostgresSettings> postgres() {
      if (databaseUrl == null || databaseUrl.isBlank()) {
        return Optional.empty();
      }
      return Optional.of(PostgresSettings.parse(databaseUrl.strip(), nonBlank(databaseUser),
          nonBlank(databasePassword)));
    }
  }

  @Command(name = "serve", description = "Run the server.")
  static final class Serve implements Callable<Integer> {
    @CommandLine.Mixin DataOptions data = new DataOptions();

    @Option(names = "--host", defaultValue = "${env:POMONA_HOST:-127.0.0.1}", description = "Interface. Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--port", defaultValue = "${env:POMONA_PORT:-8080}", description = "Port. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--public-url", defaultValue = "${env:POMONA_PUBLIC_URL}",
        description = "Base of absolute URLs in documents. Default: http://<host>:<port>")
    URI publicUrl;

    @Option(names = "--max-body-bytes", defaultValue = "${env:POMONA_MAX_BODY_BYTES:-10485760}",
        description = "Largest request body. Default: ${DEFAULT-VALUE}")
    long maxBodyBytes;

    @Option(names = "--rate-limit", defaultValue = "${env:POMONA_RATE_LIMIT:-3500}",
        description = "Requests per key per rolling hour; 0 turns rate limiting off. Default: ${DEFAULT-VALUE}")
    int rateLimit;

    @Option(names = "--clock-skew-seconds", defaultValue = "${env:POMONA_CLOCK_SKEW_SECONDS:-60}",
        description = "Tolerated clock difference for token iat/exp. Default: ${DEFAULT-VALUE}")
    long clockSkewSeconds;

    @Option(names = "--token-cache", defaultValue = "true", negatable = true, fallbackValue = "true", arity = "0..1",
        description = "Cache verified tokens until they expire. Default: ${DEFAULT-VALUE}")
    boolean tokenCache;

    @Option(names = "--demo", description = "Seed the default team with demo data if it has no apps.")
    boolean demo;

    @Option(names = "--policy", paramLabel = "PROCESS=POLICY", mapFallbackValue = "auto",
        description = "Progression of a simulated process (repeatable): manual, immediate, auto or auto:<n><ms|s|m|h>,"
            + " e.g. --policy build-processing=manual or --policy '*=auto:2s' for every process.")
    Map<String, String> policies = new LinkedHashMap<>();

    @Option(names = "--insecure-no-auth", hidden = true,
        description = "Benchmark baseline only: skip authentication entirely.")
    boolean noAuth;

    @Option(names = "--admin", defaultValue = "${env:POMONA_ADMIN:-on}",
        description = "The admin API under /_pomona: on or off. Default: ${DEFAULT-VALUE}")
    String admin;

    @Option(names = "--admin-token", defaultValue = "${env:POMONA_ADMIN_TOKEN}",
        description = "Admin token (16+ characters). Default: generated once into <data-dir>/admin-token.")
    String adminToken;

    @Option(names = "--admin-host", defaultValue = "${env:POMONA_ADMIN_HOST}",
        description = "Serve the admin API on this interface (with --admin-port) instead of the API's address.")
    String adminHost;

    @Option(names = "--admin-port", defaultValue = "${env:POMONA_ADMIN_PORT}",
        description = "Serve the admin API on this port instead of the API's.")
    Integer adminPort;

    @Override
    public Integer call() throws Exception {
      if (maxBodyBytes <= 0 || port < 0 || port > 65535 || rateLimit < 0 || clockSkewSeconds < 0) {
        throw new CommandLine.ParameterException(new CommandLine(this), "port, body limit, rate limit and skew must be in range");
      }
      AuthSettings auth = AuthSettings.defaults()
          .withClockSkew(Duration.ofSeconds(clockSkewSeconds))
          .withTokenCache(tokenCache);
      auth = rateLimit == 0 ? auth.withoutRateLimit() : auth.withRateLimit(rateLimit);
      Optional<PostgresSettings> postgres;
      try {
        postgres = data.postgres();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
      }
      Settings settings = new Settings(host, port, data.dataDirectory, publicUrl, maxBodyBytes, auth, !noAuth,
          parsePolicies(), WebhookDelivery.Settings.DEFAULT, adminSettings(), postgres);
      Clock clock = Clock.systemUTC();
      Pomona pomona;
      try {
        pomona = Pomona.start(settings, clock);
      } catch (StoreException e) {
        System.err.println("pomona: " + e.getMessage());
        return 2;
      }
      // SIGTERM/SIGINT: stop taking requests, let those in flight finish, then close the database.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pomona.close();
        } catch (Exception e) {
          System.err.println("pomona: error while shutting down: " + e);
        }
      }, "pomona-shutdown"));
      if (noAuth) {
        System.out.println("WARNING: authentication is OFF (--insecure-no-auth): benchmark use only.");
      }
      new FirstStart(pomona, clock, System.out).welcome();
      if (demo) {
        // Dates follow the simulated clock, so a demo seeded on an advanced clock looks current on it.
        new DemoSeeding(pomona.engine(), pomona.store(), pomona.simulation().clock(), System.out)
            .seedDefaultTeamIfEmpty();
      }
      HeapDefaults.apply();
      pomona.join();
      return 0;
    }

    private AdminSettings adminSettings() {
      CommandLine command = new CommandLine(this);
      AdminSettings settings = switch (admin.toLowerCase(java.util.Locale.ROOT)) {
        case "on", "true" -> AdminSettings.defaults();
        case "off", "false" -> AdminSettings.off();
        default -> throw new CommandLine.ParameterException(command, "--admin must be on or off, not " + admin);
      };
      if (!settings.enabled()) {
        return settings;
      }
      if (adminToken != null && !adminToken.isBlank()) {
        try {
          io.pomona.operator.AdminToken.given(adminToken);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(command, "--admin-token: " + e.getMessage());
        }
        settings = settings.withToken(adminToken);
      }
      if (adminPort != null) {
        if (adminPort < 0 || adminPort > 65535) {
          throw new CommandLine.ParameterException(command, "--admin-port must be from 0 to 65535");
        }
        settings = settings.onOwnAddress(adminHost == null || adminHost.isBlank() ? host : adminHost, adminPort);
      } else if (adminHost != null && !adminHost.isBlank()) {
        throw new CommandLine.ParameterException(command, "--admin-host needs --admin-port");
      }
      return settings;
    }

    private Map<String, Policy> parsePolicies() {
      Map<String, Policy> parsed = new LinkedHashMap<>();
      policies.forEach((process, text) -> {
        try {
          parsed.put(process, Policy.parse(text, "--policy"));
        } catch (ApiException e) {
          throw new CommandLine.ParameterException(new CommandLine(this),
              "--policy " + process + "=" + text + ": " + e.errors().get(0).detail().orElse("not a policy"), e, null, text);
        }
      });
      return parsed;
    }
  }

  @Command(name = "team", description = "Manage teams.", subcommands = {TeamCommand.Create.class, TeamCommand.ListTeams.class})
  static final class TeamCommand {
    @Command(name = "create", description = "Create a team; prints its team id and issuer id.")
    static final class Create implements Callable<Integer> {
      @CommandLine.Mixin DataOptions data = new DataOptions();

      @Option(names = "--name", required = true) String name;

      @Override
      public Integer call() {
        return withAccounts(data, accounts -> {
          Team team = accounts.createTeam(name);
          System.out.printf("Team ID:   %s%nIssuer ID: %s%nName:      %s%n", team.id(), team.issuerId(), team.name());
        });
      }
    }

    @Command(name = "list", description = "List teams.")
    static final class ListTeams implements Callable<Integer> {
      @CommandLine.Mixin DataOptions data = new DataOptions();

      @Override
      public Integer call() {
        return withAccounts(data, accounts -> accounts.teams().forEach(team ->
            System.out.printf("%s  %s  %s%n", team.id(), team.issuerId(), team.name())));
      }
    }
  }

  @Command(name = "keys", description = "Manage API keys.",
      subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
  static final class KeysCommand {
    @Command(name = "create", description = "Create an API key; writes AuthKey_<KEYID>.p8 and AuthKey_<KEYID>.json.")
    static final class Create implements Callable<Integer> {
      @CommandLine.Mixin DataOptions data = new DataOptions();

      @Option(names = "--team", required = true, description = "Issuer id or team id.") String team;

      @Option(names = "--role", required = true, split = ",", description = "Apple role(s), e.g. ADMIN,DEVELOPER.")
      List<String> roles;

      @Option(names = "--name", defaultValue = "Pomona key") String name;

      @Option(names = "--individual-for", description = "Make an individual key of this user.") String user;

      @Option(names = "--out", description = "Where to write the key files. Default: the current directory.")
      Path out;

      @Override
      public Integer call() {
        return withAccounts(data, accounts -> {
          Team owner = accounts.team(team).orElseThrow(() -> new IllegalArgumentException("no team " + team));
          Accounts.CreatedKey created = accounts.createKey(owner, name, new LinkedHashSet<>(roles),
              Optional.ofNullable(user), out == null ? Path.of(".") : out);
          printKey(created);
        });
      }
    }

    @Command(name = "list", description = "List a team's keys, revoked ones included.")
    static final class ListKeys implements Callable<Integer> {
      @CommandLine.Mixin DataOptions data = new DataOptions();

      @Option(names = "--team", required = true, description = "Issuer id or team id.") String team;

      @Override
      public Integer call() {
        return withAccounts(data, accounts -> {
          Team owner = accounts.team(team).orElseThrow(() -> new IllegalArgumentException("no team " + team));
          for (ApiKey key : accounts.keys(owner.id())) {
            System.out.printf("%s  %-10s  %-7s  %s  %s%n", key.keyId(), key.kind(), key.active() ? "ACTIVE" : "REVOKED",
                String.join(",", new java.util.TreeSet<>(key.roles())), key.name());
          }
        });
      }
    }

    @Command(name = "revoke", description = "Revoke a key (permanent; it stays listed).")
    static final class Revoke implements Callable<Integer> {
      @CommandLine.Mixin DataOptions data = new DataOptions();

      @Parameters(paramLabel = "KEYID") String keyId;

      @Override
      public Integer call() {
        return withAccounts(data, accounts -> {
          ApiKey key = accounts.revoke(keyId);
          System.out.println("revoked " + key.keyId());
        });
      }
    }
  }

  @Command(name = "token", description = "Mint an ES256 JWT for the App Store Connect API (Pomona's or Apple's).")
  static final class Token implements Callable<Integer> {
    @Option(names = "--key-file", required = true, description = "AuthKey_<KEYID>.p8") Path keyFile;

    @Option(names = "--key-id", required = true) String keyId;

    @Option(names = "--issuer", description = "Issuer id (team keys). Leave out for an individual key.") String issuer;

    @Option(names = "--lifetime", defaultValue = "1200", description = "Seconds. Default: ${DEFAULT-VALUE}") long lifetimeSeconds;

    @Option(names = "--scope", description = "e.g. \"GET /v1/apps\" (repeatable)") List<String> scope;

    @Override
    public Integer call() throws IOException {
      TokenMinter minter = new TokenMinter(keyId, KeyMaterial.readPrivateKey(Files.readString(keyFile)), Clock.systemUTC());
      List<String> scopes = scope == null ? List.of() : scope;
      Duration lifetime = Duration.ofSeconds(lifetimeSeconds);
      System.out.println(issuer == null ? minter.individualToken(lifetime, scopes) : minter.teamToken(issuer, lifetime, scopes));
      return 0;
    }
  }

  @Command(name = "ca", description = "Print Pomona's CA certificates (intermediate, then root) as PEM, for a"
      + " trust chain: pomona ca > pomona-ca.pem. Creates the CA if this data directory has none yet.")
  static final class CaCommand implements Callable<Integer> {
    @CommandLine.Mixin DataOptions data = new DataOptions();

    @Override
    public Integer call() {
      try (Store store = StoreFactory.open(data.dataDirectory, data.postgres(), Clock.systemUTC())) {
        System.out.print(CertificateAuthority.loadOrCreate(store, Clock.systemUTC()).chainPem());
        return 0;
      }
    }
  }

  @Command(name = "seed", description = "Write demo data into a team, offline (stop the server first or use its admin API).")
  static final class Seed implements Callable<Integer> {
    @CommandLine.Mixin DataOptions data = new DataOptions();

    @Option(names = "--demo", required = true, description = "Seed the demo team content (the only kind so far).")
    boolean demo;

    @Option(names = "--team", description = "Issuer id or team id. Default: the team `serve` created first.")
    String team;

    @Option(names = "--seed", defaultValue = "" + Demo.DEFAULT_SEED,
        description = "Random seed; the same seed gives the same data. Default: ${DEFAULT-VALUE}")
    long seed;

    @Override
    public Integer call() {
      SimClock clock = new SimClock(Clock.systemUTC());
      try (Store store = StoreFactory.open(data.dataDirectory, data.postgres(), clock)) {
        // The server's own engine and Apple side, so that the demo's writes run the same behaviours
        // (and schedule the same transitions) as when a server seeds it; the worker is not started:
        // the next `serve` fires what falls due. The restored simulated clock dates the demo.
        Pomona.AppleSide side = Pomona.AppleSide.open(CatalogLoader.load(), store, clock, new ObjectMapper(),
            "http://localhost", Map.of(), Pomona.uploadVault(data.dataDirectory, clock));
        Accounts accounts = new Accounts(store, clock);
        Optional<Team> target = team == null ? DemoSeeding.defaultTeam(accounts.teams()) : accounts.team(team);
        if (target.isEmpty()) {
          System.err.println("pomona: " + (team == null
              ? "no default team; name one with --team (see `pomona team list`), or run `pomona serve` once"
              : "no team " + team));
          return 2;
        }
        new DemoSeeding(side.engine(), store, clock, System.out).seed(target.get(), seed);
        return 0;
      } catch (ApiException e) {
        System.err.println("pomona: " + e.errors().get(0).detail().orElse(e.errors().get(0).title()));
        return 2;
      } catch (IllegalArgumentException | StoreException e) {
        System.err.println("pomona: " + e.getMessage());
        return 2;
      }
    }
  }

  static void printKey(Accounts.CreatedKey created) {
    System.out.printf("Issuer ID: %s%nKey ID:    %s%nKey file:  %s%nJSON key:  %s%n",
        created.team().issuerId(), created.key().keyId(), created.privateKeyFile().toAbsolutePath(),
        created.jsonKeyFile().toAbsolutePath());
  }

  private static int withAccounts(DataOptions data, java.util.function.Consumer<Accounts> work) {
    try (Store store = StoreFactory.open(data.dataDirectory, data.postgres(), Clock.systemUTC())) {
      work.accept(new Accounts(store, Clock.systemUTC()));
      return 0;
    } catch (IllegalArgumentException | StoreException e) {
      System.err.println("pomona: " + e.getMessage());
      return 2;
    } catch (io.pomona.error.ApiException e) {
      System.err.println("pomona: " + e.errors().get(0).detail().orElse(e.errors().get(0).title()));
      return 2;
    } catch (java.io.UncheckedIOException e) {
      System.err.println("pomona: " + LocalFileFailure.describe(e));
      return 2;
    }
  }
}
