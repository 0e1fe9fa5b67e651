/**
 * The catalog: records describing every resource schema and operation of the API, and the loader
 * of the committed, generated catalog; also the global reference data every team sees
 * ({@link io.pomona.catalog.ReferenceData}, read from {@code fixtures/*.json}). Depends on
 * {@code error}.
 */
package io.pomona.catalog;
