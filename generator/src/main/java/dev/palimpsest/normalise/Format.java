package dev.palimpsest.normalise;

import java.util.Locale;
import java.util.Optional;

/** The snapshot formats Palimpsest reads, told apart by file extension. */
public enum Format {
  HTML, MARKDOWN, TEXT;

  /** The format for a file name's extension (case-insensitive), if it is one we read. */
  public static Optional<Format> ofFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return switch (fileName.substring(dot + 1).toLowerCase(Locale.ROOT)) {
      case "html", "htm" -> Optional.of(HTML);
      case "md", "markdown" -> Optional.of(MARKDOWN);
      case "txt" -> Optional.of(TEXT);
      default -> Optional.empty();
    };
  }
}
