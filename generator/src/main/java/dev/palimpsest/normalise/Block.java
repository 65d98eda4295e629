package dev.palimpsest.normalise;

import java.util.Objects;

/**
 * One unit of a document's readable text: a heading, a paragraph, a list item and so on.
 *
 * <p>The text is normalised: whitespace runs are single spaces, with none at either end, and it
 * is never empty. Blocks are what versions are compared by and what diff rows align.
 *
 * @param kind what the block was in its source
 * @param level the heading level 1-6 for {@link Kind#HEADING}, 0 for every other kind
 * @param text the block's normalised text
 */
public record Block(Kind kind, int level, String text) {

  /** What a block was in its source document; decides how a page shows it. */
  public enum Kind { HEADING, PARAGRAPH, LIST_ITEM, QUOTE, PREFORMATTED, TABLE_ROW }

  public Block {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(text, "text must not be null");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a block's text must not be empty");
    }
    if (kind == Kind.HEADING ? level < 1 || level > 6 : level != 0) {
      throw new IllegalArgumentException("bad level " + level + " for a " + kind);
    }
  }

  public static Block paragraph(String text) {
    return new Block(Kind.PARAGRAPH, 0, text);
  }

  public static Block heading(int level, String text) {
    return new Block(Kind.HEADING, level, text);
  }
}
