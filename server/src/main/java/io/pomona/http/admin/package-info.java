/**
 * The admin HTTP API under {@code /_pomona/...}: JSON in and out, guarded by the admin token
 * ({@code Authorization: Bearer <admin token>}), on the API's port or a connector of its own.
 * {@link io.pomona.http.admin.AdminHandler} checks the token, routes, and renders every failure as
 * an error document shaped like Apple's ({@code {"errors": [...]}}), never a 500 for bad input.
 * Endpoints come in small groups ({@link io.pomona.http.admin.EndpointGroup}), each a thin shell
 * over {@code io.pomona.operator} or {@code io.pomona.sim}.
 *
 * <p>Part of the {@code http} layer: may depend on {@code operator}, {@code sim}, {@code engine},
 * {@code account}, {@code error} and Jackson; never on Jetty (that stays in {@code
 * io.pomona.http.JettyServer}).
 */
package io.pomona.http.admin;
