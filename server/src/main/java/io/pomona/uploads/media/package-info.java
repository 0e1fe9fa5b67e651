/**
 * What an uploaded media file is, read for real: images through {@code javax.imageio} (PNG and
 * JPEG; anything else is refused), videos by their ISO base media file format boxes (MP4, M4V,
 * QuickTime MOV), GeoJSON coverage files with Jackson; the pixel sizes Apple accepts per display
 * type ({@link io.pomona.uploads.media.DisplaySizes}); and images re-encoded at a requested size
 * for the {@code templateUrl} that Pomona serves.
 *
 * <p>Part of the uploads layer: depends on the JDK and Jackson only.
 */
package io.pomona.uploads.media;
