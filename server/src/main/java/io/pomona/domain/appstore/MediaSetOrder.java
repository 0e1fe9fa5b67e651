package io.pomona.domain.appstore;

import io.pomona.behaviour.Behaviour;
import io.pomona.behaviour.Origin;
import io.pomona.behaviour.WriteContext;
import io.pomona.behaviour.WriteKind;
import io.pomona.error.ApiError;
import io.pomona.error.ApiException;
import io.pomona.error.Errors;
import io.pomona.store.StoredResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order of the assets in a screenshot or preview set (api-facts.md §5): {@code PATCH
 * /v1/appScreenshotSets/{id}/relationships/appScreenshots} replaces the order, and the set lists
 * its assets in that order. The PATCH reorders, it does not move or drop assets: every id must be
 * one of the set's, and every one of the set's must be named (Inf: Apple documents the endpoint
 * only as the way to order a set; an asset leaves its set by being deleted, and joins one only when
 * reserved in it). A list that breaks this is a 409 naming each offending entry.
 *
 * <p>Deleting a set deletes its assets (Inf: an asset cannot exist outside a set; App Store
 * Connect's "delete all" of a display type removes its screenshots).
 */
public final class MediaSetOrder implements Behaviour {
  /** The set types and the relationship holding their assets, in order. */
  private static final Map<String, String> ASSETS = Map.of(
      "appScreenshotSets", "appScreenshots",
      "appPreviewSets", "appPreviews");
  /** Apple allows 10 screenshots and 3 previews per set; read a few more to tell what is there. */
  private static final int MAX_ASSETS = 50;

  @Override
  public Set<String> resourceTypes() {
    return ASSETS.keySet();
  }

  @Override
  public void beforeWrite(WriteContext ctx) {
    if (ctx.kind() == WriteKind.DELETE) {
      String relationship = ASSETS.get(ctx.type());
      for (StoredResource asset : ctx.resources().related(ctx.type(), ctx.id(), relationship, MAX_ASSETS)) {
        ctx.resources().delete(asset.type(), asset.id());
      }
    }
  }

  @Override
  public void validate(WriteContext ctx) {
    String relationship = ASSETS.get(ctx.type());
    if (ctx.origin() != Origin.CLIENT || ctx.kind() != WriteKind.UPDATE
        || !ctx.relationships().containsKey(relationship)) {
      return;
    }
    List<String> requested = ctx.relationships().get(relationship);
    List<String> current = ctx.resources().related(ctx.type(), ctx.id(), relationship, MAX_ASSETS).stream()
        .map(StoredResource::id).toList();
    List<ApiError> problems = new ArrayList<>();
    // The engine hands the ids without repeats, in the order sent.
    for (int i = 0; i < requested.size(); i++) {
      String id = requested.get(i);
      if (!current.contains(id)) {
        problems.add(Errors.relationshipInvalid("/data/" + i, "The " + relationship + " '" + id + "' is not in the "
            + ctx.type() + " '" + ctx.id() + "'; only its own assets can be ordered."));
      }
    }
    List<String> left = current.stream().filter(id -> !requested.contains(id)).toList();
    if (!left.isEmpty()) {
      problems.add(Errors.relationshipInvalid("/data", "The new order leaves out " + left + " of the "
          + ctx.type() + " '" + ctx.id() + "'; list every asset of the set (delete an asset to remove it)."));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
  }
}
