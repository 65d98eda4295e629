package dev.palimpsest.normalise;

/** Reads plain text: paragraphs are separated by blank lines, and have no headline. */
final class PlainTextExtractor {

  private PlainTextExtractor() {}

  static NormalisedText extract(String text) {
    BlockSink sink = new BlockSink();
    StringBuilder paragraph = new StringBuilder();
    for (String line : text.lines().toList()) {
      if (TextCleaner.isBlank(line)) {
        sink.add(Block.Kind.PARAGRAPH, 0, paragraph);
        paragraph.setLength(0);
      } else {
        // Lines joined by one space, none after the last: a paragraph whose lines need no
        // other cleaning is then taken as it is, not copied again char by char.
        if (paragraph.length() > 0) {
          paragraph.append(' ');
        }
        paragraph.append(line);
      }
    }
    sink.add(Block.Kind.PARAGRAPH, 0, paragraph);
    return new NormalisedText(null, sink.blocks());
  }
}
