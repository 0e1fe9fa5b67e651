package io.pomona.operator;

import java.util.List;

/**
 * What an operator gives to create an app, as in App Store Connect's "New App" form.
 *
 * @param name the app's name on the App Store (at most 30 characters, as Apple allows)
 * @param bundleId the bundle identifier, e.g. {@code com.example.notes}
 * @param sku the operator's own unique id for the app
 * @param primaryLocale e.g. {@code en-US}
 * @param platforms Apple's {@code Platform} values: {@code IOS}, {@code MAC_OS}, {@code TV_OS},
 *     {@code VISION_OS}
 */
public record NewApp(String name, String bundleId, String sku, String primaryLocale, List<String> platforms) {
  public NewApp {
    platforms = List.copyOf(platforms);
  }
}
