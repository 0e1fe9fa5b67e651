/**
 * Game Center: what Pomona serves beyond the generic engine, today the matchmaking metrics
 * ({@link io.pomona.domain.gamecenter.MatchmakingMetrics}). Behaviours only (style.md §2.1).
 *
 * <p>Depends on {@code io.pomona.behaviour}; never on the engine, HTTP or another area.
 */
package io.pomona.domain.gamecenter;
