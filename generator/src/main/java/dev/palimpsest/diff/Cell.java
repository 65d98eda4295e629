package dev.palimpsest.diff;

import dev.palimpsest.normalise.Block;
import java.util.List;
import java.util.Objects;

/**
 * One side of a diff row: a block of one version, cut into marked segments whose texts, joined,
 * are exactly the block's text.
 */
public record Cell(Block block, List<Segment> segments) {
  public Cell {
    Objects.requireNonNull(block, "block must not be null");
    segments = List.copyOf(segments);
  }

  /** A cell whose whole text has one mark. */
  public static Cell whole(Block block, Segment.Mark mark) {
    return new Cell(block, List.of(new Segment(block.text(), mark)));
  }
}
