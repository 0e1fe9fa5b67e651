package io.pomona.engine;

/**
 * A catalog path with at most one {@code {id}}, split around it once, so that filling it in is
 * one concatenation instead of a search.
 */
final class PathTemplate {
  private static final String ID = "{id}";

  private final String before;
  private final String after;
  private final boolean hasId;

  private PathTemplate(String before, String after, boolean hasId) {
    this.before = before;
    this.after = after;
    this.hasId = hasId;
  }

  static PathTemplate of(String path) {
    int at = path.indexOf(ID);
    return at < 0
        ? new PathTemplate(path, "", false)
        : new PathTemplate(path.substring(0, at), path.substring(at + ID.length()), true);
  }

  String fill(String id) {
    return hasId ? before + id + after : before;
  }
}
