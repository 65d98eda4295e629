package dev.palimpsest.document;

import dev.palimpsest.diff.Cell;
import dev.palimpsest.diff.DiffRow;
import dev.palimpsest.diff.Inline;
import dev.palimpsest.diff.Segment;
import dev.palimpsest.document.DocumentViews.BlockView;
import dev.palimpsest.document.DocumentViews.CellView;
import dev.palimpsest.document.DocumentViews.RowGroup;
import dev.palimpsest.document.DocumentViews.RowView;
import dev.palimpsest.document.DocumentViews.SegmentView;
import dev.palimpsest.normalise.Block;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The views of a version's text and of a diff as the templates show them: headings at page
 * levels, unchanged runs folded, marks named. Pure.
 */
final class PageViews {
  /** Unchanged runs longer than this many rows are folded, keeping one row of context. */
  private static final int FOLD_AT = 4;

  private PageViews() {}

  /**
   * Blocks as the version page shows them. Headings get page levels h2-h6 that follow their
   * outline without skipping a level (snapshots often jump from h1 to h4, which HTML forbids).
   */
  static List<BlockView> blocks(List<Block> blocks) {
    List<BlockView> views = new ArrayList<>(blocks.size());
    Deque<Integer> outline = new ArrayDeque<>();
    for (Block block : blocks) {
      int level = 0;
      if (block.kind() == Block.Kind.HEADING) {
        while (!outline.isEmpty() && outline.peek() >= block.level()) {
          outline.pop();
        }
        outline.push(block.level());
        level = Math.min(outline.size() + 1, 6);
      }
      views.add(new BlockView(kindName(block.kind()), level, block.text()));
    }
    return views;
  }

  private static String kindName(Block.Kind kind) {
    return switch (kind) {
      case HEADING -> "heading";
      case PARAGRAPH -> "paragraph";
      case LIST_ITEM -> "item";
      case QUOTE -> "quote";
      case PREFORMATTED -> "preformatted";
      case TABLE_ROW -> "row";
    };
  }

  /** Rows in runs: long unchanged runs are folded, keeping a row of context by each change. */
  static List<RowGroup> groups(List<DiffRow> rows) {
    List<RowView> views = rowViews(rows);
    List<RowGroup> groups = new ArrayList<>();
    List<RowView> shown = new ArrayList<>();
    int i = 0;
    while (i < rows.size()) {
      if (rows.get(i).kind() != DiffRow.Kind.SAME) {
        shown.add(views.get(i));
        i++;
        continue;
      }
      int end = i;
      while (end < rows.size() && rows.get(end).kind() == DiffRow.Kind.SAME) {
        end++;
      }
      int contextBefore = i == 0 ? 0 : 1;
      int contextAfter = end == rows.size() ? 0 : 1;
      if (end - i > FOLD_AT) {
        shown.addAll(views.subList(i, i + contextBefore));
        flush(groups, shown);
        List<RowView> folded = views.subList(i + contextBefore, end - contextAfter);
        groups.add(new RowGroup(true, folded.size(), List.copyOf(folded)));
        shown.addAll(views.subList(end - contextAfter, end));
      } else {
        shown.addAll(views.subList(i, end));
      }
      i = end;
    }
    flush(groups, shown);
    return groups;
  }

  /** The view of each row, in order. */
  private static List<RowView> rowViews(List<DiffRow> rows) {
    List<List<Segment>> inline = Inline.rows(rows);
    // Both places of a move that was edited are marked, though only one may carry word marks.
    Set<Integer> editedMoves = new HashSet<>();
    for (DiffRow row : rows) {
      if (row.moveId() > 0 && row.edited()) {
        editedMoves.add(row.moveId());
      }
    }
    List<RowView> views = new ArrayList<>(rows.size());
    for (int k = 0; k < rows.size(); k++) {
      views.add(view(rows.get(k), inline.get(k), editedMoves));
    }
    return views;
  }

  private static void flush(List<RowGroup> groups, List<RowView> shown) {
    if (!shown.isEmpty()) {
      groups.add(new RowGroup(false, shown.size(), List.copyOf(shown)));
      shown.clear();
    }
  }

  private static RowView view(DiffRow row, List<Segment> inline, Set<Integer> editedMoves) {
    boolean split = row.kind() == DiffRow.Kind.SPLIT || row.kind() == DiffRow.Kind.MERGED;
    boolean moved = row.moveId() > 0;
    return new RowView(row.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        cell(row.oldCell()), cell(row.newCell()), row.moveId(), row.cosmetic(),
        moved && editedMoves.contains(row.moveId()), split && (row.oldCell() == null || row.newCell() == null),
        segments(inline));
  }

  private static CellView cell(Cell cell) {
    if (cell == null) {
      return null;
    }
    return new CellView(kindName(cell.block().kind()), cell.block().level(),
        segments(cell.segments()));
  }

  static List<SegmentView> segments(List<Segment> segments) {
    return segments.stream()
        .map(s -> new SegmentView(s.text(), s.mark().name().toLowerCase(Locale.ROOT)))
        .toList();
  }
}
