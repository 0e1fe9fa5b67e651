package io.pomona.domain.testflight;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every app has a beta app review detail from the start, under the app's own id: the API can
 * only read and PATCH it (OpenAPI 4.4.1 has no POST), so Apple must make it with the app. Its
 * contact fields start empty; beta review refuses to start until they are filled in.
 */
public final class AppBetaReviewDetail implements Behaviour {

  @Override
  public Set<String> resourceTypes() {
    return Set.of("apps");
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.CREATE && ctx.resources().get("betaAppReviewDetails", ctx.id()).isEmpty()) {
      ctx.resources().create("betaAppReviewDetails", Optional.of(ctx.id()), Map.of("demoAccountRequired", false),
          Map.of("app", List.of(ctx.id())));
    }
  }
}
