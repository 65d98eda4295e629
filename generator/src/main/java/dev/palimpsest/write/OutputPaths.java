package dev.palimpsest.write;

/**
 * Checks that a path of the site is slugs joined by '/': paths are built from slugs, so anything
 * else is a bug, refused rather than let anything be written outside the site.
 */
final class OutputPaths {
  private OutputPaths() {}

  /** {@code path}, when it is safe. */
  static String checked(String path) {
    if (!isSafe(path) || path.contains("..")) {
      throw new IllegalArgumentException("unsafe output path: " + path);
    }
    return path;
  }

  /**
   * Whether {@code path} is names of {@code A-Z a-z 0-9 . _ -} joined by single slashes. Checked
   * by hand: a rebuild checks every path of the site, where a regular expression was a good part
   * of a rebuild after one new snapshot.
   */
  static boolean isSafe(String path) {
    boolean nameStarted = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '/') {
        if (!nameStarted) {
          return false;
        }
        nameStarted = false;
      } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '.' || c == '_' || c == '-') {
        nameStarted = true;
      } else {
        return false;
      }
    }
    return nameStarted;
  }
}
