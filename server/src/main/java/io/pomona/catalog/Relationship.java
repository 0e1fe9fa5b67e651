package io.pomona.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A relationship of a resource schema.
 *
 * <p>Two relationships of one type can be the same stored edge under two names, e.g. the
 * deprecated {@code gameCenterAchievementImage} and the current {@code image} on
 * gameCenterAchievementLocalizations. The older name then carries {@code alias}: the name of the
 * canonical relationship on the same type. Both read and write the canonical edge, and both
 * carry the canonical relationship's {@code inverse}. The generator settles aliases from
 * {@code catalog-generator/src/main/resources/inverse-overrides.json}.
 *
 * @param target the related resource type, e.g. {@code builds}
 * @param toMany whether it is to-many
 * @param linkage whether the resource document may carry linkage {@code data} for it
 * @param links whether it has {@code links.self}/{@code links.related}
 * @param paging whether to-many linkage carries {@code meta.paging}
 * @param inverse the relationship on the target type that is the same stored edge seen from
 *     the other side ({@code "app"} on builds for {@code builds} on apps), or null when none
 * @param alias the canonical relationship of the same type whose edge this one reads, or null
 *     when this relationship is itself canonical
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Relationship(
    String target,
    boolean toMany,
    boolean linkage,
    boolean links,
    boolean paging,
    String inverse,
    String alias) {

  /** A canonical relationship (no alias). */
  public Relationship(
      String target,
      boolean toMany,
      boolean linkage,
      boolean links,
      boolean paging,
      String inverse) {
    this(target, toMany, linkage, links, paging, inverse, null);
  }

  /** The name of the stored edge this relationship reads: {@code alias}, or its own name. */
  public String edgeName(String ownName) {
    return alias == null ? ownName : alias;
  }
}
