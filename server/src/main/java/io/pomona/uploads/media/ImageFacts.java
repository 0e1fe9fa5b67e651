package io.pomona.uploads.media;

/**
 * An image as decoded: its format ({@code png} or {@code jpg}, the extensions templateUrls use),
 * its pixel size, and whether it carries an alpha channel (Apple refuses alpha in screenshots).
 */
public record ImageFacts(String format, int width, int height, boolean alpha) {}
