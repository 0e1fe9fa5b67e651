/**
 * Asset uploads, whatever the asset (build files, screenshots, previews, ...): a reservation
 * of a file size becomes upload operations (part URLs, offsets, lengths); parts arrive by HTTP
 * without a token, as Apple's pre-signed URLs do; a commit checks that every part arrived and
 * computes the file's checksums for the caller to compare with the client's.
 *
 * <p>Bytes live on the file system under the data directory (design.md: uploaded bytes are stored
 * by checksum on the file system): parts under {@code parts/<token>/}, a committed file under
 * {@code blobs/<sha-256>}. Keeping them out of the database keeps the database small and its
 * backups fast; the database keeps only the reservation's token and state. Several nodes sharing
 * one PostgreSQL database must share the data directory's {@code uploads} too (or route a
 * reservation's parts and commit to one node).
 *
 * <p>What an uploaded media file is (image, video, coverage file), the sizes Apple accepts per
 * display type and the renditions served for templateUrls live in {@code io.pomona.uploads.media}.
 *
 * <p>Depends on {@code io.pomona.error} only (the media subpackage also on Jackson and the JDK's
 * ImageIO); used by {@code io.pomona.http} (the part route),
 * {@code io.pomona.domain} (the resources that reserve and commit) and {@code io.pomona.app}.
 */
package io.pomona.uploads;
