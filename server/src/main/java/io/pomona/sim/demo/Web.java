package io.pomona.sim.demo;

/** The URLs of an app's (fictional, {@code example.com}) web site, per locale. */
final class Web {
  private Web() {}

  static String home(Story.Identity app) {
    return "https://" + app.domain() + "/";
  }

  static String page(Story.Identity app, String locale, String page) {
    String language = locale.equals("en-US") ? "" : locale.substring(0, 2) + "/";
    return home(app) + language + page;
  }
}
