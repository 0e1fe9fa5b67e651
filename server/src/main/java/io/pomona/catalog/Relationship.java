package io.pomona.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A relationship of a resource schema.
 *
 * @param target the related resource type, e.g. {@code builds}
 * @param toMany whether it is to-many
 * @param linkage whether the resource document may carry linkage {@code data} for it
 * @param links whether it has {@code links.self}/{@code links.related}
 * @param paging whether to-many linkage carries {@code meta.paging}
 * @param inverse the relationship on the target type that is the same stored edge seen from
 *     the other side ({@code "app"} on builds for {@code builds} on apps), or null when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Relationship(
    String target, boolean toMany, boolean linkage, boolean links, boolean paging, String inverse) {}
