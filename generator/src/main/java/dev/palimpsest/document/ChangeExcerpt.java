package dev.palimpsest.document;

import dev.palimpsest.diff.Cell;
import dev.palimpsest.diff.Diff;
import dev.palimpsest.diff.DiffRow;
import dev.palimpsest.diff.Inline;
import dev.palimpsest.diff.Segment;
import dev.palimpsest.render.Feeds;
import java.util.List;

/**
 * The short HTML summary of a change that feed entries carry: the counts, then the first changed
 * paragraphs inline, with {@code <del>}/{@code <ins>}, capped so entries stay small. All text
 * is escaped here, and the HTML is written as jsoup's cleaner ({@link Feeds#sanitise}) would
 * leave it, so that feeds need not clean it again: cleaning every entry of every document feed
 * was about 6 % of a full build's time. Tests check over real snapshots that the cleaner leaves
 * these excerpts as they are.
 */
final class ChangeExcerpt {
  private static final int MAX_PARAGRAPHS = 3;
  private static final int MAX_CHARS_PER_PARAGRAPH = 400;

  private ChangeExcerpt() {}

  static String of(Diff diff, int wordsAdded, int wordsRemoved, boolean headlineChanged) {
    StringBuilder html = new StringBuilder("<p>").append(Counts.sentence(wordsAdded,
        wordsRemoved, diff.movedBlocks()));
    if (headlineChanged) {
      html.append(" The headline changed.");
    }
    html.append("</p>");
    int shown = 0;
    for (DiffRow row : diff.rows()) {
      if (shown == MAX_PARAGRAPHS) {
        break;
      }
      List<Segment> inline = switch (row.kind()) {
        case CHANGED -> inline(row.oldCell().segments(), row.newCell().segments());
        case ADDED -> marked(row.newCell(), Segment.Mark.ADDED);
        case REMOVED -> marked(row.oldCell(), Segment.Mark.REMOVED);
        default -> List.of();
      };
      if (!inline.isEmpty()) {
        html.append("\n<p>").append(capped(inline)).append("</p>");
        shown++;
      }
    }
    return html.toString();
  }

  private static List<Segment> marked(Cell cell, Segment.Mark mark) {
    return List.of(new Segment(cell.block().text(), mark));
  }

  /** One line from the two sides of a changed pair; see {@link Inline#interleave}. */
  static List<Segment> inline(List<Segment> oldSide, List<Segment> newSide) {
    return Inline.interleave(oldSide, newSide);
  }

  private static String capped(List<Segment> segments) {
    StringBuilder html = new StringBuilder();
    int budget = MAX_CHARS_PER_PARAGRAPH;
    for (Segment segment : segments) {
      String text = segment.text();
      boolean cut = text.length() > budget;
      if (cut) {
        text = text.substring(0, budget) + "…";
      }
      String escaped = Feeds.escapeText(text);
      html.append(switch (segment.mark()) {
        case SAME -> escaped;
        case REMOVED -> "<del>" + escaped + "</del>";
        case ADDED -> "<ins>" + escaped + "</ins>";
      });
      budget -= text.length();
      if (cut || budget <= 0) {
        break;
      }
    }
    return html.toString();
  }
}
