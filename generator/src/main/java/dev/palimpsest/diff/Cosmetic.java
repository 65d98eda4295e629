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
    Normalised chars = new Normalised(text);
    for (int c = chars.next(); c >= 0; c = chars.next()) {
      out.appendCodePoint(c);
    }
    return out.toString();
  }

  /** True when the two texts are equal once {@link #normalise normalised}. */
  public static boolean sameText(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    // Compared as they are normalised, without making either: a changed pair usually differs
    // within its first few words.
    Normalised x = new Normalised(a);
    Normalised y = new Normalised(b);
    while (true) {
      int c = x.next();
      if (c != y.next()) {
        return false;
      }
      if (c < 0) {
        return true;
      }
    }
  }

  /** A text's normalised form, one code point at a time. */
  private static final class Normalised {
    private final String text;
    private int at;
    private boolean spaceBefore;
    private boolean started;
    private int dotsLeft;

    Normalised(String text) {
      this.text = text;
    }

    /** The next code point of the normalised text, or -1 at its end. */
    int next() {
      if (dotsLeft > 0) {
        dotsLeft--;
        return '.';
      }
      while (at < text.length()) {
        int cp = text.codePointAt(at);
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
          at += Character.charCount(cp);
          spaceBefore = true;
          continue;
        }
        if (spaceBefore) {
          spaceBefore = false;
          if (started) {
            return ' '; // the character itself comes next time
          }
        }
        at += Character.charCount(cp);
        started = true;
        switch (cp) {
          case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' -> {
            return '\'';
          }
          case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> {
            return '"';
          }
          case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> {
            return '-';
          }
          case '\u2026' -> {
            dotsLeft = 2;
            return '.';
          }
          default -> {
            return cp;
          }
        }
      }
      return -1;
    }
  }
}
