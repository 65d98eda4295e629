package dev.palimpsest.diff;

/**
 * One row of a side-by-side diff.
 *
 * <p>Rows are in reading order of both versions at once: the old cells of all rows, in row order,
 * are the old version's blocks in order, and the new cells are the new version's.
 *
 * @param kind what happened to this block
 * @param oldCell the block in the old version; {@code null} for {@link Kind#ADDED} and
 *     {@link Kind#MOVED_TO}
 * @param newCell the block in the new version; {@code null} for {@link Kind#REMOVED} and
 *     {@link Kind#MOVED_FROM}
 * @param moveId for {@link Kind#MOVED_FROM} and {@link Kind#MOVED_TO}, a number from 1 shared
 *     by the two rows of one moved block; 0 for every other kind
 * @param cosmetic true when the row's two versions of a block differ only in quotes, dashes or
 *     spacing (see {@link Cosmetic}); such rows are left out of the word counts
 */
public record DiffRow(Kind kind, Cell oldCell, Cell newCell, int moveId, boolean cosmetic) {

  /**
   * What happened to a block between two versions. A moved block may also have been edited:
   * then its two cells carry word marks. {@link #SPLIT} rows show one old paragraph beside the
   * new paragraphs it became: the first row holds the old cell and the first new part, each
   * following SPLIT row only a further new part. {@link #MERGED} is the mirror image: the first
   * row holds the first old part and the new paragraph, each following MERGED row only a
   * further old part.
   */
  public enum Kind { SAME, CHANGED, REMOVED, ADDED, MOVED_FROM, MOVED_TO, SPLIT, MERGED }

  public DiffRow {
    if (kind == Kind.SPLIT || kind == Kind.MERGED) {
      if (kind == Kind.SPLIT ? newCell == null : oldCell == null) {
        throw new IllegalArgumentException("a " + kind + " row has the wrong cells");
      }
    } else {
      boolean hasOld = kind != Kind.ADDED && kind != Kind.MOVED_TO;
      boolean hasNew = kind != Kind.REMOVED && kind != Kind.MOVED_FROM;
      if (hasOld != (oldCell != null) || hasNew != (newCell != null)) {
        throw new IllegalArgumentException("a " + kind + " row has the wrong cells");
      }
    }
    boolean moved = kind == Kind.MOVED_FROM || kind == Kind.MOVED_TO;
    if (moved != (moveId > 0)) {
      throw new IllegalArgumentException("moveId " + moveId + " does not fit a " + kind + " row");
    }
  }

  /** A row that is not cosmetic. */
  public DiffRow(Kind kind, Cell oldCell, Cell newCell, int moveId) {
    this(kind, oldCell, newCell, moveId, false);
  }

  /** True when a cell of this row carries word marks (a changed pair or an edited move). */
  public boolean edited() {
    return marked(oldCell) || marked(newCell);
  }

  private static boolean marked(Cell cell) {
    return cell != null && cell.segments().stream().anyMatch(s -> s.mark() != Segment.Mark.SAME);
  }
}
