/**
 * Demo data: a deterministic, realistic team (apps on several platforms, provisioning, TestFlight,
 * App Store versions, in-app purchases and subscriptions, customer reviews, Xcode Cloud, users)
 * written through the engine's internal API ({@link io.pomona.engine.Resources}), so that every
 * area of the API answers with meaningful data. {@link io.pomona.sim.demo.Demo} is the entry
 * point for {@code serve --demo}, {@code seed --demo} and the admin API.
 *
 * <p>The content (names, texts, which build is in which state) is data in the {@code *Story}
 * classes; the {@code *Seeder} classes turn it into resources, one area each. Values come from
 * one seeded {@link java.util.Random} and dates are relative to an instant the caller passes (the
 * simulated clock's), so the same seed and instant give the same team.
 *
 * <p>May depend on {@code engine} (the internal API), {@code store} (to look at a team before
 * seeding) and {@code error}; BouncyCastle for the CSRs its certificates are issued from. It never
 * calls a domain area directly: what a domain builds (certificates, signed profiles) it gets by
 * writing as a client would.
 */
package io.pomona.sim.demo;
