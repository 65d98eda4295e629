package dev.palimpsest.document;

import dev.palimpsest.diff.Cell;
import dev.palimpsest.diff.Diff;
import dev.palimpsest.diff.DiffRow;
import dev.palimpsest.diff.Segment;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * The short HTML summary of a change that feed entries carry: the counts, then the first changed
 * paragraphs inline, with {@code <del>}/{@code <ins>}, capped so entries stay small. All text
 * is escaped here; the feed writer sanitises again.
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
        html.append("<p>").append(capped(inline)).append("</p>");
        shown++;
      }
    }
    return html.toString();
  }

  private static List<Segment> marked(Cell cell, Segment.Mark mark) {
    return List.of(new Segment(cell.block().text(), mark));
  }

  /**
   * One line from the two sides of a changed pair: kept text once, removed text then added text
   * where they differ. Both sides hold the same kept text in the same order, though not always
   * cut into the same runs (a pure insertion splits a kept run on one side only), so kept text
   * is walked character by character.
   */
  static List<Segment> inline(List<Segment> oldSide, List<Segment> newSide) {
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

  private static String capped(List<Segment> segments) {
    StringBuilder html = new StringBuilder();
    int budget = MAX_CHARS_PER_PARAGRAPH;
    for (Segment segment : segments) {
      String text = segment.text();
      boolean cut = text.length() > budget;
      if (cut) {
        text = text.substring(0, budget) + "…";
      }
      String escaped = Entities.escape(text);
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
