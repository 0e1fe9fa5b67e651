package io.pomona.operator;

import io.pomona.error.Errors;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which request paths a fault rule applies to. Two spellings:
 *
 * <ul>
 *   <li>a <b>glob</b> (anything not starting with {@code ^}), matched against the whole path:
 *       {@code *} stands for any characters within one segment, {@code **} for any characters
 *       across segments, {@code ?} for one character other than {@code /}; everything else is
 *       literal. {@code /v1/apps/*} matches {@code /v1/apps/123} but not {@code
 *       /v1/apps/123/builds}; {@code /v1/**} matches every v1 path.
 *   <li>a <b>regular expression</b> (Java syntax) when it starts with {@code ^}, searched in the
 *       path: {@code ^/v1/(apps|builds)$}. End it with {@code $} to anchor the end.
 * </ul>
 *
 * @param source the pattern as the operator wrote it
 */
public record PathPattern(String source, Pattern compiled) {
  private static final int LONGEST = 1000;

  /** Compiles a pattern; 400 when it is empty, too long, not a path glob or not a regex. */
  public static PathPattern of(String source) {
    if (source == null || source.isBlank() || source.length() > LONGEST) {
      throw Errors.entityInvalid("'pathPattern' needs 1 to " + LONGEST + " characters, such as /v1/apps/* or ^/v1/builds");
    }
    if (source.startsWith("^")) {
      try {
        return new PathPattern(source, Pattern.compile(source));
      } catch (PatternSyntaxException e) {
        throw Errors.entityInvalid("'pathPattern' starts with ^, so it is a regular expression, but it is not valid: "
            + e.getDescription());
      }
    }
    if (!source.startsWith("/")) {
      throw Errors.entityInvalid("'pathPattern' must start with / (a glob such as /v1/apps/*) or ^ (a regular expression)");
    }
    return new PathPattern(source, Pattern.compile(globToRegex(source)));
  }

  public boolean matches(String path) {
    return source.startsWith("^") ? compiled.matcher(path).find() : compiled.matcher(path).matches();
  }

  private static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        if (c == '?') {
          regex.append("[^/]");
        } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          regex.append(".*");
          i++;
        } else {
          regex.append("[^/]*");
        }
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return regex.toString();
  }
}
