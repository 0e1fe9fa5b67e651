/**
 * The App Store: versions and their metadata, app information, review submissions, release
 * (manual, automatic, scheduled, phased) and pricing and availability (issue 7; api-facts.md §6.2,
 * §6.3, §6.4, §14). Behaviours only (style.md §2.1): each Apple rule lives in one class, with the
 * rule's source in a comment; states and limits are data.
 *
 * <p>Rules that stop a client (one editable version per platform, an editable state, a build that
 * fits) apply to {@link io.pomona.behaviour.Origin#CLIENT} writes: the operator, the demo data and
 * the simulation may put resources in any state, as Apple itself can.
 *
 * <p>Depends on {@code io.pomona.behaviour}, {@code io.pomona.store} (resource values), {@code
 * io.pomona.catalog} and {@code io.pomona.error}; never on the engine, HTTP or another area.
 */
package io.pomona.domain.appstore;
