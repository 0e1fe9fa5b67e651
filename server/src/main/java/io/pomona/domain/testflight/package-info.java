/**
 * TestFlight: build uploads and their files ({@link io.pomona.domain.testflight.BuildUploadFlow}),
 * processing ({@link io.pomona.domain.testflight.BuildProcessing}) and expiry ({@link
 * io.pomona.domain.testflight.BuildExpiry}), beta states ({@link
 * io.pomona.domain.testflight.BetaStates}), beta review ({@link
 * io.pomona.domain.testflight.BetaReviewFlow}), groups and testers, the smaller one-of rules, and
 * the feedback testers send. Behaviours only (style.md §2.1).
 *
 * <p>Depends on {@code io.pomona.behaviour}, {@code io.pomona.store} (resource values), {@code
 * io.pomona.catalog}, {@code io.pomona.error} and {@code io.pomona.uploads} (uploaded bytes);
 * never on the engine, HTTP or another area.
 */
package io.pomona.domain.testflight;
