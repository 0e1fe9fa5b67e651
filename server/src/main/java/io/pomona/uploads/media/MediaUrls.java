package io.pomona.uploads.media;

import java.util.regex.Pattern;

/**
 * The public URLs of processed media, by the SHA-256 of their stored file: {@code
 * /_media/<sha256>/{w}x{h}bb.{f}} for an image's templateUrl (the client fills in width, height
 * and format, as with Apple's CDN), {@code /_media/<sha256>/original.<ext>} for a video. No token:
 * like Apple's CDN URLs they are public, and the digest of the file is the secret.
 */
public final class MediaUrls {
  /** Beside Apple's /v1../v3 paths and the admin API's /_pomona, as the upload parts' /_uploads is. */
  public static final String PATH_PREFIX = "/_media/";
  /** Apple's template placeholders: width, height and format ({@code png} or {@code jpg}). */
  public static final String TEMPLATE = "{w}x{h}bb.{f}";
  /** A filled-in template file name. */
  public static final Pattern RENDITION = Pattern.compile("(\\d{1,5})x(\\d{1,5})bb\\.(png|jpg|jpeg)");
  /** The stored file as uploaded. */
  public static final Pattern ORIGINAL = Pattern.compile("original\\.(png|jpg|mp4|mov)");

  private MediaUrls() {}

  /** An image's templateUrl under {@code baseUrl} (the server's public URL, no trailing slash). */
  public static String template(String baseUrl, String sha256) {
    return baseUrl + PATH_PREFIX + sha256 + "/" + TEMPLATE;
  }

  /** The URL of a stored file as uploaded, with the extension that tells its type. */
  public static String original(String baseUrl, String sha256, String extension) {
    return baseUrl + PATH_PREFIX + sha256 + "/original." + extension;
  }
}
