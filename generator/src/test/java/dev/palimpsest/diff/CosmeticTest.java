package dev.palimpsest.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CosmeticTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "It’s fine | It's fine",
      "“Quoted” | \"Quoted\"",
      "2019–2024 | 2019-2024",
      "a — b | a - b",
      "no\u00A0break | no break",
      "two   spaces | two spaces",
      "and so on… | and so on..."})
  void typographyAndSpacingAreCosmetic(String typeset, String plain) {
    assertTrue(Cosmetic.sameText(typeset, plain));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"19 dead | 21 dead", "may | must", "a-b | ab",
      "Terms | terms"})
  void changedWordsAreNotCosmetic(String oldText, String newText) {
    assertFalse(Cosmetic.sameText(oldText, newText));
  }

  @org.junit.jupiter.api.Test
  void normaliseStraightensAndCollapses() {
    assertEquals("'a' \"b\" - c", Cosmetic.normalise("  ‘a’\t“b”  –\nc "));
  }

  @org.junit.jupiter.api.Test
  void textsAreComparedAsTheyWouldBeOnceNormalised() {
    String alphabet = "ab. \u00A0\t\u2019'`\u201C\"\u2013-\u2026\uD83D\uDE00\u3000";
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 200_000; i++) {
      String a = randomText(random, alphabet);
      // Often a near copy, so that equal normalised forms are common.
      String b = random.nextBoolean() ? randomText(random, alphabet)
          : a.replace('\u2019', '\'').replace("\u2026", "...").replace(' ', '\u00A0');
      assertEquals(reference(a), Cosmetic.normalise(a), a);
      assertEquals(reference(a).equals(reference(b)), Cosmetic.sameText(a, b), a + " | " + b);
    }
  }

  private static String randomText(java.util.Random random, String alphabet) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(8); n > 0; n--) {
      int at = random.nextInt(alphabet.length());
      if (Character.isSurrogate(alphabet.charAt(at))) {
        text.append("\uD83D\uDE00");
      } else {
        text.append(alphabet.charAt(at));
      }
    }
    return text.toString();
  }

  /** Normalisation said another way: replace, then collapse spaces, then trim. */
  private static String reference(String text) {
    String replaced = text.replaceAll("[\u2018\u2019\u201A\u201B\u2032\u00B4`]", "'")
        .replaceAll("[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]", "\"")
        .replaceAll("[\u2010-\u2015\u2212]", "-")
        .replace("\u2026", "...");
    StringBuilder out = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < replaced.length(); ) {
      int cp = replaced.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = true;
      } else {
        out.append(space && out.length() > 0 ? " " : "").appendCodePoint(cp);
        space = false;
      }
    }
    return out.toString();
  }
}
