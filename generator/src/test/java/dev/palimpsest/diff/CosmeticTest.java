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
}
