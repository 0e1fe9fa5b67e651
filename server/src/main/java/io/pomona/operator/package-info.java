/**
 * The operator's control plane, free of HTTP: teams and keys ({@link io.pomona.operator.AccountAdmin}),
 * creating apps the way Apple's web UI does ({@link io.pomona.operator.AppCreator}), a team's whole
 * state as a JSON document and back ({@link io.pomona.operator.TeamSnapshots}), injected faults
 * ({@link io.pomona.operator.FaultRules}), the recent-request ring ({@link
 * io.pomona.operator.RequestLog}) and the admin token ({@link io.pomona.operator.AdminToken}). The
 * admin HTTP API ({@code io.pomona.http.admin}) and the CLI are thin shells over these classes.
 *
 * <p>Every bad input ends as an {@link io.pomona.error.ApiException} (400 for malformed requests,
 * 404 for unknown teams or keys, 409 for conflicts).
 *
 * <p>May depend on {@code sim}, {@code engine}, {@code store}, {@code auth}, {@code account},
 * {@code catalog}, {@code error} and Jackson; only {@code app} and {@code http} depend on it.
 */
package io.pomona.operator;
