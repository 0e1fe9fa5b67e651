/**
 * The catalog: records describing every resource schema and operation of the API, and the loader
 * of the committed, generated catalog. Depends on {@code error}.
 */
package io.pomona.catalog;
