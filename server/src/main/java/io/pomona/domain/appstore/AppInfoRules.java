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
import java.util.Optional;
import java.util.Set;

/**
 * An app's information (App Store Connect Help, "app information"): its categories come from
 * Apple's category tree — a primary or secondary category is a top-level one, a subcategory is a
 * child of the category beside it, and the two categories differ — and every app info has its age
 * rating declaration, which Apple creates with it (clients can only PATCH one, api-facts.md §14),
 * its questions unanswered until the developer answers them.
 */
public final class AppInfoRules implements Behaviour {
  static final String TYPE = "appInfos";

  /** Each subcategory relationship and the category it refines. */
  private static final Map<String, String> SUBCATEGORY_OF = Map.of(
      "primarySubcategoryOne", "primaryCategory", "primarySubcategoryTwo", "primaryCategory",
      "secondarySubcategoryOne", "secondaryCategory", "secondarySubcategoryTwo", "secondaryCategory");

  @Override
  public Set<String> resourceTypes() {
    return Set.of(TYPE);
  }

  @Override
  public void validate(WriteContext ctx) {
    if (ctx.origin() != Origin.CLIENT || ctx.kind() == WriteKind.DELETE) {
      return;
    }
    List<ApiError> problems = new ArrayList<>();
    for (String category : List.of("primaryCategory", "secondaryCategory")) {
      if (ctx.relationships().containsKey(category)) {
        Related.toOneId(ctx, category).filter(id -> parentOf(ctx, id).isPresent()).ifPresent(id ->
            problems.add(Errors.relationshipInvalid("/data/relationships/" + category + "/data/id",
                "'" + id + "' is a subcategory; a " + category + " must be a top-level category.")));
      }
    }
    Optional<String> primary = Related.toOneId(ctx, "primaryCategory");
    if (primary.isPresent() && primary.equals(Related.toOneId(ctx, "secondaryCategory"))) {
      problems.add(Errors.relationshipInvalid("/data/relationships/secondaryCategory/data/id",
          "The secondary category must differ from the primary category."));
    }
    SUBCATEGORY_OF.forEach((subcategory, category) -> {
      if (!ctx.relationships().containsKey(subcategory) && !ctx.relationships().containsKey(category)) {
        return;
      }
      Related.toOneId(ctx, subcategory).ifPresent(id -> {
        Optional<String> parent = parentOf(ctx, id);
        if (parent.isEmpty() || !parent.equals(Related.toOneId(ctx, category))) {
          problems.add(Errors.relationshipInvalid("/data/relationships/" + subcategory + "/data/id",
              "'" + id + "' is not a subcategory of the " + category + " "
                  + Related.toOneId(ctx, category).map(c -> "'" + c + "'").orElse("(none chosen)") + "."));
        }
      });
    });
    if (!problems.isEmpty()) {
      throw new ApiException(problems);
    }
  }

  private static Optional<String> parentOf(WriteContext ctx, String categoryId) {
    return Related.one(ctx.resources(), "appCategories", categoryId, "parent").map(StoredResource::id);
  }

  @Override
  public void afterWrite(WriteContext ctx) {
    if (ctx.kind() != WriteKind.CREATE
        || Related.one(ctx.resources(), TYPE, ctx.id(), "ageRatingDeclaration").isPresent()) {
      return;
    }
    StoredResource declaration = ctx.resources().create("ageRatingDeclarations",
        Related.derivedId(ctx.id(), "ageRatingDeclaration"), Map.of(), Map.of());
    ctx.resources().link(TYPE, ctx.id(), "ageRatingDeclaration", List.of(declaration.id()));
  }
}
