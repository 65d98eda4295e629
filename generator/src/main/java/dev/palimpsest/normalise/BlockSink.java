package dev.palimpsest.normalise;

import java.util.ArrayList;
import java.util.List;

/** Collects an extractor's blocks in document order, cleaning their text and dropping empties. */
final class BlockSink {

  private final List<Block> blocks = new ArrayList<>();

  /** Adds a block unless its text is empty once cleaned; {@code level} matters for headings. */
  void add(Block.Kind kind, int level, CharSequence rawText) {
    String text = TextCleaner.clean(rawText);
    if (!text.isEmpty()) {
      blocks.add(new Block(kind, kind == Block.Kind.HEADING ? level : 0, text));
    }
  }

  /** The text of the first heading so far, or {@code null}. */
  String firstHeading() {
    return blocks.stream()
        .filter(block -> block.kind() == Block.Kind.HEADING)
        .map(Block::text)
        .findFirst()
        .orElse(null);
  }

  List<Block> blocks() {
    return blocks;
  }
}
