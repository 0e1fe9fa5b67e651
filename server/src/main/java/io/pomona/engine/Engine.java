package io.pomona.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pomona.behaviour.Behaviours;
import io.pomona.behaviour.ComputedRelationship;
import io.pomona.behaviour.Scheduling;
import io.pomona.catalog.Operation;
import io.pomona.catalog.Relationship;
import io.pomona.catalog.ResourceSchema;
import io.pomona.error.Errors;
import io.pomona.jsonapi.BodyValidator;
import io.pomona.jsonapi.Identifier;
import io.pomona.jsonapi.WriteRequest;
import io.pomona.query.Query;
import io.pomona.store.Anchor;
import io.pomona.store.Condition;
import io.pomona.store.Keyset;
import io.pomona.store.ResourcePage;
import io.pomona.store.ResourceQuery;
import io.pomona.store.Store;
import io.pomona.store.StoredResource;
import io.pomona.store.Tx;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The generic JSON:API engine: one implementation of each of the operation kinds, driven by
 * the catalog, for every resource type. Reads go through {@link Reader}, writes through
 * {@link Writer}; this class picks the kind and renders the answer.
 */
public final class Engine {
  private final Model model;
  private final Store store;
  private final DocumentWriter documents;
  private final QueryPlanner planner;
  private final Includes includes;
  private final Writer writer;
  private final Resources resources;
  private final ReferenceSeeder referenceSeeder;
  private final String baseUrl;
  private final Behaviours behaviours;
  private final Metrics metrics;
  private final ComputedRelationships computed;
  private final CsvDocuments csv;
  /** How many resources a CSV table reads per store query. */
  private static final int CSV_READ_PAGE = 500;

  /** A purely generic engine: no behaviours, no simulation, the system clock. */
  public Engine(Model model, Store store, ObjectMapper json, String baseUrl) {
    this(model, store, json, baseUrl, Behaviours.none(), Clock.systemUTC(), Scheduling.unavailable());
  }

  /**
   * @param behaviours run on every write of their types (an unknown type is a wiring mistake)
   * @param clock the simulated clock behaviours read
   * @param scheduling where behaviours' processes schedule their transitions
   */
  public Engine(Model model, Store store, ObjectMapper json, String baseUrl, Behaviours behaviours, Clock clock,
      Scheduling scheduling) {
    behaviours.types().forEach(model::type);
    behaviours.computedRelationships().forEach(computed -> model.relationship(computed.resourceType(),
        computed.relationship()).orElseThrow(() -> new IllegalArgumentException("a behaviour computes "
            + computed.resourceType() + "." + computed.relationship() + ", which the catalog does not know")));
    this.model = model;
    this.store = store;
    this.baseUrl = baseUrl;
    this.behaviours = behaviours;
    this.documents = new DocumentWriter(model, json, baseUrl);
    this.csv = new CsvDocuments(model, json);
    this.planner = new QueryPlanner(model);
    Ids ids = new Ids();
    this.writer = new Writer(model, BodyValidator.forCatalog(model.catalog().catalog()), ids,
        new Lifecycle(behaviours, clock), scheduling);
    this.computed = new ComputedRelationships(behaviours, writer);
    this.includes = new Includes(model, computed);
    this.resources = new Resources(store, writer);
    this.referenceSeeder = new ReferenceSeeder(model, store, writer);
    this.metrics = new Metrics(model, store, behaviours, resources, documents, clock, baseUrl);
  }

  /** Creates the indexes that filtering and sorting need (cheap when they exist). */
  public void ensureIndexes() {
    store.transaction(tx -> {
      tx.ensureIndexes(model.indexedAttributes());
      return null;
    });
  }

  /** Stores the shared reference data (territories, categories, ...) that is missing. */
  public ReferenceSeeder referenceSeeder() {
    return referenceSeeder;
  }

  /** The internal API for resources only Apple (or an operator) creates. */
  public Resources resources() {
    return resources;
  }

  public Model model() {
    return model;
  }

  public Reply execute(Call call) {
    Operation operation = call.operation();
    authorize(call.caller(), operation);
    if (!answersWithJsonApi(operation)) {
      throw Errors.notImplemented(operation.id());
    }
    return switch (operation.kind()) {
      case GET_COLLECTION -> list(call, operation.type(), Optional.empty());
      case GET_INSTANCE -> getInstance(call);
      case CREATE_INSTANCE -> create(call);
      case UPDATE_INSTANCE -> update(call);
      case DELETE_INSTANCE -> delete(call);
      case GET_TO_MANY_RELATED, GET_TO_MANY_RELATIONSHIP -> related(call);
      case GET_TO_ONE_RELATED -> toOneRelated(call);
      case GET_TO_ONE_RELATIONSHIP -> toOneLinkage(call);
      case UPDATE_TO_ONE_RELATIONSHIP, CREATE_TO_MANY_RELATIONSHIP, REPLACE_TO_MANY_RELATIONSHIP,
           DELETE_TO_MANY_RELATIONSHIP -> writeLinkage(call);
      case GET_METRICS -> metrics.answer(call);
    };
  }

  // ---- reads ----

  private Reply getInstance(Call call) {
    String type = call.operation().type();
    String id = call.id().orElseThrow();
    // Without includes the only statement is the row read itself.
    Function<Function<Tx, Reply>, Reply> reading =
        call.query().include().isEmpty() ? store::readOneStatement : store::read;
    return reading.apply(tx -> {
      StoredResource resource = find(tx, call.caller(), type, id);
      return Reply.json(200, documents.single(schemaOf(call.operation()), resource, selfUrl(call),
          includes.render(tx, call.caller().teamId(), type, List.of(resource), call.query(),
              call.operation().includedSchemas())));
    });
  }

  /**
   * A related list, as resources or (for the relationship endpoint) as linkage: one query either
   * way. A computed relationship lists the target type's resources among the ids its rule gives,
   * so filters, sort and paging work the same.
   */
  private Reply related(Call call) {
    Operation operation = call.operation();
    String id = call.id().orElseThrow();
    Relationship relationship = relationshipOf(operation);
    Optional<ComputedRelationship> rule = computed.of(operation.type(), operation.relationship());
    if (rule.isPresent()) {
      return store.read(tx -> {
        find(tx, call.caller(), operation.type(), id);
        List<String> relatedIds = computed.relatedIds(tx, call.caller().teamId(), rule.get(), id);
        return page(tx, call, relationship.target(), Optional.empty(), List.of(new Condition.IdIn(relatedIds)));
      });
    }
    EdgeRef edge = model.edge(operation.type(), operation.relationship());
    return store.read(tx -> {
      find(tx, call.caller(), operation.type(), id);
      return page(tx, call, relationship.target(), Optional.of(new Anchor(edge.relation(), id, edge.typeIsFrom())),
          List.of());
    });
  }

  private Reply list(Call call, String type, Optional<Anchor> anchor) {
    return store.read(tx -> page(tx, call, type, anchor, List.of()));
  }

  /** @param restriction conditions on top of the request's filters (a computed relationship's ids) */
  private Reply page(Tx tx, Call call, String type, Optional<Anchor> anchor, List<Condition> restriction) {
    Query query = call.query();
    int limit = query.limit().orElse(io.pomona.jsonapi.QueryParser.DEFAULT_LIMIT);
    // The fingerprint (a SHA-256 of the query) is only needed to check a cursor or to make one:
    // most lists are a first page that is also the last.
    Supplier<String> fingerprint = () -> QueryPlanner.fingerprint(call.operation().id(), call.id(), query);
    Optional<Keyset> after = query.cursor()
        .map(encoded -> Cursor.decode(encoded, fingerprint.get(), query.sort().size()))
        .map(cursor -> new Keyset(cursor.sortValues(), cursor.seq()));
    String team = model.teamFor(anchorType(call), call.caller().teamId());
    ResourceQuery resourceQuery = planner.plan(team, type, anchor, query, limit, after);
    if (!restriction.isEmpty()) {
      List<Condition> conditions = new java.util.ArrayList<>(restriction);
      conditions.addAll(resourceQuery.conditions());
      resourceQuery = resourceQuery.withConditions(conditions);
    }
    if (call.wantsCsv()) {
      return csvTable(tx, call, resourceQuery);
    }
    ResourcePage page = tx.query(resourceQuery);
    Optional<String> next = page.next()
        .map(keyset -> new Cursor(fingerprint.get(), keyset.values(), keyset.tiebreak()).encode())
        .map(cursor -> Links.withCursor(baseUrl, call.path(), call.rawQuery(), cursor));
    if (isLinkage(call.operation())) {
      return Reply.json(200, documents.toManyLinkage(type, page.items().stream().map(StoredResource::id).toList(),
          selfUrl(call), next, page.total(), limit));
    }
    return Reply.json(200, documents.collection(schemaOf(call.operation()), page.items(), selfUrl(call), next,
        page.total(), limit, includes.render(tx, call.caller().teamId(), type, page.items(), query,
            call.operation().includedSchemas())));
  }

  /**
   * Every matching resource as one CSV table: the CSV form is the whole list (Inf: it exists so
   * that a client need not page through thousands of price points), read in pages of the largest
   * size; {@code limit} and {@code cursor} do not apply.
   */
  private Reply csvTable(Tx tx, Call call, ResourceQuery first) {
    List<StoredResource> items = new java.util.ArrayList<>();
    ResourceQuery next = first.withLimit(CSV_READ_PAGE).withAfter(Optional.empty());
    while (true) {
      ResourcePage page = tx.query(next);
      items.addAll(page.items());
      if (page.next().isEmpty()) {
        break;
      }
      next = next.withAfter(page.next());
    }
    return new Reply(200, CsvDocuments.CSV, csv.table(tx, call.caller().teamId(), schemaOf(call.operation()), items),
        Map.of());
  }

  private Reply toOneRelated(Call call) {
    Operation operation = call.operation();
    String id = call.id().orElseThrow();
    Relationship relationship = relationshipOf(operation);
    return store.read(tx -> {
      find(tx, call.caller(), operation.type(), id);
      Optional<String> relatedId = writer.relatedIds(tx, call.caller().teamId(), operation.type(), id,
          operation.relationship(), 1).stream().findFirst();
      if (relatedId.isEmpty()) {
        // An empty to-one answers 200 with "data": null, as JSON:API says and as Apple's live API
        // is reported to do (clients such as fastlane's spaceship test for it); not a 404.
        return Reply.json(200, documents.emptyToOne(selfUrl(call)));
      }
      StoredResource related = find(tx, call.caller(), relationship.target(), relatedId.get());
      return Reply.json(200, documents.single(schemaOf(operation), related, selfUrl(call),
          includes.render(tx, call.caller().teamId(), relationship.target(), List.of(related), call.query(),
              operation.includedSchemas())));
    });
  }

  private Reply toOneLinkage(Call call) {
    Operation operation = call.operation();
    String id = call.id().orElseThrow();
    Relationship relationship = relationshipOf(operation);
    return store.read(tx -> {
      find(tx, call.caller(), operation.type(), id);
      Optional<String> relatedId = writer.relatedIds(tx, call.caller().teamId(), operation.type(), id, operation.relationship(), 1)
          .stream().findFirst();
      return Reply.json(200, documents.toOneLinkage(relationship.target(), relatedId, selfUrl(call)));
    });
  }

  // ---- writes ----

  private Reply create(Call call) {
    Operation operation = call.operation();
    WriteRequest request = writer.validateResource(operation, Optional.empty(), call.body().orElseThrow());
    StoredResource created = store.transaction(tx -> writer.create(tx, call.caller().teamId(), operation.type(), request));
    Reply reply = renderWritten(call, created);
    String location = baseUrl + model.instancePath(operation.type(), created.id());
    return new Reply(201, reply.contentType(), reply.body(), Map.of("Location", location));
  }

  private Reply update(Call call) {
    Operation operation = call.operation();
    String id = call.id().orElseThrow();
    WriteRequest request = writer.validateResource(operation, Optional.of(id), call.body().orElseThrow());
    StoredResource updated = store.transaction(tx -> writer.update(tx, call.caller().teamId(), operation.type(), id, request));
    return renderWritten(call, updated);
  }

  private Reply delete(Call call) {
    Operation operation = call.operation();
    String id = call.id().orElseThrow();
    store.transaction(tx -> {
      find(tx, call.caller(), operation.type(), id);
      writer.delete(tx, call.caller().teamId(), operation.type(), id);
      return null;
    });
    return new Reply(operation.status(), null, new byte[0], Map.of());
  }

  private Reply writeLinkage(Call call) {
    Operation operation = call.operation();
    String id = call.id().orElseThrow();
    List<Identifier> identifiers = writer.validateLinkage(operation, call.body().orElseThrow());
    Writer.Mode mode = switch (operation.kind()) {
      case CREATE_TO_MANY_RELATIONSHIP -> Writer.Mode.ADD;
      case DELETE_TO_MANY_RELATIONSHIP -> Writer.Mode.REMOVE;
      default -> Writer.Mode.REPLACE;
    };
    store.transaction(tx -> {
      find(tx, call.caller(), operation.type(), id);
      writer.linkFromClient(tx, call.caller().teamId(), operation.type(), id, operation.relationship(), identifiers,
          "/data", mode);
      return null;
    });
    return new Reply(operation.status(), null, new byte[0], Map.of());
  }

  /** The document after a write: the resource as stored, rendered by the operation's schema. */
  private Reply renderWritten(Call call, StoredResource resource) {
    return store.read(tx -> Reply.json(call.operation().status(),
        documents.single(schemaOf(call.operation()), resource, selfUrl(call),
            includes.render(tx, call.caller().teamId(), resource.type(), List.of(resource), Query.EMPTY,
                call.operation().includedSchemas()))));
  }

  // ---- helpers ----

  /** The behaviours of the operation's type, and of the relationship's target, may refuse the key. */
  private void authorize(Caller caller, Operation operation) {
    behaviours.of(operation.type()).forEach(behaviour -> behaviour.authorize(caller.key()));
    if (operation.relationship() != null) {
      model.relationship(operation.type(), operation.relationship()).map(Relationship::target)
          .filter(target -> !target.equals(operation.type()))
          .ifPresent(target -> behaviours.of(target).forEach(behaviour -> behaviour.authorize(caller.key())));
    }
  }

  private StoredResource find(Tx tx, Caller caller, String type, String id) {
    return tx.get(model.teamFor(type, caller.teamId()), type, id)
        .orElseThrow(() -> Errors.notFound(type, id));
  }

  private ResourceSchema schemaOf(Operation operation) {
    if (operation.schema() != null) {
      return model.schema(operation.schema());
    }
    String type = operation.relationship() == null ? operation.type() : relationshipOf(operation).target();
    return model.defaultSchema(type);
  }

  private Relationship relationshipOf(Operation operation) {
    return model.relationship(operation.type(), operation.relationship())
        .orElseThrow(() -> new IllegalStateException("operation " + operation.id() + " names an unknown relationship"));
  }

  /** The type whose edges a page walks: the path's type for related lists, else the listed type. */
  private static String anchorType(Call call) {
    return call.operation().type();
  }

  /**
   * Whether an operation answers with a JSON document the engine can produce (metrics included,
   * from their domain's {@link io.pomona.behaviour.MetricSource}). Reports, CSV lists and other
   * custom answers (their own content types) are domain behaviours' work; until one serves them
   * they are 501, never a JSON:API document of the wrong kind.
   */
  private static boolean answersWithJsonApi(Operation operation) {
    return operation.contentType() == null || operation.contentType().equals(Reply.JSON);
  }

  private static boolean isLinkage(Operation operation) {
    return operation.kind() == io.pomona.catalog.OperationKind.GET_TO_MANY_RELATIONSHIP;
  }

  private String selfUrl(Call call) {
    return Links.request(baseUrl, call.path(), call.rawQuery());
  }
}
