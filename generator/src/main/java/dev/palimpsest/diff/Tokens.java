package dev.palimpsest.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Cuts text into the units a reader compares: words, numbers, single characters of scripts
 * written without spaces, whitespace runs and punctuation. Joining the tokens gives the text
 * back exactly.
 *
 * <pre>{@code
 * Tokens.split("19 dead, don't panic");  // [19, " ", dead, ",", " ", don't, " ", panic]
 * Tokens.isWord("19");                   // true
 * }</pre>
 *
 * <p>The rules:
 * <ul>
 *   <li>a number is digits with inner decimal points or thousands separators ({@code 1,000.50}),
 *       so that "19 dead" to "21 dead" marks only the number;
 *   <li>a word is a run of letters and combining marks, keeping inner apostrophes ({@code '}
 *       and {@code ’}) as in "don't";
 *   <li>each Han, Hiragana, Katakana or Hangul character is a word of its own, since those
 *       scripts do not separate words by spaces;
 *   <li>a whitespace run is one token, and any other character is a token alone.
 * </ul>
 *
 * <p>All methods are pure and thread-safe.
 */
public final class Tokens {
  /** Below U+1100 (Hangul Jamo) no character is of the scripts written without spaces. */
  private static final int FIRST_UNSPACED = 0x1100;

  private Tokens() {
  }

  /** The text's tokens, in order; empty for an empty text. */
  public static List<String> split(String text) {
    Objects.requireNonNull(text, "text must not be null");
    // About one token in four chars in prose (a word, then a space): grown rarely, if ever.
    List<String> tokens = new ArrayList<>(text.length() / 4 + 4);
    int start = 0;
    while (start < text.length()) {
      int end = tokenEnd(text, start);
      tokens.add(text.substring(start, end));
      start = end;
    }
    return tokens;
  }

  /** True for a word or number token; false for whitespace and punctuation. */
  public static boolean isWord(String token) {
    Objects.requireNonNull(token, "token must not be null");
    if (token.isEmpty()) {
      return false;
    }
    int first = token.codePointAt(0);
    return isLetter(first) || isMark(first) || isDigit(first);
  }

  /** How many word and number tokens the text has. */
  public static int countWords(String text) {
    return countWords(split(text));
  }

  static int countWords(List<String> tokens) {
    int words = 0;
    for (String token : tokens) {
      if (isWord(token)) {
        words++;
      }
    }
    return words;
  }

  private static int tokenEnd(String text, int start) {
    int first = text.codePointAt(start);
    int end = start + Character.charCount(first);
    if (isSpace(first)) {
      return skipWhile(text, end, Tokens::isSpace);
    }
    if (isUnspacedScript(first)) {
      // Keep combining marks (such as a kana voicing mark) with the character they modify.
      return skipWhile(text, end, Tokens::isMark);
    }
    if (isDigit(first)) {
      return numberEnd(text, end);
    }
    if (isLetter(first) || isMark(first)) {
      return wordEnd(text, end);
    }
    return end;
  }

  private static int numberEnd(String text, int from) {
    int end = skipWhile(text, from, Tokens::isDigit);
    while (end + 1 < text.length() && (text.charAt(end) == '.' || text.charAt(end) == ',')
        && isDigit(text.codePointAt(end + 1))) {
      end = skipWhile(text, end + 1, Tokens::isDigit);
    }
    return end;
  }

  private static int wordEnd(String text, int from) {
    int end = skipWhile(text, from, Tokens::isWordPart);
    while (end + 1 < text.length() && isApostrophe(text.charAt(end))
        && isWordPart(text.codePointAt(end + 1))) {
      end = skipWhile(text, end + 1, Tokens::isWordPart);
    }
    return end;
  }

  private static int skipWhile(String text, int from, IntPredicate test) {
    int end = from;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      if (!test.test(cp)) {
        break;
      }
      end += Character.charCount(cp);
    }
    return end;
  }

  private static boolean isWordPart(int cp) {
    return (isLetter(cp) || isMark(cp)) && !isUnspacedScript(cp);
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  private static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  private static boolean isLetter(int cp) {
    return Character.isLetter(cp);
  }

  private static boolean isMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isDigit(int cp) {
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static boolean isUnspacedScript(int cp) {
    if (cp < FIRST_UNSPACED) {
      // Latin, Greek, Cyrillic, Arabic, …: most text, and no need to look the script up.
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
  }
}
