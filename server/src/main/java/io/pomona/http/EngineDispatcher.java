package io.pomona.http;

import io.pomona.auth.Principal;
import io.pomona.engine.Call;
import io.pomona.engine.Caller;
import io.pomona.engine.Engine;
import io.pomona.engine.Reply;
import io.pomona.error.Errors;
import java.util.Optional;

/** Hands a routed request to the engine: parses its query, names its caller, maps the reply. */
public final class EngineDispatcher implements RequestPipeline.Dispatcher {
  private final Engine engine;

  public EngineDispatcher(Engine engine) {
    this.engine = engine;
  }

  @Override
  public ApiResponse dispatch(RequestPipeline.Call call) {
    Principal principal = call.principal().orElseThrow(() -> Errors.notImplemented(call.route().operation().id()));
    Reply reply = engine.execute(new Call(
        call.route().operation(),
        Optional.ofNullable(call.route().pathParameters().get("id")),
        call.query(),
        call.body(),
        new Caller(principal.team(), principal.key()),
        call.request().path(),
        call.request().rawQuery(),
        ContentNegotiation.choose(call.request().header("accept"), call.route().operation())));
    return new ApiResponse(reply.status(), reply.headers(), reply.contentType(), reply.buffer(), reply.length(),
        reply.release());
  }
}
