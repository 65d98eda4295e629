package dev.palimpsest.document;

import java.time.Instant;

/**
 * One change between consecutive versions, as the site stage needs it.
 *
 * @param from the older version's number
 * @param to the newer version's number ({@code from + 1})
 * @param fromTime when version {@code from} was first seen
 * @param toTime when version {@code to} was first seen
 * @param wordsAdded words added, as the diff page shows
 * @param wordsRemoved words removed, as the diff page shows
 * @param movedBlocks paragraphs moved
 * @param excerptHtml a short, safe HTML summary of the change for feeds
 */
public record ChangeSummary(int from, int to, Instant fromTime, Instant toTime, int wordsAdded,
    int wordsRemoved, int movedBlocks, String excerptHtml) {

  /** The diff page's file name inside the document's folder. */
  public String diffPath() {
    return "diffs/" + from + "-" + to + ".html";
  }
}
