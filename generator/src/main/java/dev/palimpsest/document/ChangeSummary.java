package dev.palimpsest.document;

import dev.palimpsest.layout.SiteLayout;
import java.time.Instant;

/**
 * One change between consecutive versions, as the site stage needs it. Its feed excerpt is not
 * here but in the document's feed, where the site stage finds the few it republishes: kept in
 * every summary, excerpts would make the site stage's memory grow with the corpus.
 *
 * @param from the older version's number
 * @param to the newer version's number ({@code from + 1})
 * @param fromTime when version {@code from} was first seen
 * @param toTime when version {@code to} was first seen
 * @param wordsAdded words added, as the diff page shows
 * @param wordsRemoved words removed, as the diff page shows
 * @param movedBlocks paragraphs moved
 */
public record ChangeSummary(int from, int to, Instant fromTime, Instant toTime, int wordsAdded,
    int wordsRemoved, int movedBlocks) {

  /** The diff page's file name inside the document's folder. */
  public String diffPath() {
    return SiteLayout.diff(from, to);
  }
}
