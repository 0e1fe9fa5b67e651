package io.pomona.http.admin;

/** A few related admin endpoints that register their routes together. */
@FunctionalInterface
public interface EndpointGroup {
  void register(AdminRoutes routes);
}
