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
 * diff.rows();        // SAME, CHANGED, REMOVED, ADDED, MOVED_FROM, MOVED_TO, SPLIT, MERGED
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
 *       by how many words they share; a pair is a CHANGED row with its words marked (flagged
 *       cosmetic, and not counted, when only quotes, dashes or spacing differ).
 *   <li>A pair whose old block matches its new block and unpaired neighbours together clearly
 *       better is shown as SPLIT (or MERGED, the other way round); so is an unpaired old block
 *       that the unpaired new blocks after it make up together, such as a paragraph cut into
 *       lines.
 *   <li>Blocks still removed and added anywhere in the document that share most of their
 *       words are a move that was also edited: MOVED_FROM and MOVED_TO rows with word marks.
 *   <li>What is left is REMOVED or ADDED.
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

  /**
   * Least word similarity for a removed and an added block that are not in the same place to be
   * one block moved and edited: higher than for a changed pair, because a block far away that
   * shares only half its words is more likely another block.
   */
  static final double MIN_EDITED_MOVE_SIMILARITY = 0.8;

  /** Largest leftover removed-times-added block count searched for edited moves. */
  static final long MAX_EDITED_MOVE_CELLS = 4_000_000L;

  /**
   * How much better (in word similarity) an old paragraph must match several neighbouring new
   * paragraphs together than its paired one alone to be shown as split (and the mirror for
   * merged), so that a paragraph followed by an unrelated new one is not called split.
   */
  static final double SPLIT_GAIN = 0.1;

  /** Most parts a split or merged paragraph is looked for in, beside a changed pair. */
  static final int MAX_PARTS = 6;

  /**
   * Most parts of a split or merged paragraph found among unpaired blocks, such as a paragraph
   * cut into its lines, none of which alone pairs with it.
   */
  static final int MAX_GAP_PARTS = 60;

  /** How many unpaired old and new blocks at the start of a gap are tried as a split's ends. */
  static final int GAP_CANDIDATES = 3;

  /** Words joined in all the split and merge searches among unpaired blocks of one diff. */
  static final int MAX_GAP_WORDS = 2_000_000;

  private final List<Block> oldBlocks;
  private final List<Block> newBlocks;
  private final int[] oldMoveIds;
  private final int[] newMoveIds;
  private final boolean[] oldPaired;
  private final boolean[] newPaired;
  /** Word marks of the moves whose text also changed, by move id. */
  private final Map<Integer, InlineDiff> editedMoves = new HashMap<>();
  private int gapBudget = MAX_GAP_WORDS;
  private final int[][] oldBags;
  private final int[][] newBags;
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
    this.oldPaired = new boolean[oldBlocks.size()];
    this.newPaired = new boolean[newBlocks.size()];
    this.oldBags = new int[oldBlocks.size()][];
    this.newBags = new int[newBlocks.size()][];
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
    List<List<int[]>> pairings = new ArrayList<>(regions.size());
    for (Region region : regions) {
      List<int[]> pairs = pairs(region);
      for (int[] pair : pairs) {
        oldPaired[pair[0]] = true;
        newPaired[pair[1]] = true;
      }
      pairings.add(pairs);
    }
    findEditedMoves(regions);
    int oldAt = 0;
    int newAt = 0;
    for (int r = 0; r < regions.size(); r++) {
      Region region = regions.get(r);
      emitSame(oldAt, region.oldStart(), newAt);
      emitRegion(region, pairings.get(r));
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
   * the new blocks that precede it; after the last pair, the rest. A pair whose old block
   * matches its new block together with unpaired neighbours clearly better than alone is shown
   * as split (or, the other way round, merged).
   */
  private void emitRegion(Region region, List<int[]> pairs) {
    int oldAt = region.oldStart();
    int newAt = region.newStart();
    for (int p = 0; p < pairs.size(); p++) {
      int[] pair = pairs.get(p);
      int oldLimit = p + 1 < pairs.size() ? pairs.get(p + 1)[0] : region.oldEnd();
      int newLimit = p + 1 < pairs.size() ? pairs.get(p + 1)[1] : region.newEnd();
      Parts split = parts(newBlocks, newMoveIds, newAt, pair[1], newLimit,
          bag(oldBlocks, pair[0]));
      Parts merged = parts(oldBlocks, oldMoveIds, oldAt, pair[0], oldLimit,
          bag(newBlocks, pair[1]));
      if (split != null && (merged == null || split.gain() >= merged.gain())) {
        emitGap(oldAt, pair[0], newAt, split.start());
        emitSplit(pair[0], split.start(), split.end());
        oldAt = pair[0] + 1;
        newAt = split.end();
      } else if (merged != null) {
        emitGap(oldAt, merged.start(), newAt, pair[1]);
        emitMerged(merged.start(), merged.end(), pair[1]);
        oldAt = merged.end();
        newAt = pair[1] + 1;
      } else {
        emitGap(oldAt, pair[0], newAt, pair[1]);
        emitChanged(oldBlocks.get(pair[0]), newBlocks.get(pair[1]));
        oldAt = pair[0] + 1;
        newAt = pair[1] + 1;
      }
    }
    emitGap(oldAt, region.oldEnd(), newAt, region.newEnd());
  }

  /**
   * Emits the unpaired old blocks [oldFrom, oldTo) and new blocks [newFrom, newTo) between two
   * pairs: removed, added or moved, except where an old block is the new blocks that follow
   * together (a paragraph cut into lines or items, none of which alone is like it), shown as
   * split, or the mirror image, shown as merged.
   */
  private void emitGap(int oldFrom, int oldTo, int newFrom, int newTo) {
    int oldAt = oldFrom;
    int newAt = newFrom;
    search:
    while (gapBudget > 0) {
      int[] olds = firstUnmoved(oldMoveIds, oldAt, oldTo);
      int[] news = firstUnmoved(newMoveIds, newAt, newTo);
      for (int i : olds) {
        for (int j : news) {
          Parts split = grow(newBlocks, newMoveIds, j, newTo, bag(oldBlocks, i));
          Parts merged = grow(oldBlocks, oldMoveIds, i, oldTo, bag(newBlocks, j));
          if (split != null && (merged == null || split.gain() >= merged.gain())) {
            emitOld(oldAt, i);
            emitNew(newAt, j);
            emitSplit(i, j, split.end());
            oldAt = i + 1;
            newAt = split.end();
            continue search;
          }
          if (merged != null) {
            emitOld(oldAt, i);
            emitNew(newAt, j);
            emitMerged(i, merged.end(), j);
            oldAt = merged.end();
            newAt = j + 1;
            continue search;
          }
        }
      }
      break;
    }
    emitOld(oldAt, oldTo);
    emitNew(newAt, newTo);
  }

  /** Up to {@link #GAP_CANDIDATES} indices of unmoved blocks in [from, to). */
  private static int[] firstUnmoved(int[] moveIds, int from, int to) {
    int[] found = new int[GAP_CANDIDATES];
    int count = 0;
    for (int k = from; k < to && count < found.length; k++) {
      if (moveIds[k] == 0) {
        found[count++] = k;
      }
    }
    return Arrays.copyOf(found, count);
  }

  /**
   * The unmoved blocks from {@code start} on that, joined, are most like {@code other}: widened
   * one block at a time while the plain Dice coefficient grows. {@code null} unless that takes
   * at least two blocks and reaches {@link #MIN_SIMILARITY}; the gain is the similarity itself.
   */
  private Parts grow(List<Block> blocks, int[] moveIds, int start, int limit, int[] other) {
    int[] joined = bag(blocks, start);
    double best = dice(joined, other);
    int end = start + 1;
    while (end < limit && moveIds[end] == 0 && end - start < MAX_GAP_PARTS && gapBudget > 0) {
      int[] wider = union(joined, bag(blocks, end));
      gapBudget -= wider.length;
      double s = dice(wider, other);
      if (s <= best) {
        break;
      }
      joined = wider;
      best = s;
      end++;
    }
    return end - start >= 2 && best >= MIN_SIMILARITY ? new Parts(start, end, best) : null;
  }

  /**
   * The range [start, end) of unmoved blocks around {@code at} (from {@code from}, before
   * {@code limit}) that together match {@code other} at least {@link #SPLIT_GAIN} better than
   * the block at {@code at} alone, widened one block at a time while that pays; {@code null}
   * when no neighbour helps.
   */
  private Parts parts(List<Block> blocks, int[] moveIds, int from, int at, int limit,
      int[] other) {
    int start = at;
    int end = at + 1;
    int[] joined = bag(blocks, at);
    double alone = similarity(joined, other);
    double best = alone;
    while (end - start < MAX_PARTS) {
      int[] before = start - 1 >= from && moveIds[start - 1] == 0
          ? union(bag(blocks, start - 1), joined) : null;
      int[] after = end < limit && moveIds[end] == 0
          ? union(joined, bag(blocks, end)) : null;
      double withBefore = before == null ? -1 : similarity(before, other);
      double withAfter = after == null ? -1 : similarity(after, other);
      if (Math.max(withBefore, withAfter) < best + SPLIT_GAIN / (end - start)) {
        break;
      }
      if (withAfter >= withBefore) {
        joined = after;
        end++;
        best = withAfter;
      } else {
        joined = before;
        start--;
        best = withBefore;
      }
    }
    if (end - start == 1) {
      return null;
    }
    return new Parts(start, end, best - alone);
  }

  /** One old block shown against the new blocks [start, end) it became. */
  private void emitSplit(int oldIndex, int start, int end) {
    Block oldBlock = oldBlocks.get(oldIndex);
    List<Block> parts = newBlocks.subList(start, end);
    String joined = join(parts);
    InlineDiff inline = WordDiff.compare(oldBlock.text(), joined);
    // Never cosmetic: the paragraph break itself is the change a reader should see.
    boolean cosmetic = false;
    List<List<Segment>> cut = cut(inline.newSegments(), parts);
    for (int k = 0; k < parts.size(); k++) {
      rows.add(new DiffRow(DiffRow.Kind.SPLIT,
          k == 0 ? new Cell(oldBlock, inline.oldSegments()) : null,
          new Cell(parts.get(k), cut.get(k)), 0, cosmetic));
    }
    count(inline, cosmetic);
  }

  /** The old blocks [start, end) shown against the one new block they became. */
  private void emitMerged(int start, int end, int newIndex) {
    Block newBlock = newBlocks.get(newIndex);
    List<Block> parts = oldBlocks.subList(start, end);
    String joined = join(parts);
    InlineDiff inline = WordDiff.compare(joined, newBlock.text());
    boolean cosmetic = false;
    List<List<Segment>> cut = cut(inline.oldSegments(), parts);
    for (int k = 0; k < parts.size(); k++) {
      rows.add(new DiffRow(DiffRow.Kind.MERGED, new Cell(parts.get(k), cut.get(k)),
          k == 0 ? new Cell(newBlock, inline.newSegments()) : null, 0, cosmetic));
    }
    count(inline, cosmetic);
  }

  private void count(InlineDiff inline, boolean cosmetic) {
    if (!cosmetic) {
      wordsAdded += inline.wordsAdded();
      wordsRemoved += inline.wordsRemoved();
    }
    coarse |= inline.coarse();
  }

  /**
   * The blocks' texts joined by one space: whitespace, so never part of a word, and what a
   * sentence boundary inside the one paragraph usually holds, so it is not marked.
   */
  private static String join(List<Block> parts) {
    StringBuilder text = new StringBuilder();
    for (Block part : parts) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(part.text());
    }
    return text.toString();
  }

  /**
   * Segments of a {@link #join joined} text cut back into one list per part, dropping the line
   * space between parts.
   */
  static List<List<Segment>> cut(List<Segment> segments, List<Block> parts) {
    List<List<Segment>> cut = new ArrayList<>();
    List<Segment> current = new ArrayList<>();
    int part = 0;
    int left = parts.get(0).text().length();
    for (Segment segment : segments) {
      String text = segment.text();
      int at = 0;
      while (at < text.length()) {
        if (left == 0) {
          // The space that joined this part to the next one.
          at++;
          cut.add(current);
          current = new ArrayList<>();
          part++;
          left = parts.get(part).text().length();
          continue;
        }
        int take = Math.min(left, text.length() - at);
        current.add(new Segment(text.substring(at, at + take), segment.mark()));
        at += take;
        left -= take;
      }
    }
    cut.add(current);
    return cut;
  }

  private void emitOld(int from, int to) {
    for (int i = from; i < to; i++) {
      Block block = oldBlocks.get(i);
      if (oldMoveIds[i] > 0) {
        InlineDiff edit = editedMoves.get(oldMoveIds[i]);
        boolean cosmetic = isCosmetic(edit);
        rows.add(new DiffRow(DiffRow.Kind.MOVED_FROM, edit == null ? Cell.whole(block, Mark.SAME)
            : new Cell(block, edit.oldSegments()), null, oldMoveIds[i], cosmetic));
        if (edit != null && !cosmetic) {
          wordsRemoved += edit.wordsRemoved();
          coarse |= edit.coarse();
        }
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
        InlineDiff edit = editedMoves.get(newMoveIds[j]);
        boolean cosmetic = isCosmetic(edit);
        rows.add(new DiffRow(DiffRow.Kind.MOVED_TO, null, edit == null
            ? Cell.whole(block, Mark.SAME) : new Cell(block, edit.newSegments()), newMoveIds[j],
            cosmetic));
        if (edit != null && !cosmetic) {
          wordsAdded += edit.wordsAdded();
          coarse |= edit.coarse();
        }
      } else {
        rows.add(new DiffRow(DiffRow.Kind.ADDED, null, Cell.whole(block, Mark.ADDED), 0));
        wordsAdded += Tokens.countWords(block.text());
      }
    }
  }

  private static boolean isCosmetic(InlineDiff edit) {
    return edit != null && Cosmetic.sameText(join(edit.oldSegments()), join(edit.newSegments()));
  }

  private static String join(Iterable<Segment> segments) {
    StringBuilder text = new StringBuilder();
    segments.forEach(s -> text.append(s.text()));
    return text.toString();
  }

  private void emitChanged(Block oldBlock, Block newBlock) {
    InlineDiff inline = WordDiff.compare(oldBlock.text(), newBlock.text());
    boolean cosmetic = Cosmetic.sameText(oldBlock.text(), newBlock.text());
    rows.add(new DiffRow(DiffRow.Kind.CHANGED, new Cell(oldBlock, inline.oldSegments()),
        new Cell(newBlock, inline.newSegments()), 0, cosmetic));
    count(inline, cosmetic);
  }

  /**
   * Pairs blocks left removed and added after alignment, moves and changed pairs, anywhere in
   * the document, when their words are at least {@link #MIN_EDITED_MOVE_SIMILARITY} alike: a
   * paragraph that moved and was edited. Each added block takes the most similar removed one,
   * in document order; the search is skipped on documents with too many leftovers.
   */
  private void findEditedMoves(List<Region> regions) {
    List<Integer> olds = new ArrayList<>();
    List<Integer> news = new ArrayList<>();
    for (Region region : regions) {
      for (int i = region.oldStart(); i < region.oldEnd(); i++) {
        if (oldMoveIds[i] == 0 && !oldPaired[i] && canMove(oldBlocks.get(i).text())) {
          olds.add(i);
        }
      }
      for (int j = region.newStart(); j < region.newEnd(); j++) {
        if (newMoveIds[j] == 0 && !newPaired[j] && canMove(newBlocks.get(j).text())) {
          news.add(j);
        }
      }
    }
    if (olds.isEmpty() || news.isEmpty() || (long) olds.size() * news.size()
        > MAX_EDITED_MOVE_CELLS) {
      return;
    }
    int[][] oldBags = bags(oldBlocks, olds);
    int[][] newBags = bags(newBlocks, news);
    boolean[] taken = new boolean[olds.size()];
    for (int y = 0; y < news.size(); y++) {
      int best = -1;
      double bestSimilarity = MIN_EDITED_MOVE_SIMILARITY;
      for (int x = 0; x < olds.size(); x++) {
        if (taken[x]) {
          continue;
        }
        // Dice of at least 0.8 needs the shorter bag to hold two thirds of the longer one.
        int shorter = Math.min(oldBags[x].length, newBags[y].length);
        int longer = Math.max(oldBags[x].length, newBags[y].length);
        if (3 * shorter < 2 * longer) {
          continue;
        }
        double s = similarity(oldBags[x], newBags[y]);
        if (s >= bestSimilarity && (best < 0 || s > bestSimilarity)) {
          best = x;
          bestSimilarity = s;
        }
      }
      if (best >= 0) {
        taken[best] = true;
        movedBlocks++;
        int i = olds.get(best);
        int j = news.get(y);
        oldMoveIds[i] = movedBlocks;
        newMoveIds[j] = movedBlocks;
        editedMoves.put(movedBlocks,
            WordDiff.compare(oldBlocks.get(i).text(), newBlocks.get(j).text()));
      }
    }
    renumberMoves();
  }

  /** Move ids in the new document's order, edited moves among the others. */
  private void renumberMoves() {
    int[] renumbered = new int[movedBlocks + 1];
    int next = 0;
    for (int moveId : newMoveIds) {
      if (moveId > 0) {
        renumbered[moveId] = ++next;
      }
    }
    for (int i = 0; i < oldMoveIds.length; i++) {
      oldMoveIds[i] = renumbered[oldMoveIds[i]];
    }
    for (int j = 0; j < newMoveIds.length; j++) {
      newMoveIds[j] = renumbered[newMoveIds[j]];
    }
    Map<Integer, InlineDiff> edits = new HashMap<>();
    editedMoves.forEach((id, edit) -> edits.put(renumbered[id], edit));
    editedMoves.clear();
    editedMoves.putAll(edits);
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
      bags[k] = bag(blocks, indices.get(k));
    }
    return bags;
  }

  /** The block's bag, computed once per diff: splits and pairings ask for it repeatedly. */
  private int[] bag(List<Block> blocks, int index) {
    int[][] cache = blocks == oldBlocks ? oldBags : newBags;
    if (cache[index] == null) {
      cache[index] = bag(blocks.get(index).text());
    }
    return cache[index];
  }

  private int[] bag(String text) {
    List<String> tokens = Tokens.split(text);
    int[] bag = new int[tokens.size()];
    int size = 0;
    for (String token : tokens) {
      if (Tokens.isWord(token)) {
        // Case-folded, so that a paragraph rewritten out of capitals still pairs with itself.
        bag[size++] = wordIds.computeIfAbsent(token.toLowerCase(Locale.ROOT),
            w -> wordIds.size());
      }
    }
    int[] sorted = Arrays.copyOf(bag, size);
    Arrays.sort(sorted);
    return sorted;
  }

  /** Two sorted multisets as one. */
  private static int[] union(int[] a, int[] b) {
    int[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    Arrays.sort(all);
    return all;
  }

  /** The Dice coefficient of two sorted word multisets, with no shortcut. */
  static double dice(int[] a, int[] b) {
    if (a.length + b.length == 0) {
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
    return dice(a, b);
  }

  private static List<String> texts(List<Block> blocks) {
    List<String> texts = new ArrayList<>(blocks.size());
    for (Block block : blocks) {
      texts.add(block.text());
    }
    return texts;
  }

  /** Blocks [start, end) of one version that match a block of the other better together. */
  private record Parts(int start, int end, double gain) {
  }

  /** Block ranges [start, end) of the old and new version between aligned blocks. */
  private record Region(int oldStart, int oldEnd, int newStart, int newEnd) {
  }
}
