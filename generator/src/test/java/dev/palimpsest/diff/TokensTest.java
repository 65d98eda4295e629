package dev.palimpsest.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {

  @Test
  void numbersKeepTheirDecimalPointsAndThousandsSeparators() {
    assertEquals(List.of("1,000.50", " ", "dollars"), Tokens.split("1,000.50 dollars"));
    assertEquals(List.of("19", " ", "dead"), Tokens.split("19 dead"));
  }

  @Test
  void aSeparatorNotFollowedByADigitEndsTheNumber() {
    assertEquals(List.of("In", " ", "2024", ",", " ", "3", "."), Tokens.split("In 2024, 3."));
  }

  @Test
  void lettersAndDigitsAreSeparateTokens() {
    assertEquals(List.of("abc", "123"), Tokens.split("abc123"));
  }

  @Test
  void innerApostrophesStayInTheWord() {
    assertEquals(List.of("don't", " ", "we’re"), Tokens.split("don't we’re"));
  }

  @Test
  void outerApostrophesArePunctuation() {
    assertEquals(List.of("'", "quoted", "'", " ", "users", "'"), Tokens.split("'quoted' users'"));
  }

  @Test
  void combiningMarksBelongToTheWord() {
    String decomposed = "cafe\u0301 na\u0308ive";
    assertEquals(List.of("cafe\u0301", " ", "na\u0308ive"), Tokens.split(decomposed));
  }

  @Test
  void lettersOfUnspacedScriptsAreOneTokenEach() {
    assertEquals(List.of("利", "用", "規", "約"), Tokens.split("利用規約"));
    assertEquals(List.of("こ", "ん", "に", "ち", "は"), Tokens.split("こんにちは"));
    assertEquals(List.of("カ", "タ", "カ", "ナ"), Tokens.split("カタカナ"));
    assertEquals(List.of("약", "관", " ", "변", "경"), Tokens.split("약관 변경"));
  }

  @Test
  void aKanaKeepsItsCombiningVoicingMark() {
    assertEquals(List.of("か\u3099", "き"), Tokens.split("か\u3099き"));
  }

  @Test
  void unspacedScriptsNextToLatinWordsSplitThere() {
    assertEquals(List.of("Google", "の", "規", "約"), Tokens.split("Googleの規約"));
  }

  @Test
  void whitespaceRunsAreOneTokenAndPunctuationIsAlone() {
    assertEquals(List.of("a", " \t\n", "b", "!", "?", "\u00a0", "(", "c", ")"),
        Tokens.split("a \t\nb!?\u00a0(c)"));
  }

  @Test
  void aSurrogatePairIsOneCharacter() {
    assertEquals(List.of("ok", " ", "😀", "😀"), Tokens.split("ok 😀😀"));
  }

  @Test
  void emptyTextHasNoTokens() {
    assertEquals(List.of(), Tokens.split(""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"word", "don't", "19", "1,000.50", "規", "café", "²"})
  void wordsAndNumbersAreWords(String token) {
    assertTrue(Tokens.isWord(token));
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\u00a0", ",", "'", "😀", "—", ""})
  void whitespaceAndPunctuationAreNotWords(String token) {
    assertFalse(Tokens.isWord(token));
  }

  @Test
  void countWordsCountsWordAndNumberTokens() {
    assertEquals(9, Tokens.countWords("On 3 May, we didn't change 利用 — really."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "Hello, world!", "  a  b  ", "1,000.50.,x", "it's 'x''",
      "日本語とEnglish混在、12,5%", "e\u0301\u0301 \u0301x", "a\ud800b", "\ud83d"})
  void joiningTheTokensGivesTheTextBack(String text) {
    assertEquals(text, String.join("", Tokens.split(text)));
  }
}
