package dev.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextCleanerTest {
  /** Spaces, invisible characters, a combining accent and letters, in random texts. */
  private static final String ALPHABET =
      "ab \u00A0\n\t\u0001\u200B\u2060\uFEFF\u0301e\u3000\u200C.";

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(12); n > 0; n--) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  @Test
  void cleansSpacesInvisiblesAndCompositionAlike() {
    assertEquals("a b c", TextCleaner.clean("  a \u00A0\n b\u200B  c\t"));
    assertEquals("caf\u00E9", TextCleaner.clean("cafe\u0301"));
    assertEquals("already clean", TextCleaner.clean("already clean"));
    assertEquals("", TextCleaner.clean(" \u200B "));
  }

  @Test
  void textAlreadyCleanIsTakenAsItIsAndAnyOtherIsCollapsed() {
    // The shortcut for clean text must give what collapsing would.
    Random random = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      String text = randomText(random);
      String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
      assertEquals(TextCleaner.collapse(nfc), TextCleaner.clean(text), text);
    }
  }

  @Test
  void collapsingDropsInvisibleCharactersAndMakesEachRunOfSpaceOneSpace() {
    Random random = new Random(12);
    for (int i = 0; i < 100_000; i++) {
      String text = randomText(random);
      // The same, said in another way: spaces (any run of them) split words; invisible
      // characters are not there at all.
      String visible = text.replaceAll("[\u200B\u2060\uFEFF]", "");
      StringBuilder words = new StringBuilder();
      for (String word : visible.split("[\\s\\p{Zs}\\p{Cc}\\u2028\\u2029]+")) {
        if (!word.isEmpty()) {
          words.append(words.length() > 0 ? " " : "").append(word);
        }
      }
      assertEquals(words.toString(), TextCleaner.collapse(text), text);
    }
  }
}
