package dev.palimpsest.normalise;

import java.text.Normalizer;

/** Puts text into the form blocks are compared in: NFC, single spaces, nothing at the ends. */
final class TextCleaner {

  private TextCleaner() {}

  /**
   * The text in Unicode NFC with every run of whitespace, Unicode spaces and control characters
   * made one ASCII space, zero-width characters removed, and no space at either end.
   */
  static String clean(CharSequence raw) {
    String text = raw.toString();
    if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
      text = Normalizer.normalize(text, Normalizer.Form.NFC);
    }
    return isClean(text) ? text : collapse(text); // most blocks are clean: no copy
  }

  /** The text with its spaces collapsed and trimmed and invisible characters removed. */
  static String collapse(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean spacePending = false;
    int run = -1; // where the current run of kept characters started, or -1
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = isSpace(c);
      if (space || isInvisible(c)) {
        if (run >= 0) {
          out.append(text, run, i); // a run at a time: most text is words between spaces
          run = -1;
        }
        if (space) {
          spacePending = out.length() > 0;
        }
        continue;
      }
      if (run < 0) {
        if (spacePending) {
          out.append(' ');
          spacePending = false;
        }
        run = i;
      }
    }
    if (run >= 0) {
      out.append(text, run, text.length());
    }
    return out.toString();
  }

  /** Whether the (NFC) text is as {@link #clean} would make it: single ASCII spaces inside. */
  private static boolean isClean(String text) {
    if (text.isEmpty()) {
      return true;
    }
    boolean afterSpace = true; // no space at the start
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        if (afterSpace) {
          return false;
        }
        afterSpace = true;
      } else if (isSpace(c) || isInvisible(c)) {
        return false;
      } else {
        afterSpace = false;
      }
    }
    return !afterSpace; // no space at the end
  }

  /** True when {@link #clean} would give the empty string. */
  static boolean isBlank(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isSpace(c) && !isInvisible(c)) {
        return false;
      }
    }
    return true;
  }

  /** Includes NBSP and the other Unicode spaces, which Java's isWhitespace leaves out. */
  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }

  /**
   * Zero-width space, word joiner and BOM only: they change no word, yet would make equal
   * texts differ. Zero-width (non-)joiners are kept because they change how some scripts and
   * emoji read.
   */
  private static boolean isInvisible(char c) {
    return c == '\u200B' || c == '\u2060' || c == '\uFEFF';
  }
}
