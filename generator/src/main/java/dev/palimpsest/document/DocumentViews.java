package dev.palimpsest.document;

import java.util.List;

/**
 * What the document templates receive: ready-made values, already formatted and ordered, so
 * that templates hold presentation only. Text here is plain; templates escape it.
 */
public final class DocumentViews {
  private DocumentViews() {}

  /**
   * What every page of a document shows of it.
   *
   * @param title the document's title
   * @param sourceName the source's display name
   * @param sourceHref link to the source page
   * @param historyHref link to the document's history page
   * @param feedHref link to the document's feed
   */
  public record DocumentRef(String title, String sourceName, String sourceHref,
      String historyHref, String feedHref) {

    /** The same links as seen from a page one folder down (versions/, diffs/). */
    DocumentRef fromSubfolder() {
      return new DocumentRef(title, sourceName, "../" + sourceHref, "../" + historyHref,
          "../" + feedHref);
    }
  }

  /**
   * The history page.
   *
   * @param originalUrl the document's original address when it is http(s), else {@code null}
   * @param changeCount how many changes (versions minus one)
   * @param versions newest first
   * @param firstToLatestHref the first-to-latest diff, or {@code null} with fewer than 3
   *     versions (then it is the only diff, listed with its version)
   */
  public record HistoryPage(DocumentRef document, String firstSeenDate, String firstSeenIso,
      String lastChangedAgo, String lastChangedExact, String lastChangedIso,
      String lastCheckedExact, String lastCheckedIso, boolean frozen, String originalUrl,
      int changeCount, List<VersionItem> versions, String firstToLatestHref) {}

  /**
   * One version in the history list.
   *
   * @param diffHref the diff from the previous version, or {@code null} for version 1
   * @param later the time since the previous version ("4 months later"), or {@code null}
   */
  public record VersionItem(int number, String href, String exact, String iso, String headline,
      String diffHref, String later, int wordsAdded, int wordsRemoved, int movedBlocks) {}

  /**
   * A version page. It does not say how many versions there are, so that a new version
   * changes only the page before it (which gains a link to the next), not every page of the
   * document's history.
   *
   * @param previousHref the previous version's page, or {@code null}
   * @param nextHref the next version's page, or {@code null}
   * @param diffHref the diff from the previous version, or {@code null}
   */
  public record VersionPage(DocumentRef document, int number, String exact, String iso,
      String headline, List<BlockView> blocks, String previousHref, String nextHref,
      String diffHref) {}

  /**
   * A block of text.
   *
   * @param kind "heading", "paragraph", "item", "quote", "preformatted" or "row"
   * @param level for headings, the page's heading level, 2-6, following the outline without
   *     skipping a level (the page title is the h1); else 0
   */
  public record BlockView(String kind, int level, String text) {
    /**
     * Whether this is a plain paragraph, the most common kind. Templates test this rather than
     * compare {@code kind} to a string: FreeMarker normalises both strings of every {@code ==},
     * and those comparisons were a tenth of a build's time.
     */
    public boolean paragraph() {
      return kind.equals("paragraph");
    }
  }

  /**
   * A diff page.
   *
   * @param later the time between the versions ("4 months later")
   * @param headline the old and new headline with words marked, or {@code null} when it did not
   *     change
   * @param groups the rows, in runs that are shown or folded
   * @param coarse some paragraphs were compared whole, not word by word
   * @param previousHref the previous change's diff, or {@code null}
   * @param nextHref the next change's diff, or {@code null}
   * @param firstToLatest this is the first-to-latest diff, not a single change
   * @param sideBySideHref the side-by-side view of this diff (a file name in the same folder)
   * @param inlineHref the inline view of this diff (a file name in the same folder)
   */
  public record DiffPage(DocumentRef document, int from, int to, String fromHref,
      String toHref, String fromExact, String fromIso, String toExact, String toIso,
      String later, int wordsAdded, int wordsRemoved, int movedBlocks, boolean coarse,
      HeadlineView headline, List<RowGroup> groups, String previousHref, String nextHref,
      boolean firstToLatest, String sideBySideHref, String inlineHref) {}

  /** The old and new headline, each as marked segments. */
  public record HeadlineView(List<SegmentView> oldSegments, List<SegmentView> newSegments) {}

  /**
   * A run of rows: unchanged runs long enough are folded (shown inside a collapsed
   * {@code <details>}), everything else is shown.
   */
  public record RowGroup(boolean folded, int size, List<RowView> rows) {}

  /**
   * A row of the side-by-side view.
   *
   * @param kind "same", "changed", "removed", "added", "moved-from", "moved-to", "split" or
   *     "merged"
   * @param oldCell the old side, or {@code null} when the old side is empty
   * @param newCell the new side, or {@code null} when the new side is empty
   * @param moveId for moved rows, the number shared by their two places; else 0
   * @param cosmetic the two versions differ only in quotes, dashes or spacing; its words are
   *     not in the counts (a template may show or hide its marks)
   * @param edited a moved block whose words changed too (its cells carry marks)
   * @param continued a further part of a split or merged paragraph (one side is empty)
   * @param inline the row as one column for the inline view: kept, removed and added runs
   */
  public record RowView(String kind, CellView oldCell, CellView newCell, int moveId,
      boolean cosmetic, boolean edited, boolean continued, List<SegmentView> inline) {
    // Tests of kind for templates, cheaper there than string comparisons (see BlockView).

    public boolean split() {
      return kind.equals("split");
    }

    public boolean merged() {
      return kind.equals("merged");
    }

    public boolean movedFrom() {
      return kind.equals("moved-from");
    }
  }

  /** One side of a row: a block, as marked segments. */
  public record CellView(String kind, int level, List<SegmentView> segments) {
    /** Whether the block is a heading (see BlockView#paragraph for why not compare kind). */
    public boolean heading() {
      return kind.equals("heading");
    }
  }

  /**
   * A run of text.
   *
   * @param mark "same", "removed" or "added"
   */
  public record SegmentView(String text, String mark) {
    /** Whether the run was removed (see BlockView#paragraph for why not compare mark). */
    public boolean removed() {
      return mark.equals("removed");
    }

    /** Whether the run was added. */
    public boolean added() {
      return mark.equals("added");
    }
  }
}
