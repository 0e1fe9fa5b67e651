package io.pomona.engine;

import io.pomona.behaviour.Behaviours;
import io.pomona.behaviour.MetricRequest;
import io.pomona.behaviour.MetricSeries;
import io.pomona.behaviour.MetricSource;
import io.pomona.behaviour.Origin;
import io.pomona.catalog.Operation;
import io.pomona.error.Errors;
import io.pomona.jsonapi.QueryParser;
import io.pomona.query.Query;
import io.pomona.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code getMetrics} operation kind: {@code GET /v1/{type}/{id}/metrics/{metric}} answered from
 * the {@link MetricSource} a domain behaviour declares for it. The engine does what every metric
 * shares: the resource must exist in the caller's team (404), the series are ordered ({@code sort}
 * by a value's total, else by key) and paged behind a keyset cursor bound to the query, and the
 * document is rendered. A metric without a source is 501.
 */
final class Metrics {
  private final Model model;
  private final Store store;
  private final Behaviours behaviours;
  private final Resources resources;
  private final DocumentWriter documents;
  private final Clock clock;
  private final String baseUrl;

  Metrics(Model model, Store store, Behaviours behaviours, Resources resources, DocumentWriter documents, Clock clock,
      String baseUrl) {
    this.model = model;
    this.store = store;
    this.behaviours = behaviours;
    this.resources = resources;
    this.documents = documents;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  Reply answer(Call call) {
    Operation operation = call.operation();
    MetricSource source = behaviours.metricSource(operation.type(), operation.relationship())
        .orElseThrow(() -> Errors.notImplemented(operation.id()));
    String id = call.id().orElseThrow();
    Query query = call.query();
    String team = model.teamFor(operation.type(), call.caller().teamId());
    List<MetricSeries> all = store.read(tx -> {
      tx.get(team, operation.type(), id).orElseThrow(() -> Errors.notFound(operation.type(), id));
      MetricRequest request = new MetricRequest(id, clock.instant(), query.filters(), query.custom());
      return source.series(request, resources.access(tx, call.caller().teamId(), Origin.CLIENT, Map.of()));
    });

    Optional<String> sortValue = query.sort().stream().findFirst().map(Query.Sort::field);
    boolean descending = query.sort().stream().findFirst().map(Query.Sort::descending).orElse(false);
    List<Position> ordered = new ArrayList<>();
    for (MetricSeries series : all) {
      ordered.add(new Position(sortValue.map(series::total).orElse(0.0), series.key(), series));
    }
    Comparator<Position> byTotal = Comparator.comparingDouble(Position::total);
    ordered.sort((descending ? byTotal.reversed() : byTotal).thenComparing(Position::key));

    int limit = query.limit().orElse(QueryParser.DEFAULT_LIMIT);
    String fingerprint = Cursor.fingerprint(operation.id(), id, new TreeMap<>(query.filters()).toString(),
        new TreeMap<>(query.custom()).toString(), query.sort().toString());
    int from = 0;
    if (query.cursor().isPresent()) {
      Cursor after = Cursor.decode(query.cursor().get(), fingerprint, 2);
      Position last = new Position(((Number) after.sortValues().get(0)).doubleValue(),
          String.valueOf(after.sortValues().get(1)), null);
      Comparator<Position> order = (descending ? byTotal.reversed() : byTotal).thenComparing(Position::key);
      while (from < ordered.size() && order.compare(ordered.get(from), last) <= 0) {
        from++;
      }
    }
    int to = Math.min(ordered.size(), from + limit);
    List<MetricSeries> page = ordered.subList(from, to).stream().map(Position::series).toList();
    Optional<String> next = to < ordered.size()
        ? Optional.of(Links.withCursor(baseUrl, call.path(), call.rawQuery(),
            new Cursor(fingerprint, List.of(ordered.get(to - 1).total(), ordered.get(to - 1).key()), 0).encode()))
        : Optional.empty();
    return Reply.json(200, documents.metrics(page, Links.request(baseUrl, call.path(), call.rawQuery()), next,
        ordered.size(), limit, Links.request(baseUrl, call.path(), ""),
        (type, relatedId) -> baseUrl + model.instancePath(type, relatedId)));
  }

  /** A series with what orders it: the sorted value's total (0 without {@code sort}), then its key. */
  private record Position(double total, String key, MetricSeries series) {}
}
