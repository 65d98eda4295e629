package dev.palimpsest.site;

import java.util.List;

/** What the site-wide templates receive: ready-made values, formatted and ordered. */
public final class SiteViews {
  private SiteViews() {}

  /**
   * The home page.
   *
   * @param recent the most recent changes across all sources, newest first
   * @param sources every source, by display name
   */
  public record HomePage(String title, List<ChangeItem> recent, List<SourceItem> sources,
      int documentCount, int changeCount) {}

  /**
   * A source page.
   *
   * @param url the source's address when it is http(s), else {@code null}
   * @param documents the documents on this page, most recently changed first
   * @param documentCount the source's documents on all its pages
   * @param page this page's number, from 1
   * @param pageCount how many pages the source's list has
   * @param previousHref the previous page, relative to this one, or {@code null}
   * @param nextHref the next page, relative to this one, or {@code null}
   * @param firstNumber the position of this page's first document in the whole list, from 1
   */
  public record SourcePage(String name, String description, String url,
      List<DocumentItem> documents, int documentCount, int page, int pageCount,
      String previousHref, String nextHref, int firstNumber) {}

  /** A source in the home page's list. */
  public record SourceItem(String name, String href, String description, int documentCount,
      String lastChangedExact, String lastChangedIso) {}

  /** A document in a source page's list. */
  public record DocumentItem(String title, String href, int versions, int changes,
      String lastChangedExact, String lastChangedIso, String lastChangedAgo, boolean frozen) {}

  /** A change in a list of recent changes. */
  public record ChangeItem(String documentTitle, String documentHref, String sourceName,
      String sourceHref, int to, String diffHref, String exact, String iso, String ago,
      int wordsAdded, int wordsRemoved, int movedBlocks) {}
}
