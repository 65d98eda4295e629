package dev.palimpsest.document;

import dev.palimpsest.diff.BlockDiff;
import dev.palimpsest.diff.Diff;
import dev.palimpsest.diff.InlineDiff;
import dev.palimpsest.diff.WordDiff;
import dev.palimpsest.document.DocumentViews.DiffPage;
import dev.palimpsest.document.DocumentViews.DocumentRef;
import dev.palimpsest.document.DocumentViews.HeadlineView;
import dev.palimpsest.document.DocumentViews.HistoryPage;
import dev.palimpsest.document.DocumentViews.VersionItem;
import dev.palimpsest.document.DocumentViews.VersionPage;
import dev.palimpsest.layout.SiteLayout;
import dev.palimpsest.render.FeedEntry;
import dev.palimpsest.render.Feeds;
import dev.palimpsest.render.PageContext;
import dev.palimpsest.render.Templates;
import dev.palimpsest.render.TimeText;
import dev.palimpsest.render.WebUrl;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a document's pages (its diffs, versions and history) and its feed through the
 * templates. Only the history page shows "now"-relative text.
 */
final class DocumentPages {
  private final Templates templates;
  private final Feeds feeds;
  private final String siteTitle;
  private final Instant now;

  DocumentPages(Templates templates, Feeds feeds, String siteTitle, Instant now) {
    this.templates = Objects.requireNonNull(templates);
    this.feeds = Objects.requireNonNull(feeds);
    this.siteTitle = Objects.requireNonNull(siteTitle);
    this.now = Objects.requireNonNull(now);
  }

  /** What every page of the document shows of it, with links from its folder. */
  static DocumentRef ref(String title, String sourceName) {
    return new DocumentRef(title, sourceName, "../" + SiteLayout.sourcePage(1),
        SiteLayout.HISTORY, SiteLayout.DOCUMENT_FEED);
  }

  /**
   * What the history page of {@code summary} says relative to {@code now}: when it last
   * changed, or nothing when it has not changed. The page is rendered again when this moves.
   */
  static String historyNowText(DocumentSummary summary, Instant now) {
    return summary.changes().isEmpty() ? "" : TimeText.ago(summary.lastChanged(), now);
  }

  /** Writes the side-by-side and inline pages of the diff between two versions. */
  WrittenDiff writeDiff(DocumentFiles out, DocumentRef ref, Version from, Version to,
      int count, boolean firstToLatest) throws IOException {
    Diff diff = BlockDiff.compare(from.text().blocks(), to.text().blocks());
    String oldHeadline = Objects.requireNonNullElse(from.text().headline(), "");
    String newHeadline = Objects.requireNonNullElse(to.text().headline(), "");
    InlineDiff headline = oldHeadline.equals(newHeadline) ? null
        : WordDiff.compare(oldHeadline, newHeadline);
    int added = diff.wordsAdded() + (headline == null ? 0 : headline.wordsAdded());
    int removed = diff.wordsRemoved() + (headline == null ? 0 : headline.wordsRemoved());
    int a = from.number();
    int b = to.number();
    boolean hasPrevious = !firstToLatest && a > 1;
    boolean hasNext = !firstToLatest && b < count;
    String name = SiteLayout.diff(a, b);
    String inlineName = SiteLayout.inlineDiff(a, b);
    DiffPage page = new DiffPage(ref.fromSubfolder(), a, b, "../" + SiteLayout.version(a),
        "../" + SiteLayout.version(b), TimeText.exact(from.firstSeen()),
        TimeText.iso(from.firstSeen()), TimeText.exact(to.firstSeen()),
        TimeText.iso(to.firstSeen()), TimeText.later(from.firstSeen(), to.firstSeen()),
        added, removed, diff.movedBlocks(), diff.coarse() || headline != null
            && headline.coarse(),
        headline == null ? null : new HeadlineView(PageViews.segments(headline.oldSegments()),
            PageViews.segments(headline.newSegments())),
        PageViews.groups(diff.rows()),
        hasPrevious ? fileName(SiteLayout.diff(a - 1, a)) : null,
        hasNext ? fileName(SiteLayout.diff(b, b + 1)) : null,
        firstToLatest, fileName(name), fileName(inlineName));
    String title = ref.title() + ": " + (firstToLatest ? "first to latest version"
        : "version " + a + " to " + b);
    render(out, name, "diff.ftlh", title, "diff", page);
    render(out, inlineName, "diff-inline.ftlh", title + " (inline)", "diff", page);
    return new WrittenDiff(new ChangeSummary(a, b, from.firstSeen(), to.firstSeen(), added,
        removed, diff.movedBlocks()),
        new FeedExcerpt(ChangeExcerpt.of(diff, added, removed, headline != null), true));
  }

  /** Writes the page of a version. */
  void writeVersion(DocumentFiles out, DocumentRef ref, Version version, int count)
      throws IOException {
    int n = version.number();
    VersionPage page = new VersionPage(ref.fromSubfolder(), n,
        TimeText.exact(version.firstSeen()), TimeText.iso(version.firstSeen()),
        version.text().headline(), PageViews.blocks(version.text().blocks()),
        n > 1 ? fileName(SiteLayout.version(n - 1)) : null,
        n < count ? fileName(SiteLayout.version(n + 1)) : null,
        n > 1 ? "../" + SiteLayout.diff(n - 1, n) : null);
    render(out, SiteLayout.version(n), "version.ftlh", ref.title() + ": version " + n,
        "version", page);
  }

  /**
   * Writes the history page, from the document's summary and its versions' headlines alone, so
   * that it can be rendered again without the snapshots when only "now" moved.
   *
   * @param headlines each version's headline, oldest first; {@code null} where it has none
   * @param url the document's original address, if any
   */
  void writeHistory(DocumentFiles out, DocumentRef ref, DocumentSummary summary,
      List<String> headlines, String url) throws IOException {
    int count = summary.versions();
    List<VersionItem> items = new ArrayList<>();
    for (int n = count; n >= 1; n--) {
      ChangeSummary change = n == 1 ? null : summary.changes().get(n - 2);
      Instant firstSeen = change == null ? summary.firstSeen() : change.toTime();
      items.add(new VersionItem(n, SiteLayout.version(n), TimeText.exact(firstSeen),
          TimeText.iso(firstSeen), headlines.get(n - 1),
          change == null ? null : change.diffPath(),
          change == null ? null : TimeText.later(change.fromTime(), change.toTime()),
          change == null ? 0 : change.wordsAdded(),
          change == null ? 0 : change.wordsRemoved(),
          change == null ? 0 : change.movedBlocks()));
    }
    String nowText = historyNowText(summary, now);
    HistoryPage page = new HistoryPage(ref, TimeText.date(summary.firstSeen()),
        TimeText.iso(summary.firstSeen()), nowText.isEmpty() ? null : nowText,
        TimeText.exact(summary.lastChanged()), TimeText.iso(summary.lastChanged()),
        TimeText.exact(summary.lastChecked()), TimeText.iso(summary.lastChecked()),
        summary.frozen(), WebUrl.linkable(url), summary.changes().size(), items,
        count > 2 ? SiteLayout.diff(1, count) : null);
    render(out, SiteLayout.HISTORY, "document.ftlh", ref.title(), "history", page);
  }

  /** Writes the document's feed: every change, newest first. */
  void writeFeed(DocumentFiles out, DocumentSummary summary, List<FeedExcerpt> excerpts)
      throws IOException {
    List<FeedEntry> entries = new ArrayList<>();
    for (int i = summary.changes().size() - 1; i >= 0; i--) {
      entries.add(ChangeFeed.entry(summary, summary.changes().get(i), excerpts.get(i).html()));
    }
    String feedPath = out.dir() + SiteLayout.DOCUMENT_FEED;
    out.writeText(SiteLayout.DOCUMENT_FEED, writer -> feeds.write(summary.title() + " · "
        + siteTitle, "Changes to " + summary.title(), feedPath, out.dir() + SiteLayout.HISTORY,
        entries, summary.lastChanged(), false, writer));
  }

  /** Renders {@code template} into the file {@code name} of the document's folder. */
  private void render(DocumentFiles out, String name, String template, String title,
      String key, Object view) throws IOException {
    String path = out.dir() + name;
    Map<String, Object> model = PageContext.of(siteTitle, path, title,
        out.dir() + SiteLayout.DOCUMENT_FEED).with(key, view);
    out.writeText(name, writer -> templates.render(template, model, writer));
  }

  /** The last part of a path: links between pages of one folder. */
  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
