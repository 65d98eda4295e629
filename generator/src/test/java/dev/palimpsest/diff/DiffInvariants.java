package dev.palimpsest.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.diff.Segment.Mark;
import dev.palimpsest.normalise.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The properties every block diff keeps, checked the same way by every test. */
final class DiffInvariants {
  private DiffInvariants() {
  }

  /**
   * Reading all old cells in row order gives the old blocks (the same objects, in order), and
   * all new cells the new blocks; each cell joins back to its block's text with only its own
   * side's marks; each move id is shared by exactly one MOVED_FROM and one MOVED_TO row of the
   * same text; the counts are those of the marked segments.
   */
  static void assertKeepsReadingOrder(List<Block> oldBlocks, List<Block> newBlocks, Diff diff) {
    List<Block> oldRead = new ArrayList<>();
    List<Block> newRead = new ArrayList<>();
    Map<Integer, DiffRow> movedFrom = new HashMap<>();
    Map<Integer, DiffRow> movedTo = new HashMap<>();
    int wordsAdded = 0;
    int wordsRemoved = 0;
    for (DiffRow row : diff.rows()) {
      if (row.oldCell() != null) {
        oldRead.add(row.oldCell().block());
        int removed = assertCell(row.oldCell(), Mark.REMOVED);
        // Cosmetic rows (quotes, dashes, spacing) are shown but left out of the counts.
        wordsRemoved += row.cosmetic() ? 0 : removed;
      }
      if (row.newCell() != null) {
        newRead.add(row.newCell().block());
        int added = assertCell(row.newCell(), Mark.ADDED);
        wordsAdded += row.cosmetic() ? 0 : added;
      }
      switch (row.kind()) {
        case MOVED_FROM -> assertEquals(null, movedFrom.put(row.moveId(), row), "move id reused");
        case MOVED_TO -> assertEquals(null, movedTo.put(row.moveId(), row), "move id reused");
        case SAME -> assertEquals(row.oldCell().block().text(), row.newCell().block().text());
        default -> assertEquals(0, row.moveId());
      }
    }
    assertSameBlocks(oldBlocks, oldRead);
    assertSameBlocks(newBlocks, newRead);
    assertEquals(movedFrom.keySet(), movedTo.keySet(), "every move has both ends");
    movedFrom.forEach((id, from) -> {
      DiffRow to = movedTo.get(id);
      assertNotNull(to);
      if (from.edited() || to.edited()) {
        // A move that was edited too: its two cells are one word diff of the two texts.
        assertEquals(from.cosmetic(), to.cosmetic());
      } else {
        assertEquals(from.oldCell().block().text(), to.newCell().block().text());
      }
    });
    assertEquals(movedFrom.size(), diff.movedBlocks());
    assertEquals(wordsAdded, diff.wordsAdded());
    assertEquals(wordsRemoved, diff.wordsRemoved());
  }

  /** Checks one cell and returns how many words it marks changed. */
  private static int assertCell(Cell cell, Mark changeMark) {
    StringBuilder text = new StringBuilder();
    int changedWords = 0;
    for (Segment segment : cell.segments()) {
      text.append(segment.text());
      assertTrue(segment.mark() == Mark.SAME || segment.mark() == changeMark,
          segment.mark() + " on the wrong side");
      if (segment.mark() == changeMark) {
        changedWords += Tokens.countWords(segment.text());
      }
    }
    assertEquals(cell.block().text(), text.toString());
    return changedWords;
  }

  private static void assertSameBlocks(List<Block> expected, List<Block> actual) {
    assertEquals(expected.size(), actual.size(), "block count");
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(expected.get(i) == actual.get(i), "block " + i + " is not the input's block");
    }
  }
}
