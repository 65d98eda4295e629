package dev.palimpsest.diff;

import java.util.Objects;

/**
 * Decides whether two texts differ only in how they are typeset: typographic quotes against
 * straight ones, dashes against hyphens, and spacing (no-break spaces, runs of whitespace).
 *
 * <pre>{@code
 * Cosmetic.sameText("It’s “fine” – really", "It's \"fine\" - really");  // true
 * Cosmetic.sameText("19 dead", "21 dead");                               // false
 * }</pre>
 *
 * <p>A changed pair that differs only cosmetically is flagged ({@link DiffRow#cosmetic()}) and
 * its marked words are left out of the word counts, so that a site re-typeset with curly quotes
 * does not look like a rewrite. Pure and thread-safe.
 */
public final class Cosmetic {
  private Cosmetic() {
  }

  /** The text with quotes straightened, dashes made hyphens and whitespace runs one space. */
  public static String normalise(String text) {
    Objects.requireNonNull(text, "text must not be null");
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      switch (cp) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' ->
            out.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' ->
            out.append('"');
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' ->
            out.append('-');
        case '\u2026' -> out.append("...");
        default -> out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /** True when the two texts are equal once {@link #normalise normalised}. */
  public static boolean sameText(String a, String b) {
    return normalise(a).equals(normalise(b));
  }
}
