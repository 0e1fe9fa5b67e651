/**
 * The catalog generator: reads Apple's App Store Connect OpenAPI document with Jackson's tree
 * model, applies the committed corrections ({@code spec-patches.json}), settles inverse
 * relationships ({@code inverse-overrides.json}) and writes Pomona's catalog, facts only, in
 * document order. A maintainer's tool that is not part of the server jar. Depends on the server
 * module's {@code io.pomona.catalog} records and on Jackson.
 */
package io.pomona.catalog.generator;
