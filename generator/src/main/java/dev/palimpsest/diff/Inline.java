package dev.palimpsest.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A diff's rows as one column, for the inline view: each row's kept, removed and added runs.
 *
 * <pre>{@code
 * List<List<Segment>> column = Inline.rows(diff.rows());  // one list per row, maybe empty
 * }</pre>
 *
 * <p>Without its added runs the column reads as the old version, and without its removed runs
 * as the new one. A changed pair interleaves its removed and added words; a split (or merged)
 * paragraph is one line on its first row, its old text interleaved with all its new parts (the
 * following rows of the group are empty); a removed, added or moved block is its whole text
 * removed or added, a move at both its places. Pure and thread-safe.
 */
public final class Inline {
  private Inline() {
  }

  /** One list of segments per row, in row order. */
  public static List<List<Segment>> rows(List<DiffRow> rows) {
    Objects.requireNonNull(rows, "rows must not be null");
    List<List<Segment>> column = new ArrayList<>(rows.size());
    int r = 0;
    while (r < rows.size()) {
      DiffRow row = rows.get(r);
      boolean grouped = row.kind() == DiffRow.Kind.SPLIT || row.kind() == DiffRow.Kind.MERGED;
      if (!grouped) {
        column.add(single(row));
        r++;
        continue;
      }
      int end = r + 1;
      while (end < rows.size() && rows.get(end).kind() == row.kind()
          && (row.kind() == DiffRow.Kind.SPLIT ? rows.get(end).oldCell() == null
              : rows.get(end).newCell() == null)) {
        end++;
      }
      column.add(group(rows.subList(r, end)));
      for (int k = r + 1; k < end; k++) {
        column.add(List.of());
      }
      r = end;
    }
    return column;
  }

  private static List<Segment> single(DiffRow row) {
    if (row.kind() == DiffRow.Kind.SAME) {
      return row.oldCell().segments();
    }
    if (row.kind() == DiffRow.Kind.CHANGED) {
      return interleave(row.oldCell().segments(), row.newCell().segments());
    }
    List<Segment> inline = new ArrayList<>(2);
    if (row.oldCell() != null) {
      inline.add(new Segment(row.oldCell().block().text(), Segment.Mark.REMOVED));
    }
    if (row.newCell() != null) {
      inline.add(new Segment(row.newCell().block().text(), Segment.Mark.ADDED));
    }
    return inline;
  }

  /** A split or merged group compared again as one text, as the diff compared it. */
  private static List<Segment> group(List<DiffRow> group) {
    StringBuilder oldText = new StringBuilder();
    StringBuilder newText = new StringBuilder();
    for (DiffRow row : group) {
      append(oldText, row.oldCell());
      append(newText, row.newCell());
    }
    InlineDiff diff = WordDiff.compare(oldText.toString(), newText.toString());
    return interleave(diff.oldSegments(), diff.newSegments());
  }

  private static void append(StringBuilder text, Cell cell) {
    if (cell != null) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(cell.block().text());
    }
  }

  /**
   * One line from the two sides of a changed pair: kept text once, removed text then added text
   * where they differ. Both sides hold the same kept text in the same order, though not always
   * cut into the same runs (a pure insertion splits a kept run on one side only), so kept text
   * is walked character by character.
   */
  public static List<Segment> interleave(List<Segment> oldSide, List<Segment> newSide) {
    List<Segment> merged = new ArrayList<>();
    int i = 0;
    int j = 0;
    int oldAt = 0;
    int newAt = 0;
    while (i < oldSide.size() || j < newSide.size()) {
      while (i < oldSide.size() && oldSide.get(i).mark() != Segment.Mark.SAME) {
        merged.add(oldSide.get(i++));
      }
      while (j < newSide.size() && newSide.get(j).mark() != Segment.Mark.SAME) {
        merged.add(newSide.get(j++));
      }
      if (i < oldSide.size() && j < newSide.size()) {
        String oldText = oldSide.get(i).text();
        String newText = newSide.get(j).text();
        int take = Math.min(oldText.length() - oldAt, newText.length() - newAt);
        add(merged, new Segment(oldText.substring(oldAt, oldAt + take), Segment.Mark.SAME));
        oldAt += take;
        newAt += take;
        if (oldAt == oldText.length()) {
          i++;
          oldAt = 0;
        }
        if (newAt == newText.length()) {
          j++;
          newAt = 0;
        }
      } else {
        // Kept text left on one side only cannot happen for a well-formed pair; show the rest
        // of each side as it is rather than lose text.
        for (; i < oldSide.size(); i++, oldAt = 0) {
          add(merged, new Segment(oldSide.get(i).text().substring(oldAt),
              oldSide.get(i).mark()));
        }
        for (; j < newSide.size(); j++, newAt = 0) {
          add(merged, new Segment(newSide.get(j).text().substring(newAt),
              newSide.get(j).mark()));
        }
      }
    }
    return merged;
  }

  /** Adds a segment, joining it to the last one when they have the same mark. */
  private static void add(List<Segment> segments, Segment segment) {
    int last = segments.size() - 1;
    if (last >= 0 && segments.get(last).mark() == segment.mark()) {
      segments.set(last, new Segment(segments.get(last).text() + segment.text(),
          segment.mark()));
    } else {
      segments.add(segment);
    }
  }
}
