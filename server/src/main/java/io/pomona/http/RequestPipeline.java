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
import io.pomona.query.Query;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline, as named steps in order: parse (route) → authenticate → rate-limit →
 * validate (query parameters, content type, body) → operate → render. Any {@link ApiException} becomes Apple's
 * error document; anything else becomes a 500 {@code UNEXPECTED_ERROR} whose id is logged with
 * the stack trace, which never reaches the client.
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

  public RequestPipeline(
      Router router,
      Authentication authentication,
      RateLimiter rateLimiter,
      BodyReader bodyReader,
      Dispatcher dispatcher,
      ErrorDocuments errors) {
    this.router = router;
    this.authentication = authentication;
    this.rateLimiter = rateLimiter;
    this.bodyReader = bodyReader;
    this.dispatcher = dispatcher;
    this.errors = errors;
  }

  public ApiResponse handle(ApiRequest request) {
    Optional<String> rateHeader = Optional.empty();
    try {
      RouteMatch route = parse(request);
      Optional<Principal> principal = authentication.authenticate(request);
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

  /** Runs an operation. Until the engine serves an operation, it answers 501 naming it. */
  @FunctionalInterface
  public interface Dispatcher {
    ApiResponse dispatch(Call call);

    Dispatcher NOT_IMPLEMENTED = call -> {
      throw Errors.notImplemented(call.route().operation().id());
    };
  }
}
