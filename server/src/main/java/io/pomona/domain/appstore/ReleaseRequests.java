package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import java.util.Optional;
import java.util.Set;

/**
 * A release request (api-facts.md §6.2): the developer releases a version that waits in {@code
 * PENDING_DEVELOPER_RELEASE} (a manual release, or a scheduled one before its date). Any other
 * state is a 409 {@code STATE_ERROR.ENTITY_STATE_INVALID} at {@code
 * /data/relationships/appStoreVersion}, and nothing changes.
 */
public final class ReleaseRequests implements Behaviour {
  @Override
  public Set<String> resourceTypes() {
    return Set.of("appStoreVersionReleaseRequests");
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE) {
      return;
    }
    Optional<String> versionId = Related.toOneId(ctx, "appStoreVersion");
    Optional<String> state = versionId.flatMap(id -> ctx.resources().get(AppStoreVersionRules.TYPE, id))
        .flatMap(version -> Related.text(version, "appVersionState"));
    if (versionId.isPresent() && state.isPresent() && !state.get().equals(VersionStates.PENDING_DEVELOPER_RELEASE)) {
      throw new ApiException(Errors.entityStateInvalid("/data/relationships/appStoreVersion",
          AppStoreVersionRules.TYPE, versionId.get()).withDetail(AppStoreVersionRules.TYPE + " with id '"
          + versionId.get() + "' is not in valid state. It is " + state.get()
          + "; only a version in PENDING_DEVELOPER_RELEASE can be released."));
    }
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.CREATE) {
      Related.toOneId(ctx, "appStoreVersion").ifPresent(id -> VersionRelease.release(ctx.resources(), id));
    }
  }
}
