package dev.palimpsest.diff;

import static dev.palimpsest.diff.DiffInvariants.assertKeepsReadingOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.normalise.Block;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pathological inputs the engine must survive with a readable diff: one huge paragraph with
 * scattered edits, and thousands of shuffled paragraphs with half their words changed. Their
 * speed is measured by the benchmark module, not here.
 */
class LongTextDiffTest {
  private static final String[] WORDS = ("we you your data terms service account may must not "
      + "share collect use delete law court Ireland privacy cookies ads partners rights content "
      + "licence notice change remain agree provide").split(" ");

  @Test
  void aTwoMegabyteParagraphWithScatteredEditsIsComparedSentenceBySentence() {
    Random random = new Random(2L);
    List<String> sentences = new ArrayList<>();
    int length = 0;
    while (length < 2_000_000) {
      String sentence = sentence(random);
      sentences.add(sentence);
      length += sentence.length() + 1;
    }
    List<String> edited = new ArrayList<>(sentences);
    for (int e = 0; e < 40; e++) {
      edited.set(random.nextInt(edited.size()), sentence(random));
    }
    Block oldBlock = Block.paragraph(String.join(" ", sentences));
    Block newBlock = Block.paragraph(String.join(" ", edited));
    Diff diff = BlockDiff.compare(List.of(oldBlock), List.of(newBlock));
    assertKeepsReadingOrder(List.of(oldBlock), List.of(newBlock), diff);
    assertEquals(1, diff.rows().size());
    assertFalse(diff.coarse(), "scattered edits are found sentence by sentence, then by word");
    assertTrue(diff.wordsRemoved() > 0 && diff.wordsRemoved() < 40 * 30,
        "only the edited sentences are marked: " + diff.wordsRemoved());
  }

  @Test
  void twoUnrelatedHugeParagraphsFallBackToACoarseDiffTheyAdmit() {
    Random random = new Random(3L);
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    while (a.length() < 1_000_000) {
      a.append(sentence(random)).append(' ');
      b.append(sentence(random)).append(' ');
    }
    Block oldBlock = Block.paragraph(a.toString().strip());
    Block newBlock = Block.paragraph(b.toString().strip());
    Diff diff = BlockDiff.compare(List.of(oldBlock), List.of(newBlock));
    assertKeepsReadingOrder(List.of(oldBlock), List.of(newBlock), diff);
    assertTrue(diff.coarse());
  }

  @Test
  void twoThousandShuffledParagraphsWithHalfTheirWordsChangedKeepBothReadingOrders() {
    Random random = new Random(2_000L);
    List<Block> oldBlocks = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      oldBlocks.add(Block.paragraph(sentence(random) + " " + sentence(random)));
    }
    List<Block> newBlocks = new ArrayList<>();
    for (Block block : oldBlocks) {
      String[] words = block.text().split(" ");
      for (int w = 0; w < words.length; w++) {
        if (random.nextBoolean()) {
          words[w] = WORDS[random.nextInt(WORDS.length)];
        }
      }
      newBlocks.add(Block.paragraph(String.join(" ", words)));
    }
    Collections.shuffle(newBlocks, random);
    Diff diff = BlockDiff.compare(oldBlocks, newBlocks);
    assertKeepsReadingOrder(oldBlocks, newBlocks, diff);
  }

  static String sentence(Random random) {
    int words = 5 + random.nextInt(20);
    StringBuilder text = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
    for (int i = 1; i < words; i++) {
      text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
      if (random.nextInt(12) == 0) {
        text.append(',');
      }
    }
    return text.append(random.nextInt(10) == 0 ? "?" : ".").toString();
  }
}
