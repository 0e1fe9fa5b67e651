/**
 * JSON:API on the wire: reading request bodies ({@link io.pomona.jsonapi.BodyReader}), validating
 * them against the catalog ({@link io.pomona.jsonapi.BodyValidator}, which yields a {@link
 * io.pomona.jsonapi.WriteRequest} or linkage {@link io.pomona.jsonapi.Identifier}s), parsing query
 * strings, and (with the engine) writing documents. Depends on {@code catalog}, {@code query} and
 * {@code error}.
 */
package io.pomona.jsonapi;
