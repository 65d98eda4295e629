package dev.palimpsest.diff;

import static dev.palimpsest.diff.Segment.Mark.ADDED;
import static dev.palimpsest.diff.Segment.Mark.REMOVED;
import static dev.palimpsest.diff.Segment.Mark.SAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.diff.Segment.Mark;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordDiffTest {

  @Test
  void aChangedNumberMarksOnlyTheNumber() {
    InlineDiff diff = compare("19 dead", "21 dead");
    assertEquals(List.of(seg("19", REMOVED), seg(" dead", SAME)), diff.oldSegments());
    assertEquals(List.of(seg("21", ADDED), seg(" dead", SAME)), diff.newSegments());
    assertEquals(1, diff.wordsAdded());
    assertEquals(1, diff.wordsRemoved());
  }

  @Test
  void aChangedDecimalIsOneChange() {
    InlineDiff diff = compare("costs 1,000.50 a year", "costs 1,200.50 a year");
    assertEquals(List.of(seg("costs ", SAME), seg("1,000.50", REMOVED), seg(" a year", SAME)),
        diff.oldSegments());
    assertEquals(List.of(seg("costs ", SAME), seg("1,200.50", ADDED), seg(" a year", SAME)),
        diff.newSegments());
  }

  @Test
  void aSpaceBetweenTwoReplacedWordsJoinsThemIntoOneChange() {
    InlineDiff diff = compare("the quick brown fox", "the slow red fox");
    assertEquals(List.of(seg("the ", SAME), seg("quick brown", REMOVED), seg(" fox", SAME)),
        diff.oldSegments());
    assertEquals(List.of(seg("the ", SAME), seg("slow red", ADDED), seg(" fox", SAME)),
        diff.newSegments());
    assertEquals(2, diff.wordsAdded());
    assertEquals(2, diff.wordsRemoved());
  }

  @Test
  void aCommaBetweenTwoReplacedWordsJoinsThemToo() {
    InlineDiff diff = compare("we keep names, emails and", "we keep ages, phones and");
    assertEquals(List.of(seg("we keep ", SAME), seg("names, emails", REMOVED), seg(" and", SAME)),
        diff.oldSegments());
    assertEquals(List.of(seg("we keep ", SAME), seg("ages, phones", ADDED), seg(" and", SAME)),
        diff.newSegments());
  }

  @Test
  void aSharedWordBetweenChangesStaysSame() {
    InlineDiff diff = compare("red cat blue", "green cat yellow");
    assertEquals(List.of(seg("red", REMOVED), seg(" cat ", SAME), seg("blue", REMOVED)),
        diff.oldSegments());
  }

  @Test
  void aSpaceNextToAPureInsertionIsNotAbsorbed() {
    InlineDiff diff = compare("terms apply", "new terms now apply");
    assertEquals(List.of(seg("terms apply", SAME)), diff.oldSegments());
    assertEquals(2, diff.wordsAdded());
    assertEquals(0, diff.wordsRemoved());
    assertTrue(diff.newSegments().contains(seg("new ", ADDED)));
  }

  @Test
  void identicalTextsAreOneSameSegment() {
    InlineDiff diff = compare("Nothing changed here.", "Nothing changed here.");
    assertEquals(List.of(seg("Nothing changed here.", SAME)), diff.oldSegments());
    assertEquals(List.of(seg("Nothing changed here.", SAME)), diff.newSegments());
    assertEquals(0, diff.wordsAdded());
    assertEquals(0, diff.wordsRemoved());
    assertFalse(diff.coarse());
  }

  @Test
  void emptyTextsHaveNoSegments() {
    InlineDiff diff = compare("", "");
    assertEquals(List.of(), diff.oldSegments());
    assertEquals(List.of(), diff.newSegments());
  }

  @Test
  void fromNothingEverythingIsAdded() {
    InlineDiff diff = compare("", "All new text");
    assertEquals(List.of(), diff.oldSegments());
    assertEquals(List.of(seg("All new text", ADDED)), diff.newSegments());
    assertEquals(3, diff.wordsAdded());
  }

  @Test
  void toNothingEverythingIsRemoved() {
    InlineDiff diff = compare("All old text", "");
    assertEquals(List.of(seg("All old text", REMOVED)), diff.oldSegments());
    assertEquals(List.of(), diff.newSegments());
    assertEquals(3, diff.wordsRemoved());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "a b c | a b c d", "b c d | a b c d", "a b | a x b", "a x b | a b",
      "a | b", "x y z | a b c", "a a a | a a", "a a | a a a", "'' | ' '", "' ' | ''",
      "Hello, world. | Hello world!", "利用規約 | 利用条件", "1,000 | 1.000"})
  void segmentsJoinBackToTheTextsWhenNoPrefixOrSuffixIsShared(String oldText, String newText) {
    assertJoinsBack(oldText, newText, compare(oldText, newText));
  }

  @Test
  void aHugePairIsComparedCoarselyWithinTheCommonEnds() {
    StringBuilder oldText = new StringBuilder("Start. ");
    StringBuilder newText = new StringBuilder("Start. ");
    int words = WordDiff.MAX_MIDDLE_TOKENS / 2;
    for (int i = 0; i < words; i++) {
      oldText.append("alpha ");
      newText.append("beta ");
    }
    oldText.append("End.");
    newText.append("End.");
    InlineDiff diff = compare(oldText.toString(), newText.toString());
    assertTrue(diff.coarse());
    assertEquals(3, diff.oldSegments().size());
    assertEquals(seg("Start. ", SAME), diff.oldSegments().get(0));
    assertEquals(REMOVED, diff.oldSegments().get(1).mark());
    assertEquals(seg(" End.", SAME), diff.newSegments().get(2));
    assertEquals(words, diff.wordsRemoved());
    assertEquals(words, diff.wordsAdded());
    assertJoinsBack(oldText.toString(), newText.toString(), diff);
  }

  @Test
  void aLongTextWithOneEditIsNotCoarse() {
    String body = "word ".repeat(3 * WordDiff.MAX_MIDDLE_TOKENS);
    InlineDiff diff = compare(body + "old " + body, body + "new " + body);
    assertFalse(diff.coarse());
    assertEquals(1, diff.wordsRemoved());
    assertEquals(1, diff.wordsAdded());
  }

  @Test
  void randomEditsAlwaysJoinBackAndCountTheMarkedWords() {
    Random random = new Random(20260101L);
    String[] vocabulary = {"the", "terms", "of", "service", "19", "1,000.50", "don't", ",", ".",
        "利", "用", "  ", "(", ")", "users", "may"};
    for (int round = 0; round < 2_000; round++) {
      String oldText = randomText(random, vocabulary);
      String newText = random.nextBoolean() ? randomText(random, vocabulary)
          : mutate(random, oldText, vocabulary);
      InlineDiff diff = compare(oldText, newText);
      assertJoinsBack(oldText, newText, diff);
      assertEquals(wordsMarked(diff.oldSegments(), REMOVED), diff.wordsRemoved());
      assertEquals(wordsMarked(diff.newSegments(), ADDED), diff.wordsAdded());
    }
  }

  private static String randomText(Random random, String[] vocabulary) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      text.append(vocabulary[random.nextInt(vocabulary.length)]);
      if (random.nextInt(3) > 0) {
        text.append(' ');
      }
    }
    return text.toString();
  }

  private static String mutate(Random random, String text, String[] vocabulary) {
    List<String> tokens = new java.util.ArrayList<>(Tokens.split(text));
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(tokens.size() + 1);
      String word = vocabulary[random.nextInt(vocabulary.length)];
      switch (random.nextInt(3)) {
        case 0 -> tokens.add(at, word);
        case 1 -> {
          if (at < tokens.size()) {
            tokens.remove(at);
          }
        }
        default -> {
          if (at < tokens.size()) {
            tokens.set(at, word);
          }
        }
      }
    }
    return String.join("", tokens);
  }

  private static int wordsMarked(List<Segment> segments, Mark mark) {
    return segments.stream().filter(s -> s.mark() == mark)
        .mapToInt(s -> Tokens.countWords(s.text())).sum();
  }

  /** The invariant every inline diff keeps: each side joins back, with only its own marks. */
  static void assertJoinsBack(String oldText, String newText, InlineDiff diff) {
    assertEquals(oldText, join(diff.oldSegments()));
    assertEquals(newText, join(diff.newSegments()));
    assertTrue(diff.oldSegments().stream().allMatch(s -> s.mark() != ADDED), "old has ADDED");
    assertTrue(diff.newSegments().stream().allMatch(s -> s.mark() != REMOVED), "new has REMOVED");
    assertNoNeighboursAlike(diff.oldSegments());
    assertNoNeighboursAlike(diff.newSegments());
  }

  private static void assertNoNeighboursAlike(List<Segment> segments) {
    for (int i = 1; i < segments.size(); i++) {
      assertTrue(segments.get(i - 1).mark() != segments.get(i).mark(), "unmerged " + segments);
    }
  }

  private static String join(List<Segment> segments) {
    StringBuilder text = new StringBuilder();
    segments.forEach(s -> text.append(s.text()));
    return text.toString();
  }

  private static InlineDiff compare(String oldText, String newText) {
    return WordDiff.compare(oldText, newText);
  }

  private static Segment seg(String text, Mark mark) {
    return new Segment(text, mark);
  }
}
