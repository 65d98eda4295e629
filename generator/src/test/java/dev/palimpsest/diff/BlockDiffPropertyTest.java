package dev.palimpsest.diff;

import static dev.palimpsest.diff.DiffInvariants.assertKeepsReadingOrder;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.normalise.Block;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random versions built from a word list with fixed seeds, so every failure replays. */
class BlockDiffPropertyTest {
  private static final String[] WORDS = ("we you your data terms service account may must not "
      + "share collect use delete law court Ireland 19 2024 1,000.50 don't privacy cookies ads "
      + "partners rights content licence notice change , . ; ( ) 利 用 規 約").split(" ");

  @Test
  void randomEditsKeepBothReadingOrders() {
    Random random = new Random(42L);
    for (int round = 0; round < 3_000; round++) {
      List<Block> oldBlocks = randomDocument(random, random.nextInt(25));
      List<Block> newBlocks = edit(random, oldBlocks, random.nextInt(8));
      assertKeepsReadingOrder(oldBlocks, newBlocks, BlockDiff.compare(oldBlocks, newBlocks));
    }
  }

  @Test
  void documentsWithManyDuplicatesKeepBothReadingOrders() {
    Random random = new Random(7L);
    for (int round = 0; round < 1_000; round++) {
      List<Block> pool = randomDocument(random, 1 + random.nextInt(4));
      List<Block> oldBlocks = pickCopies(random, pool, random.nextInt(20));
      List<Block> newBlocks = pickCopies(random, pool, random.nextInt(20));
      assertKeepsReadingOrder(oldBlocks, newBlocks, BlockDiff.compare(oldBlocks, newBlocks));
    }
  }

  @Test
  void aLargeShuffledRegionWithManyEditsFinishesAndKeepsBothReadingOrders() {
    Random random = new Random(2_000L);
    List<Block> oldBlocks = randomDocument(random, 2_000);
    List<Block> shuffled = new ArrayList<>(oldBlocks);
    Collections.shuffle(shuffled, random);
    List<Block> newBlocks = edit(random, shuffled, 600);
    Diff diff = BlockDiff.compare(oldBlocks, newBlocks);
    assertKeepsReadingOrder(oldBlocks, newBlocks, diff);
    assertTrue(diff.movedBlocks() > 1_000, "most unedited paragraphs are moves");
  }

  private static List<Block> randomDocument(Random random, int blocks) {
    List<Block> document = new ArrayList<>(blocks);
    for (int i = 0; i < blocks; i++) {
      document.add(randomBlock(random));
    }
    return document;
  }

  private static Block randomBlock(Random random) {
    int words = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 30);
    StringBuilder text = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
    for (int i = 1; i < words; i++) {
      text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
    }
    return random.nextInt(10) == 0 ? Block.heading(1 + random.nextInt(3), text.toString())
        : Block.paragraph(text.toString());
  }

  /** A copy of the document with random insertions, deletions, word edits and moves. */
  private static List<Block> edit(Random random, List<Block> document, int edits) {
    List<Block> edited = new ArrayList<>(document);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(edited.size() + 1);
      boolean inside = at < edited.size();
      switch (random.nextInt(5)) {
        case 0 -> edited.add(at, randomBlock(random));
        case 1 -> {
          if (inside) {
            edited.remove(at);
          }
        }
        case 2 -> {
          if (inside) {
            edited.set(at, editWords(random, edited.get(at)));
          }
        }
        case 3 -> {
          if (inside) {
            edited.add(random.nextInt(edited.size()), edited.remove(at));
          }
        }
        default -> {
          if (inside) {
            edited.add(random.nextInt(edited.size() + 1), Block.paragraph(edited.get(at).text()));
          }
        }
      }
    }
    return edited;
  }

  private static Block editWords(Random random, Block block) {
    List<String> words = new ArrayList<>(List.of(block.text().split(" ")));
    int at = random.nextInt(words.size());
    if (random.nextBoolean()) {
      words.set(at, WORDS[random.nextInt(WORDS.length)]);
    } else {
      words.add(at, WORDS[random.nextInt(WORDS.length)]);
    }
    return new Block(block.kind(), block.level(), String.join(" ", words));
  }

  /** Fresh blocks (equal values, distinct objects) copying random members of the pool. */
  private static List<Block> pickCopies(Random random, List<Block> pool, int size) {
    List<Block> document = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Block model = pool.get(random.nextInt(pool.size()));
      document.add(new Block(model.kind(), model.level(), model.text()));
    }
    return document;
  }
}
