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
 */
public record DiffRow(Kind kind, Cell oldCell, Cell newCell, int moveId) {

  /** What happened to a block between two versions. */
  public enum Kind { SAME, CHANGED, REMOVED, ADDED, MOVED_FROM, MOVED_TO }

  public DiffRow {
    boolean hasOld = kind != Kind.ADDED && kind != Kind.MOVED_TO;
    boolean hasNew = kind != Kind.REMOVED && kind != Kind.MOVED_FROM;
    if (hasOld != (oldCell != null) || hasNew != (newCell != null)) {
      throw new IllegalArgumentException("a " + kind + " row has the wrong cells");
    }
    boolean moved = kind == Kind.MOVED_FROM || kind == Kind.MOVED_TO;
    if (moved != (moveId > 0)) {
      throw new IllegalArgumentException("moveId " + moveId + " does not fit a " + kind + " row");
    }
  }
}
