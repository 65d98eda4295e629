package dev.palimpsest.normalise;

import java.util.ArrayList;
import java.util.List;

/** Plain text: paragraphs are separated by blank lines; lines within one are joined. */
final class PlainText {
  private PlainText() {}

  static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    for (String paragraph : text.split("\\R[\\t \\u00A0]*\\R\\s*")) {
      String clean = TextCleaner.clean(paragraph);
      if (!clean.isEmpty()) {
        blocks.add(Block.paragraph(clean));
      }
    }
    return blocks;
  }
}
