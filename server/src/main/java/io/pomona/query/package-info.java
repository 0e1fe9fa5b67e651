/**
 * The request as values: {@link io.pomona.query.Query} (filters, sort, fields, includes, paging).
 * Depends on {@code catalog} and {@code error}.
 */
package io.pomona.query;
