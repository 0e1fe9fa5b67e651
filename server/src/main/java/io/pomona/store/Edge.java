package io.pomona.store;

/**
 * One link of a relationship, from one resource to another.
 *
 * @param relation the relationship's canonical key
 * @param fromId the id of the resource the link starts from
 * @param toId the id of the linked resource
 * @param position the link's place among the targets of {@code fromId}: ascending in target order,
 *     and larger for every link made later; not contiguous, and meaningless across different
 *     sources (use it only as a paging key)
 */
public record Edge(String relation, String fromId, String toId, long position) {}
