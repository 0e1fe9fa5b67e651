package io.pomona.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.pomona.auth.Authenticator;
import io.pomona.auth.Principal;
import io.pomona.auth.RateLimiter;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.http.Router.RouteMatch;
import io.pomona.jsonapi.BodyReader;
import io.pomona.jsonapi.QueryParser;
import io.pomona.operator.FaultRules;
import io.pomona.operator.RequestLog;
import io.pomona.query.Query;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline, as named steps in order: parse (route) → authenticate → inject faults →
 * rate-limit → validate (query parameters, content type, body) → operate → render → record. Any
 * {@link ApiException} becomes Apple's error document; anything else becomes a 500 {@code
 * UNEXPECTED_ERROR} whose id is logged with the stack trace, which never reaches the client.
 *
 * <p>Faults come after authentication, so an injected fault hits only requests that a real key
 * made (and the request log can name that key), and before rate limiting, so injected failures do
 * not spend the key's hourly budget. Every request, whatever its outcome, is recorded in the
 * operator's request log.
 */
public final class RequestPipeline {
  private static final Logger log = LoggerFactory.getLogger(RequestPipeline.class);
  static final String RATE_LIMIT_HEADER = "X-Rate-Limit";

  private final Router router;
  private final Authentication authentication;
  private final RateLimiter rateLimiter;
  private final BodyReader bodyReader;
  private final QueryParser queryParser = new QueryParser();
  private final Dispatcher dispatcher;
  private final ErrorDocuments errors;
  private final Operator operator;

  public RequestPipeline(
      Router router,
      Authentication authentication,
      RateLimiter rateLimiter,
      BodyReader bodyReader,
      Dispatcher dispatcher,
      ErrorDocuments errors) {
    this(router, authentication, rateLimiter, bodyReader, dispatcher, errors, Operator.unobserved());
  }

  public RequestPipeline(
      Router router,
      Authentication authentication,
      RateLimiter rateLimiter,
      BodyReader bodyReader,
      Dispatcher dispatcher,
      ErrorDocuments errors,
      Operator operator) {
    this.router = router;
    this.authentication = authentication;
    this.rateLimiter = rateLimiter;
    this.bodyReader = bodyReader;
    this.dispatcher = dispatcher;
    this.errors = errors;
    this.operator = operator;
  }

  public ApiResponse handle(ApiRequest request) {
    long started = System.nanoTime();
    Trace trace = new Trace();
    ApiResponse response = run(request, trace);
    operator.log().record(operator.clock().instant(), request.method(), request.path(), request.rawQuery(),
        response.status(), (System.nanoTime() - started) / 1_000_000.0, trace.keyId, trace.faultRuleId);
    return response;
  }

  /** What the request log learns along the way. */
  private static final class Trace {
    Optional<String> keyId = Optional.empty();
    Optional<String> faultRuleId = Optional.empty();
  }

  private ApiResponse run(ApiRequest request, Trace trace) {
    Optional<String> rateHeader = Optional.empty();
    try {
      RouteMatch route = parse(request);
      Optional<Principal> principal = authentication.authenticate(request);
      trace.keyId = principal.map(p -> p.key().keyId());
      injectFaults(request, trace);
      if (principal.isPresent()) {
        String keyId = principal.get().key().keyId();
        try {
          rateHeader = Optional.of(rateLimiter.check(keyId).headerValue());
        } catch (ApiException refused) {
          // A 429 still tells the client its budget: nothing remains.
          rateHeader = Optional.of(rateLimiter.status(keyId).headerValue());
          throw refused;
        }
      }
      Call call = validate(route, principal, request);
      ApiResponse response = operate(call);
      return render(response, rateHeader);
    } catch (ApiException e) {
      return render(errors.render(e), rateHeader);
    } catch (RuntimeException e) {
      String id = UUID.randomUUID().toString();
      log.error("unexpected error {} on {} {}", id, request.method(), request.path(), e);
      return render(errors.render(Errors.unexpected(), id), rateHeader);
    }
  }

  private RouteMatch parse(ApiRequest request) {
    return router.route(request.method(), request.path());
  }

  /** Holds the request for a matching rule's delay, then answers with its error, if it has one. */
  private void injectFaults(ApiRequest request, Trace trace) {
    Optional<FaultRules.AppliedFault> fault = operator.faults().apply(request.method(), request.path());
    if (fault.isPresent()) {
      trace.faultRuleId = Optional.of(fault.get().ruleId());
      if (fault.get().error().isPresent()) {
        throw fault.get().error().get();
      }
    }
  }

  private Call validate(RouteMatch route, Optional<Principal> principal, ApiRequest request) {
    Query query = queryParser.parse(route.operation(), request.rawQuery());
    Optional<JsonNode> body = route.operation().request() == null
        ? Optional.empty()
        : Optional.of(bodyReader.read(request.header("content-type"), request.body()));
    return new Call(route, principal, request, query, body);
  }

  private ApiResponse operate(Call call) {
    return dispatcher.dispatch(call);
  }

  private static ApiResponse render(ApiResponse response, Optional<String> rateHeader) {
    return rateHeader.map(value -> response.withHeader(RATE_LIMIT_HEADER, value)).orElse(response);
  }

  /** One routed, authenticated, validated request on its way to an operation. */
  public record Call(
      RouteMatch route, Optional<Principal> principal, ApiRequest request, Query query, Optional<JsonNode> body) {}

  /**
   * Who is calling. {@link #verifying} checks Apple's bearer token; {@link #NONE} exists only for
   * the benchmark's unauthenticated baseline.
   */
  @FunctionalInterface
  public interface Authentication {
    Optional<Principal> authenticate(ApiRequest request);

    static Authentication verifying(Authenticator authenticator) {
      return request -> Optional.of(authenticator.authenticate(
          request.header("authorization").orElse(null), request.method(), request.path(), request.rawQuery()));
    }
  }

  /**
   * What the operator steers and sees in every API request: the fault rules, the request log,
   * and the clock that stamps its entries.
   */
  public record Operator(FaultRules faults, RequestLog log, Clock clock) {
    /** No faults, and a log nobody reads (for pipelines built without an operator surface). */
    public static Operator unobserved() {
      return new Operator(new FaultRules(Clock.systemUTC(), new java.util.Random(), FaultRules.Pause.SLEEP),
          new RequestLog(1), Clock.systemUTC());
    }
  }

  /** Runs an operation. Until the engine serves an operation, it answers 501 naming it. */
  @FunctionalInterface
  public interface Dispatcher {
    ApiResponse dispatch(Call call);

    Dispatcher NOT_IMPLEMENTED = call -> {
      throw Errors.notImplemented(call.route().operation().id());
    };
  }
}
