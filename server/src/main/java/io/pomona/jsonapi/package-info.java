/**
 * JSON:API on the wire: reading request bodies and (with the engine) writing documents.
 * Depends on {@code catalog}, {@code query} and {@code error}.
 */
package io.pomona.jsonapi;
