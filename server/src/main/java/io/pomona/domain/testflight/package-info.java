/**
 * TestFlight: builds and their processing, later beta groups, testers and beta review. Behaviours
 * only (style.md §2.1).
 *
 * <p>Depends on {@code io.pomona.behaviour}, {@code io.pomona.store} (resource values), {@code
 * io.pomona.catalog}, {@code io.pomona.error} and {@code io.pomona.uploads} (uploaded bytes); never on the engine, HTTP or another area.
 */
package io.pomona.domain.testflight;
