package dev.palimpsest.normalise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A Markdown text split into its YAML front matter ({@code ---} ... {@code ---} or
 * {@code ...}, as in Jekyll and Hugo) and its body.
 *
 * @param title the front matter's {@code title}, or {@code null}
 * @param body the Markdown after the front matter; the whole text when there is none
 */
record FrontMatter(String title, String body) {

  /** Thread-safe once configured, so one serves every call. */
  private static final YAMLMapper YAML = new YAMLMapper();

  static FrontMatter split(String text) {
    int firstLineEnd = lineEnd(text, 0);
    if (!text.substring(0, firstLineEnd).stripTrailing().equals("---")) {
      return new FrontMatter(null, text);
    }
    for (int start = nextLine(text, firstLineEnd); start < text.length();
        start = nextLine(text, lineEnd(text, start))) {
      int end = lineEnd(text, start);
      String line = text.substring(start, end).stripTrailing();
      if (line.equals("---") || line.equals("...")) {
        String yaml = text.substring(nextLine(text, firstLineEnd), start);
        return new FrontMatter(title(yaml), text.substring(nextLine(text, end)));
      }
    }
    return new FrontMatter(null, text);
  }

  /**
   * A scalar {@code title}, so {@code title: 1984} works too. Front matter that is not valid
   * YAML still is metadata, not text: it only gives no title.
   */
  private static String title(String yaml) {
    try {
      JsonNode title = YAML.readTree(yaml).path("title");
      return title.isValueNode() && !title.isNull() ? title.asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static int lineEnd(String text, int start) {
    int end = start;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return end;
  }

  private static int nextLine(String text, int lineEnd) {
    if (lineEnd < text.length() && text.charAt(lineEnd) == '\r') {
      lineEnd++;
      if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
        lineEnd++;
      }
      return lineEnd;
    }
    return Math.min(lineEnd + 1, text.length());
  }
}
