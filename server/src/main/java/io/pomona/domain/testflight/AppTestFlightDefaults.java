package io.pomona.domain.testflight;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every app has a beta app review detail and a beta license agreement from the start, each under
 * the app's own id: the API can only read and PATCH them (OpenAPI 4.4.1 has no POST), so Apple
 * must make them with the app. The review contact starts empty (beta review refuses to start
 * until it is filled in); the agreement starts with no text of its own (Apple's standard one
 * applies).
 */
public final class AppTestFlightDefaults implements Behaviour {

  @Override
  public Set<String> resourceTypes() {
    return Set.of("apps");
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE) {
      return;
    }
    if (ctx.resources().get("betaAppReviewDetails", ctx.id()).isEmpty()) {
      ctx.resources().create("betaAppReviewDetails", Optional.of(ctx.id()), Map.of("demoAccountRequired", false),
          Map.of("app", List.of(ctx.id())));
    }
    if (ctx.resources().get("betaLicenseAgreements", ctx.id()).isEmpty()) {
      ctx.resources().create("betaLicenseAgreements", Optional.of(ctx.id()), Map.of(),
          Map.of("app", List.of(ctx.id())));
    }
  }
}
