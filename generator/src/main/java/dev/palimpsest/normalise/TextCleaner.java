package dev.palimpsest.normalise;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** The one whitespace and Unicode rule that every block and headline goes through. */
final class TextCleaner {
  /** Zero-width characters that readers do not see and diffs should not either. */
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

  private TextCleaner() {}

  static String clean(String text) {
    String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
    String visible = INVISIBLE.matcher(composed).replaceAll("");
    return SPACES.matcher(visible).replaceAll(" ").strip();
  }
}
