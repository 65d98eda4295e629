package dev.palimpsest.diff;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import dev.palimpsest.diff.Segment.Mark;
import dev.palimpsest.normalise.Block;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two versions block by block and lays them out as side-by-side rows.
 *
 * <pre>{@code
 * Diff diff = BlockDiff.compare(oldVersion.blocks(), newVersion.blocks());
 * diff.rows();        // SAME, CHANGED, REMOVED, ADDED, MOVED_FROM and MOVED_TO rows
 * diff.wordsAdded();  // words marked added, as the diff page and changes.json show them
 * }</pre>
 *
 * <p>How rows are found:
 * <ol>
 *   <li>Blocks with equal text are aligned in order; they are SAME rows. Only the text counts:
 *       a paragraph that became a list item with the same words is unchanged for a reader, and
 *       each cell still carries its own block's kind.
 *   <li>A removed block whose text is added elsewhere is a move (MOVED_FROM at its old place,
 *       MOVED_TO at its new one), when the text has at least 3 words or 20 characters: short
 *       texts such as "Yes" or "1." recur too often to mean that a paragraph moved.
 *   <li>Between two aligned stretches, the other removed and added blocks are paired in order
 *       by how many words they share; a pair is a CHANGED row with its words marked, and what is
 *       left is REMOVED or ADDED.
 * </ol>
 *
 * <p>Rows keep the reading order of both versions: the old cells of all rows, in order, are
 * exactly the old blocks, and the new cells the new blocks.
 *
 * <p>Pure and thread-safe.
 */
public final class BlockDiff {
  static final int MIN_MOVE_WORDS = 3;
  static final int MIN_MOVE_CHARS = 20;

  /** Least word similarity (Dice coefficient) for a removed and an added block to pair. */
  static final double MIN_SIMILARITY = 0.5;

  /**
   * Largest removed-times-added block count paired by the dynamic programme (tens of
   * milliseconds and a few megabytes); larger stretches are paired by position instead.
   */
  static final long MAX_PAIRING_CELLS = 250_000L;

  private final List<Block> oldBlocks;
  private final List<Block> newBlocks;
  private final int[] oldMoveIds;
  private final int[] newMoveIds;
  private final Map<String, Integer> wordIds = new HashMap<>();
  private final List<DiffRow> rows = new ArrayList<>();
  private int wordsAdded;
  private int wordsRemoved;
  private int movedBlocks;
  private boolean coarse;

  private BlockDiff(List<Block> oldBlocks, List<Block> newBlocks) {
    this.oldBlocks = oldBlocks;
    this.newBlocks = newBlocks;
    this.oldMoveIds = new int[oldBlocks.size()];
    this.newMoveIds = new int[newBlocks.size()];
  }

  /** Compares an old version's blocks with a new version's. */
  public static Diff compare(List<Block> oldBlocks, List<Block> newBlocks) {
    Objects.requireNonNull(oldBlocks, "oldBlocks must not be null");
    Objects.requireNonNull(newBlocks, "newBlocks must not be null");
    return new BlockDiff(List.copyOf(oldBlocks), List.copyOf(newBlocks)).run();
  }

  private Diff run() {
    List<Region> regions = unequalRegions();
    findMoves(regions);
    int oldAt = 0;
    int newAt = 0;
    for (Region region : regions) {
      emitSame(oldAt, region.oldStart(), newAt);
      emitRegion(region);
      oldAt = region.oldEnd();
      newAt = region.newEnd();
    }
    emitSame(oldAt, oldBlocks.size(), newAt);
    return new Diff(rows, wordsAdded, wordsRemoved, movedBlocks, coarse);
  }

  /** The stretches between blocks aligned by equal text, in order. */
  private List<Region> unequalRegions() {
    List<String> oldTexts = texts(oldBlocks);
    List<String> newTexts = texts(newBlocks);
    int prefix = 0;
    int shorter = Math.min(oldTexts.size(), newTexts.size());
    while (prefix < shorter && oldTexts.get(prefix).equals(newTexts.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < shorter - prefix && oldTexts.get(oldTexts.size() - 1 - suffix)
        .equals(newTexts.get(newTexts.size() - 1 - suffix))) {
      suffix++;
    }
    int oldEnd = oldTexts.size() - suffix;
    int newEnd = newTexts.size() - suffix;
    List<Region> regions = new ArrayList<>();
    if (prefix == oldEnd || prefix == newEnd) {
      if (prefix < oldEnd || prefix < newEnd) {
        regions.add(new Region(prefix, oldEnd, prefix, newEnd));
      }
      return regions;
    }
    List<Change> changes = new MyersDiffWithLinearSpace<String>().computeDiff(
        oldTexts.subList(prefix, oldEnd), newTexts.subList(prefix, newEnd), null);
    for (Change change : changes) {
      Region region = new Region(prefix + change.startOriginal, prefix + change.endOriginal,
          prefix + change.startRevised, prefix + change.endRevised);
      Region last = regions.isEmpty() ? null : regions.get(regions.size() - 1);
      if (last != null && last.oldEnd() == region.oldStart()
          && last.newEnd() == region.newStart()) {
        regions.set(regions.size() - 1,
            new Region(last.oldStart(), region.oldEnd(), last.newStart(), region.newEnd()));
      } else {
        regions.add(region);
      }
    }
    return regions;
  }

  /**
   * Matches removed blocks to added blocks of the same text anywhere in the document, each at
   * most once, first come first served in document order; move ids follow the new document.
   */
  private void findMoves(List<Region> regions) {
    Map<String, ArrayDeque<Integer>> removedByText = new HashMap<>();
    for (Region region : regions) {
      for (int i = region.oldStart(); i < region.oldEnd(); i++) {
        String text = oldBlocks.get(i).text();
        if (canMove(text)) {
          removedByText.computeIfAbsent(text, t -> new ArrayDeque<>()).add(i);
        }
      }
    }
    for (Region region : regions) {
      for (int j = region.newStart(); j < region.newEnd(); j++) {
        ArrayDeque<Integer> removed = removedByText.get(newBlocks.get(j).text());
        if (removed != null && !removed.isEmpty()) {
          movedBlocks++;
          oldMoveIds[removed.poll()] = movedBlocks;
          newMoveIds[j] = movedBlocks;
        }
      }
    }
  }

  private static boolean canMove(String text) {
    return text.length() >= MIN_MOVE_CHARS || Tokens.countWords(text) >= MIN_MOVE_WORDS;
  }

  private void emitSame(int oldFrom, int oldTo, int newFrom) {
    for (int i = oldFrom, j = newFrom; i < oldTo; i++, j++) {
      rows.add(new DiffRow(DiffRow.Kind.SAME, Cell.whole(oldBlocks.get(i), Mark.SAME),
          Cell.whole(newBlocks.get(j), Mark.SAME), 0));
    }
  }

  /**
   * Emits one region in reading order on both sides: before each pair, the old blocks and then
   * the new blocks that precede it; after the last pair, the rest.
   */
  private void emitRegion(Region region) {
    int oldAt = region.oldStart();
    int newAt = region.newStart();
    for (int[] pair : pairs(region)) {
      emitOld(oldAt, pair[0]);
      emitNew(newAt, pair[1]);
      emitChanged(oldBlocks.get(pair[0]), newBlocks.get(pair[1]));
      oldAt = pair[0] + 1;
      newAt = pair[1] + 1;
    }
    emitOld(oldAt, region.oldEnd());
    emitNew(newAt, region.newEnd());
  }

  private void emitOld(int from, int to) {
    for (int i = from; i < to; i++) {
      Block block = oldBlocks.get(i);
      if (oldMoveIds[i] > 0) {
        rows.add(new DiffRow(DiffRow.Kind.MOVED_FROM, Cell.whole(block, Mark.SAME), null,
            oldMoveIds[i]));
      } else {
        rows.add(new DiffRow(DiffRow.Kind.REMOVED, Cell.whole(block, Mark.REMOVED), null, 0));
        wordsRemoved += Tokens.countWords(block.text());
      }
    }
  }

  private void emitNew(int from, int to) {
    for (int j = from; j < to; j++) {
      Block block = newBlocks.get(j);
      if (newMoveIds[j] > 0) {
        rows.add(new DiffRow(DiffRow.Kind.MOVED_TO, null, Cell.whole(block, Mark.SAME),
            newMoveIds[j]));
      } else {
        rows.add(new DiffRow(DiffRow.Kind.ADDED, null, Cell.whole(block, Mark.ADDED), 0));
        wordsAdded += Tokens.countWords(block.text());
      }
    }
  }

  private void emitChanged(Block oldBlock, Block newBlock) {
    InlineDiff inline = WordDiff.compare(oldBlock.text(), newBlock.text());
    rows.add(new DiffRow(DiffRow.Kind.CHANGED, new Cell(oldBlock, inline.oldSegments()),
        new Cell(newBlock, inline.newSegments()), 0));
    wordsAdded += inline.wordsAdded();
    wordsRemoved += inline.wordsRemoved();
    coarse |= inline.coarse();
  }

  /**
   * The region's unmoved removed and added blocks paired for CHANGED rows, as increasing
   * {old index, new index} pairs. Maximises the summed similarity over order-preserving
   * pairings, or pairs by position when the region is too large for that.
   */
  private List<int[]> pairs(Region region) {
    List<Integer> olds = unmoved(oldMoveIds, region.oldStart(), region.oldEnd());
    List<Integer> news = unmoved(newMoveIds, region.newStart(), region.newEnd());
    int n = olds.size();
    int m = news.size();
    List<int[]> pairs = new ArrayList<>();
    if (n == 0 || m == 0) {
      return pairs;
    }
    int[][] oldBags = bags(oldBlocks, olds);
    int[][] newBags = bags(newBlocks, news);
    if ((long) n * m > MAX_PAIRING_CELLS) {
      for (int k = 0; k < Math.min(n, m); k++) {
        if (similarity(oldBags[k], newBags[k]) >= MIN_SIMILARITY) {
          pairs.add(new int[] {olds.get(k), news.get(k)});
        }
      }
      return pairs;
    }
    // best[i][j]: the largest summed similarity pairing the first i old and first j new blocks.
    double[][] similarities = new double[n][m];
    double[][] best = new double[n + 1][m + 1];
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        double s = similarity(oldBags[i - 1], newBags[j - 1]);
        similarities[i - 1][j - 1] = s;
        best[i][j] = Math.max(best[i - 1][j], best[i][j - 1]);
        if (s >= MIN_SIMILARITY) {
          best[i][j] = Math.max(best[i][j], best[i - 1][j - 1] + s);
        }
      }
    }
    int i = n;
    int j = m;
    while (i > 0 && j > 0) {
      double s = similarities[i - 1][j - 1];
      if (s >= MIN_SIMILARITY && best[i][j] == best[i - 1][j - 1] + s) {
        pairs.add(new int[] {olds.get(i - 1), news.get(j - 1)});
        i--;
        j--;
      } else if (best[i][j] == best[i - 1][j]) {
        i--;
      } else {
        j--;
      }
    }
    Collections.reverse(pairs);
    return pairs;
  }

  private static List<Integer> unmoved(int[] moveIds, int from, int to) {
    List<Integer> indices = new ArrayList<>();
    for (int i = from; i < to; i++) {
      if (moveIds[i] == 0) {
        indices.add(i);
      }
    }
    return indices;
  }

  /** Each block's words, case-folded, as sorted word ids: a multiset cheap to intersect. */
  private int[][] bags(List<Block> blocks, List<Integer> indices) {
    int[][] bags = new int[indices.size()][];
    for (int k = 0; k < bags.length; k++) {
      List<String> tokens = Tokens.split(blocks.get(indices.get(k)).text());
      int[] bag = new int[tokens.size()];
      int size = 0;
      for (String token : tokens) {
        if (Tokens.isWord(token)) {
          // Case-folded, so that a paragraph rewritten out of capitals still pairs with itself.
          bag[size++] = wordIds.computeIfAbsent(token.toLowerCase(Locale.ROOT),
              w -> wordIds.size());
        }
      }
      bags[k] = Arrays.copyOf(bag, size);
      Arrays.sort(bags[k]);
    }
    return bags;
  }

  /**
   * The Dice coefficient of two word multisets: twice the shared words over all words, from 0
   * (nothing shared) to 1 (the same words in any order). Blocks without words are never similar.
   */
  static double similarity(int[] a, int[] b) {
    int shorter = Math.min(a.length, b.length);
    int longer = Math.max(a.length, b.length);
    // Dice stays under MIN_SIMILARITY (0.5) when one side has over three times the other's words.
    if (shorter == 0 || 3 * shorter < longer) {
      return 0;
    }
    int shared = 0;
    for (int x = 0, y = 0; x < a.length && y < b.length; ) {
      if (a[x] == b[y]) {
        shared++;
        x++;
        y++;
      } else if (a[x] < b[y]) {
        x++;
      } else {
        y++;
      }
    }
    return 2.0 * shared / (a.length + b.length);
  }

  private static List<String> texts(List<Block> blocks) {
    List<String> texts = new ArrayList<>(blocks.size());
    for (Block block : blocks) {
      texts.add(block.text());
    }
    return texts;
  }

  /** Block ranges [start, end) of the old and new version between aligned blocks. */
  private record Region(int oldStart, int oldEnd, int newStart, int newEnd) {
  }
}
