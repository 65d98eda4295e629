package dev.palimpsest.diff;

import java.util.List;

/**
 * The difference between two versions' blocks, ready to show side by side.
 *
 * @param rows the aligned rows (see {@link DiffRow} for the reading-order guarantee)
 * @param wordsAdded words (and numbers) marked added, in changed and added blocks
 * @param wordsRemoved words (and numbers) marked removed, in changed and removed blocks
 * @param movedBlocks how many blocks moved; moved text counts as neither added nor removed
 * @param coarse true when some block pair was too large to compare word by word and was
 *     compared as whole blocks instead, which the page says
 */
public record Diff(List<DiffRow> rows, int wordsAdded, int wordsRemoved, int movedBlocks,
    boolean coarse) {
  public Diff {
    rows = List.copyOf(rows);
  }
}
