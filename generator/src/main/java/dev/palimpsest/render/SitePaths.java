package dev.palimpsest.render;

/**
 * Relative links between pages of the site, which is what keeps it working from any folder,
 * from {@code file://} and under any base URL.
 */
public final class SitePaths {
  private SitePaths() {}

  /** The prefix leading from the page at {@code from} back to the site root: "../../". */
  public static String root(String from) {
    int depth = (int) from.chars().filter(c -> c == '/').count();
    return "../".repeat(depth);
  }

  /** A link from the page at {@code from} to the file at {@code to}, both from the site root. */
  public static String relative(String from, String to) {
    String[] fromParts = from.split("/");
    String[] toParts = to.split("/");
    int common = 0;
    while (common < fromParts.length - 1 && common < toParts.length - 1
        && fromParts[common].equals(toParts[common])) {
      common++;
    }
    StringBuilder link = new StringBuilder("../".repeat(fromParts.length - 1 - common));
    for (int i = common; i < toParts.length; i++) {
      link.append(toParts[i]);
      if (i < toParts.length - 1) {
        link.append('/');
      }
    }
    return link.toString();
  }
}
