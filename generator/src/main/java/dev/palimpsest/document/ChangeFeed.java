package dev.palimpsest.document;

import dev.palimpsest.layout.SiteLayout;
import dev.palimpsest.render.FeedEntry;

/**
 * A change as the feeds give it: the same entry, under the same stable id, in the document's
 * feed and in its source's and the site's.
 */
public final class ChangeFeed {
  private ChangeFeed() {}

  /** The feed entry of a change. */
  public static FeedEntry entry(DocumentSummary document, ChangeSummary change,
      String excerptHtml) {
    return new FeedEntry(id(document, change), document.title() + ": version " + change.to(),
        document.path() + change.diffPath(), change.toTime(), excerptHtml);
  }

  /** The stable id of a change's feed entry. */
  public static String id(DocumentSummary document, ChangeSummary change) {
    return "urn:palimpsest:change:" + document.source() + "/" + document.name() + "/"
        + change.to();
  }

  /** Where the feed of a document is, from the site root. */
  public static String feedPath(DocumentSummary document) {
    return document.path() + SiteLayout.DOCUMENT_FEED;
  }
}
