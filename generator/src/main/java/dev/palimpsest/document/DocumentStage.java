package dev.palimpsest.document;

import dev.palimpsest.Problem;
import dev.palimpsest.diff.BlockDiff;
import dev.palimpsest.diff.Cell;
import dev.palimpsest.diff.Diff;
import dev.palimpsest.diff.DiffRow;
import dev.palimpsest.diff.Inline;
import dev.palimpsest.diff.InlineDiff;
import dev.palimpsest.diff.Segment;
import dev.palimpsest.diff.WordDiff;
import dev.palimpsest.document.DocumentViews.BlockView;
import dev.palimpsest.document.DocumentViews.CellView;
import dev.palimpsest.document.DocumentViews.DiffPage;
import dev.palimpsest.document.DocumentViews.DocumentRef;
import dev.palimpsest.document.DocumentViews.HeadlineView;
import dev.palimpsest.document.DocumentViews.HistoryPage;
import dev.palimpsest.document.DocumentViews.RowGroup;
import dev.palimpsest.document.DocumentViews.RowView;
import dev.palimpsest.document.DocumentViews.SegmentView;
import dev.palimpsest.document.DocumentViews.VersionItem;
import dev.palimpsest.document.DocumentViews.VersionPage;
import dev.palimpsest.normalise.Block;
import dev.palimpsest.normalise.Format;
import dev.palimpsest.normalise.NormalisedText;
import dev.palimpsest.normalise.Normaliser;
import dev.palimpsest.normalise.UnusableSnapshotException;
import dev.palimpsest.read.DocumentInput;
import dev.palimpsest.read.SnapshotFile;
import dev.palimpsest.read.SourceInput;
import dev.palimpsest.render.FeedEntry;
import dev.palimpsest.render.Feeds;
import dev.palimpsest.render.PageContext;
import dev.palimpsest.render.Templates;
import dev.palimpsest.render.TimeText;
import dev.palimpsest.render.WebUrl;
import dev.palimpsest.write.SiteOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * The document stage: one document's snapshots in, its pages (history, versions, diffs, feed)
 * written and a small {@link DocumentSummary} out. Holds one document's history at a time and
 * nothing between calls, so documents can be built in parallel.
 */
public final class DocumentStage {
  /** Larger snapshots are refused rather than risk the build's memory. */
  static final long MAX_SNAPSHOT_BYTES = 64L * 1024 * 1024;
  /** Unchanged runs longer than this many rows are folded, keeping one row of context. */
  private static final int FOLD_AT = 4;

  private final Templates templates;
  private final Feeds feeds;
  private final String siteTitle;
  private final Instant now;
  private final boolean pagesInParallel;

  /**
   * @param pagesInParallel whether a document's diffs and version pages are built on all cores;
   *     worth it when only a few documents are built, as after one new snapshot, and not when
   *     documents are already built side by side
   */
  public DocumentStage(Templates templates, Feeds feeds, String siteTitle, Instant now,
      boolean pagesInParallel) {
    this.templates = Objects.requireNonNull(templates);
    this.feeds = Objects.requireNonNull(feeds);
    this.siteTitle = Objects.requireNonNull(siteTitle);
    this.now = Objects.requireNonNull(now);
    this.pagesInParallel = pagesInParallel;
  }

  /** A step of a document's build that writes pages. */
  @FunctionalInterface
  private interface PageStep<R> {
    R run(int index) throws IOException;
  }

  /**
   * Runs {@code step} for 0 to {@code count - 1}, on all cores when {@link #pagesInParallel};
   * the results come back in index order, so the pages do not depend on which finished first.
   */
  private <R> List<R> forEach(int count, PageStep<R> step) throws IOException {
    IntStream indices = IntStream.range(0, count);
    try {
      return (pagesInParallel ? indices.parallel() : indices).mapToObj(i -> {
        try {
          return step.run(i);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Builds one document's pages into {@code out}.
   *
   * @param previous what the last build made of the document, when the current site has its
   *     pages: the diff and version pages whose keys are the same are left as they are
   */
  public DocumentResult build(SourceInput source, DocumentInput input, SiteOutput out,
      Optional<PreviousBuild> previous) throws IOException {
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    List<Version> versions = readVersions(input, problems, warnings);
    if (versions.isEmpty()) {
      return new DocumentResult(Optional.empty(), problems, warnings, List.of(), List.of(),
          List.of());
    }
    Version latest = versions.get(versions.size() - 1);
    String title = Optional.ofNullable(input.settings().title())
        .or(() -> Optional.ofNullable(latest.text().headline()))
        .orElse(input.folderName());
    String dir = source.name() + "/" + input.name() + "/";
    DocumentRef ref = new DocumentRef(title, source.displayName(), "../index.html",
        "index.html", "feed.xml");
    DocumentFiles files = new DocumentFiles(out, dir);

    int count = versions.size();
    // Step i < count - 1 writes the diff from version i + 1 to i + 2; then the first-to-latest
    // diff when there are more than two versions; then the version pages.
    int diffs = count - 1 + (count > 2 ? 1 : 0);
    List<Long> keys = pageKeys(versions, ref);
    KeptPages kept = previous.isPresent()
        ? keptPages(previous.get(), files, keys, count) : KeptPages.NONE;
    List<WrittenDiff> written = forEach(diffs + count, i -> {
      if (kept.steps().contains(i)) {
        return kept.changes().get(i);
      } else if (i < count - 1) {
        return writeDiff(files, ref, versions.get(i), versions.get(i + 1), count, false);
      } else if (i < diffs) {
        writeDiff(files, ref, versions.get(0), latest, count, true);
      } else {
        writeVersion(files, ref, versions.get(i - diffs), count);
      }
      return null;
    });
    List<ChangeSummary> changes = new ArrayList<>();
    List<FeedExcerpt> excerpts = new ArrayList<>();
    for (WrittenDiff diff : written.subList(0, count - 1)) {
      changes.add(diff.change());
      excerpts.add(diff.excerpt());
    }
    Instant lastChecked = latest.lastSeen();
    DocumentSummary summary = new DocumentSummary(source.name(), input.name(), title,
        versions.get(0).firstSeen(), latest.firstSeen(), lastChecked, versions.size(),
        input.settings().frozen(), changes);
    writeHistory(files, ref, summary, versions, input.settings().url());
    writeFeed(files, summary, excerpts);
    return new DocumentResult(Optional.of(summary), problems, warnings, files.names(), keys,
        excerpts);
  }

  /**
   * The pages of each step of a document with this many versions (see {@link #build}): a
   * diff's two pages, or a version's page.
   */
  private static List<List<String>> stepPages(int count) {
    List<List<String>> pages = new ArrayList<>();
    for (int a = 1; a < count; a++) {
      pages.add(diffPages(a, a + 1));
    }
    if (count > 2) {
      pages.add(diffPages(1, count));
    }
    for (int n = 1; n <= count; n++) {
      pages.add(List.of("versions/" + n + ".html"));
    }
    return pages;
  }

  private static List<String> diffPages(int a, int b) {
    return List.of("diffs/" + a + "-" + b + ".html", "diffs/" + a + "-" + b + ".inline.html");
  }

  /** The key of each step's pages, in step order. */
  private static List<Long> pageKeys(List<Version> versions, DocumentRef ref) {
    int count = versions.size();
    List<byte[]> digests = versions.stream().map(v -> PageKeys.digest(v.text())).toList();
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < count - 1; i++) {
      keys.add(PageKeys.diff(digests.get(i), digests.get(i + 1), i + 1, i + 2,
          versions.get(i).firstSeen(), versions.get(i + 1).firstSeen(), i > 0, i + 2 < count,
          false, ref.title(), ref.sourceName()));
    }
    if (count > 2) {
      keys.add(PageKeys.diff(digests.get(0), digests.get(count - 1), 1, count,
          versions.get(0).firstSeen(), versions.get(count - 1).firstSeen(), false, false, true,
          ref.title(), ref.sourceName()));
    }
    for (int i = 0; i < count; i++) {
      keys.add(PageKeys.version(digests.get(i), i + 1, versions.get(i).firstSeen(),
          i + 1 < count, ref.title(), ref.sourceName()));
    }
    return keys;
  }

  /**
   * Steps whose pages stay as the current site has them.
   *
   * @param steps the steps (see {@link #build})
   * @param changes for those of them that are diffs between consecutive versions, the change
   *     and its feed excerpt, by step
   */
  private record KeptPages(Set<Integer> steps, Map<Integer, WrittenDiff> changes) {
    static final KeptPages NONE = new KeptPages(Set.of(), Map.of());
  }

  /**
   * The steps whose pages the last build gave the same key, and which the current site has:
   * they would come out the same. A consecutive diff's change comes from the last build's
   * summary and its excerpt from the document's feed in the current site; one whose excerpt is
   * not found there is written again.
   */
  private static KeptPages keptPages(PreviousBuild previous, DocumentFiles files,
      List<Long> keys, int count) throws IOException {
    DocumentSummary before = previous.summary();
    List<List<String>> beforePages = stepPages(before.versions());
    if (beforePages.size() != previous.pageKeys().size()
        || before.changes().size() != before.versions() - 1) {
      return KeptPages.NONE;
    }
    Map<List<String>, Long> beforeKeys = new HashMap<>();
    for (int i = 0; i < beforePages.size(); i++) {
      beforeKeys.put(beforePages.get(i), previous.pageKeys().get(i));
    }
    List<List<String>> pages = stepPages(count);
    List<Integer> same = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < pages.size(); i++) {
      if (keys.get(i).equals(beforeKeys.get(pages.get(i)))) {
        same.add(i);
        if (i < count - 1) {
          ids.add(feedId(before, before.changes().get(i)));
        }
      }
    }
    if (same.isEmpty()) {
      return KeptPages.NONE;
    }
    Map<String, String> excerpts = Map.of();
    if (!ids.isEmpty()) {
      try {
        // Back into the feed they come from: not cleaned again, unlike those that the site
        // and source feeds take from it.
        excerpts = Feeds.entryHtml(files.readCurrent("feed.xml"), ids::contains,
            files.dir() + "feed.xml");
      } catch (IOException e) {
        // No feed to take them from (or not a readable one): those diffs are written again.
      }
    }
    Set<Integer> steps = new HashSet<>();
    Map<Integer, WrittenDiff> changes = new HashMap<>();
    List<String> kept = new ArrayList<>();
    for (int i : same) {
      if (i < count - 1) {
        ChangeSummary change = before.changes().get(i);
        String excerpt = excerpts.get(feedId(before, change));
        if (excerpt == null) {
          continue;
        }
        changes.put(i, new WrittenDiff(change, new FeedExcerpt(excerpt, false)));
      }
      steps.add(i);
      kept.addAll(pages.get(i));
    }
    try {
      files.keep(kept);
    } catch (NoSuchFileException e) {
      // The site lost some of them since: all are written again.
      return KeptPages.NONE;
    }
    return new KeptPages(steps, changes);
  }

  /**
   * Writes a document's files into the site and keeps their names, which the build cache
   * records: listing the folder afterwards cost a walk of the file system per document.
   */
  private static final class DocumentFiles {
    private final SiteOutput out;
    private final String dir;
    private final Queue<String> names = new ConcurrentLinkedQueue<>();

    DocumentFiles(SiteOutput out, String dir) {
      this.out = out;
      this.dir = dir;
    }

    /** Writes the file at {@code path} from the site root, which lies in this folder. */
    void writeText(String path, SiteOutput.TextContent content) throws IOException {
      out.writeText(path, content);
      names.add(path.substring(dir.length()));
    }

    /**
     * Keeps files of the current site in this folder (paths relative to it), all or none.
     *
     * @throws NoSuchFileException when the current site lacks one of them
     */
    void keep(List<String> kept) throws IOException {
      if (!kept.isEmpty()) {
        out.keep(dir.substring(0, dir.length() - 1), kept);
        names.addAll(kept);
      }
    }

    /** A file of this folder as the current site has it. */
    byte[] readCurrent(String name) throws IOException {
      return out.read(dir + name);
    }

    /** The document's folder from the site root, ending in "/". */
    String dir() {
      return dir;
    }

    List<String> names() {
      return names.stream().sorted().toList();
    }
  }

  /**
   * Normalises each snapshot in time order; a snapshot whose text equals the previous version's
   * only extends that version.
   */
  private List<Version> readVersions(DocumentInput input, List<Problem> problems,
      List<Problem> warnings) throws IOException {
    // Each snapshot is read on its own (on all cores when the document is built alone), and
    // the results are taken in capture order, so the versions and problems are the same.
    List<SnapshotFile> snapshots = input.snapshots();
    List<Normalised> read = forEach(snapshots.size(),
        i -> normalise(input, snapshots.get(i)));
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < snapshots.size(); i++) {
      Normalised normalised = read.get(i);
      normalised.problem().ifPresent(problems::add);
      normalised.warning().ifPresent(warnings::add);
      if (normalised.text().isEmpty()) {
        continue;
      }
      NormalisedText text = normalised.text().get();
      Instant time = snapshots.get(i).time();
      Version previous = versions.isEmpty() ? null : versions.get(versions.size() - 1);
      if (previous != null && previous.text().equals(text)) {
        versions.set(versions.size() - 1, previous.seenAgain(time));
      } else {
        versions.add(new Version(versions.size() + 1, time, time, text));
      }
    }
    return versions;
  }

  /** One snapshot read: its text, or the problem that kept it out, and any warning. */
  private record Normalised(Optional<NormalisedText> text, Optional<Problem> problem,
      Optional<Problem> warning) {
    static Normalised failed(Problem problem) {
      return new Normalised(Optional.empty(), Optional.of(problem), Optional.empty());
    }
  }

  private static Normalised normalise(DocumentInput input, SnapshotFile snapshot) {
    try {
      long size = Files.size(snapshot.path());
      if (size > MAX_SNAPSHOT_BYTES) {
        return Normalised.failed(new Problem(snapshot.path(), "too large ("
            + size / (1024 * 1024) + " MiB; the limit is " + MAX_SNAPSHOT_BYTES / (1024 * 1024)
            + " MiB)"));
      }
      byte[] content = Files.readAllBytes(snapshot.path());
      NormalisedText text = Normaliser.normalise(snapshot.format(), content,
          input.settings().normaliseOptions());
      // HTML declares its own charset; text and Markdown must be UTF-8, read leniently.
      Optional<Problem> warning = snapshot.format() != Format.HTML && !isUtf8(content)
          ? Optional.of(new Problem(snapshot.path(),
              "not valid UTF-8; the broken bytes are shown as U+FFFD"))
          : Optional.empty();
      return new Normalised(Optional.of(text), Optional.empty(), warning);
    } catch (UnusableSnapshotException e) {
      return Normalised.failed(new Problem(snapshot.path(), e.getMessage()));
    } catch (IOException e) {
      return Normalised.failed(new Problem(snapshot.path(), "unreadable: " + e.getMessage()));
    }
  }

  private static boolean isUtf8(byte[] content) {
    // Decoded through a small buffer, only to see whether it can be: the text is not kept.
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(content);
    CharBuffer sink = CharBuffer.allocate(4096);
    while (true) {
      CoderResult result = decoder.decode(in, sink, true);
      if (result.isError()) {
        return false;
      }
      if (result.isUnderflow()) {
        return !decoder.flush(sink).isError();
      }
      sink.clear();
    }
  }

  /** A change as its diff pages were written, with its feed excerpt. */
  private record WrittenDiff(ChangeSummary change, FeedExcerpt excerpt) {}

  private WrittenDiff writeDiff(DocumentFiles out, DocumentRef ref, Version from, Version to,
      int count, boolean firstToLatest) throws IOException {
    String dir = out.dir();
    Diff diff = BlockDiff.compare(from.text().blocks(), to.text().blocks());
    String oldHeadline = Objects.requireNonNullElse(from.text().headline(), "");
    String newHeadline = Objects.requireNonNullElse(to.text().headline(), "");
    InlineDiff headline = oldHeadline.equals(newHeadline) ? null
        : WordDiff.compare(oldHeadline, newHeadline);
    int added = diff.wordsAdded() + (headline == null ? 0 : headline.wordsAdded());
    int removed = diff.wordsRemoved() + (headline == null ? 0 : headline.wordsRemoved());
    int a = from.number();
    int b = to.number();
    String path = dir + "diffs/" + a + "-" + b + ".html";
    boolean hasPrevious = !firstToLatest && a > 1;
    boolean hasNext = !firstToLatest && b < count;
    DiffPage page = new DiffPage(ref.fromSubfolder(), a, b, "../versions/" + a + ".html",
        "../versions/" + b + ".html", TimeText.exact(from.firstSeen()),
        TimeText.iso(from.firstSeen()), TimeText.exact(to.firstSeen()),
        TimeText.iso(to.firstSeen()), TimeText.later(from.firstSeen(), to.firstSeen()),
        added, removed, diff.movedBlocks(), diff.coarse() || headline != null
            && headline.coarse(),
        headline == null ? null : new HeadlineView(segments(headline.oldSegments()),
            segments(headline.newSegments())),
        groups(diff.rows()),
        hasPrevious ? (a - 1) + "-" + a + ".html" : null,
        hasNext ? b + "-" + (b + 1) + ".html" : null,
        firstToLatest, a + "-" + b + ".html", a + "-" + b + ".inline.html");
    String title = ref.title() + ": " + (firstToLatest ? "first to latest version"
        : "version " + a + " to " + b);
    out.writeText(path, writer -> templates.render("diff.ftlh",
        context(dir, path, title).with("diff", page), writer));
    String inlinePath = dir + "diffs/" + page.inlineHref();
    out.writeText(inlinePath, writer -> templates.render("diff-inline.ftlh",
        context(dir, inlinePath, title + " (inline)").with("diff", page), writer));
    return new WrittenDiff(new ChangeSummary(a, b, from.firstSeen(), to.firstSeen(), added,
        removed, diff.movedBlocks()),
        new FeedExcerpt(ChangeExcerpt.of(diff, added, removed, headline != null), true));
  }

  private void writeVersion(DocumentFiles out, DocumentRef ref, Version version, int count)
      throws IOException {
    String dir = out.dir();
    int n = version.number();
    String path = dir + "versions/" + n + ".html";
    List<BlockView> blocks = views(version.text().blocks());
    VersionPage page = new VersionPage(ref.fromSubfolder(), n,
        TimeText.exact(version.firstSeen()), TimeText.iso(version.firstSeen()),
        version.text().headline(), blocks,
        n > 1 ? (n - 1) + ".html" : null,
        n < count ? (n + 1) + ".html" : null,
        n > 1 ? "../diffs/" + (n - 1) + "-" + n + ".html" : null);
    out.writeText(path, writer -> templates.render("version.ftlh",
        context(dir, path, ref.title() + ": version " + n).with("version", page), writer));
  }

  private void writeHistory(DocumentFiles out, DocumentRef ref, DocumentSummary summary,
      List<Version> versions, String url) throws IOException {
    String dir = out.dir();
    List<VersionItem> items = new ArrayList<>();
    for (int i = versions.size() - 1; i >= 0; i--) {
      Version version = versions.get(i);
      ChangeSummary change = i == 0 ? null : summary.changes().get(i - 1);
      items.add(new VersionItem(version.number(), "versions/" + version.number() + ".html",
          TimeText.exact(version.firstSeen()), TimeText.iso(version.firstSeen()),
          version.text().headline(),
          change == null ? null : change.diffPath(),
          change == null ? null : TimeText.later(change.fromTime(), change.toTime()),
          change == null ? 0 : change.wordsAdded(),
          change == null ? 0 : change.wordsRemoved(),
          change == null ? 0 : change.movedBlocks()));
    }
    HistoryPage page = new HistoryPage(ref, TimeText.date(summary.firstSeen()),
        TimeText.iso(summary.firstSeen()), TimeText.ago(summary.lastChanged(), now),
        TimeText.exact(summary.lastChanged()), TimeText.iso(summary.lastChanged()),
        TimeText.exact(summary.lastChecked()), TimeText.iso(summary.lastChecked()),
        summary.frozen(), WebUrl.linkable(url), summary.changes().size(), items,
        versions.size() > 2 ? "diffs/1-" + versions.size() + ".html" : null);
    String path = dir + "index.html";
    out.writeText(path, writer -> templates.render("document.ftlh",
        context(dir, path, ref.title()).with("history", page), writer));
  }

  private void writeFeed(DocumentFiles out, DocumentSummary summary,
      List<FeedExcerpt> excerpts) throws IOException {
    String dir = out.dir();
    List<FeedEntry> entries = new ArrayList<>();
    for (int i = summary.changes().size() - 1; i >= 0; i--) {
      entries.add(feedEntry(summary, summary.changes().get(i), excerpts.get(i).html()));
    }
    out.writeText(dir + "feed.xml", writer -> feeds.write(summary.title() + " · " + siteTitle,
        "Changes to " + summary.title(), dir + "feed.xml", dir + "index.html", entries,
        summary.lastChanged(), false, writer));
  }

  /** The feed entry of a change, the same in the document, source and site feeds. */
  public static FeedEntry feedEntry(DocumentSummary document, ChangeSummary change,
      String excerptHtml) {
    return new FeedEntry(feedId(document, change), document.title() + ": version "
        + change.to(), document.path() + change.diffPath(), change.toTime(), excerptHtml);
  }

  /** The stable id of a change's feed entry. */
  public static String feedId(DocumentSummary document, ChangeSummary change) {
    return "urn:palimpsest:change:" + document.source() + "/" + document.name() + "/"
        + change.to();
  }

  /** Where the feed of a document is, from the site root. */
  public static String feedPath(DocumentSummary document) {
    return document.path() + "feed.xml";
  }

  private PageContext context(String dir, String path, String title) {
    return PageContext.of(siteTitle, path, title, dir + "feed.xml");
  }


  /**
   * Blocks as the version page shows them. Headings get page levels h2-h6 that follow their
   * outline without skipping a level (snapshots often jump from h1 to h4, which HTML forbids).
   */
  static List<BlockView> views(List<Block> blocks) {
    List<BlockView> views = new ArrayList<>(blocks.size());
    Deque<Integer> outline = new ArrayDeque<>();
    for (Block block : blocks) {
      int level = 0;
      if (block.kind() == Block.Kind.HEADING) {
        while (!outline.isEmpty() && outline.peek() >= block.level()) {
          outline.pop();
        }
        outline.push(block.level());
        level = Math.min(outline.size() + 1, 6);
      }
      views.add(new BlockView(kindName(block.kind()), level, block.text()));
    }
    return views;
  }

  private static String kindName(Block.Kind kind) {
    return switch (kind) {
      case HEADING -> "heading";
      case PARAGRAPH -> "paragraph";
      case LIST_ITEM -> "item";
      case QUOTE -> "quote";
      case PREFORMATTED -> "preformatted";
      case TABLE_ROW -> "row";
    };
  }

  /** Rows in runs: long unchanged runs are folded, keeping a row of context by each change. */
  static List<RowGroup> groups(List<DiffRow> rows) {
    List<RowView> views = rowViews(rows);
    List<RowGroup> groups = new ArrayList<>();
    List<RowView> shown = new ArrayList<>();
    int i = 0;
    while (i < rows.size()) {
      if (rows.get(i).kind() != DiffRow.Kind.SAME) {
        shown.add(views.get(i));
        i++;
        continue;
      }
      int end = i;
      while (end < rows.size() && rows.get(end).kind() == DiffRow.Kind.SAME) {
        end++;
      }
      int contextBefore = i == 0 ? 0 : 1;
      int contextAfter = end == rows.size() ? 0 : 1;
      if (end - i > FOLD_AT) {
        shown.addAll(views.subList(i, i + contextBefore));
        flush(groups, shown);
        List<RowView> folded = views.subList(i + contextBefore, end - contextAfter);
        groups.add(new RowGroup(true, folded.size(), List.copyOf(folded)));
        shown.addAll(views.subList(end - contextAfter, end));
      } else {
        shown.addAll(views.subList(i, end));
      }
      i = end;
    }
    flush(groups, shown);
    return groups;
  }

  /** The view of each row, in order. */
  private static List<RowView> rowViews(List<DiffRow> rows) {
    List<List<Segment>> inline = Inline.rows(rows);
    // Both places of a move that was edited are marked, though only one may carry word marks.
    Set<Integer> editedMoves = new HashSet<>();
    for (DiffRow row : rows) {
      if (row.moveId() > 0 && row.edited()) {
        editedMoves.add(row.moveId());
      }
    }
    List<RowView> views = new ArrayList<>(rows.size());
    for (int k = 0; k < rows.size(); k++) {
      views.add(view(rows.get(k), inline.get(k), editedMoves));
    }
    return views;
  }

  private static void flush(List<RowGroup> groups, List<RowView> shown) {
    if (!shown.isEmpty()) {
      groups.add(new RowGroup(false, shown.size(), List.copyOf(shown)));
      shown.clear();
    }
  }

  private static RowView view(DiffRow row, List<Segment> inline, Set<Integer> editedMoves) {
    boolean split = row.kind() == DiffRow.Kind.SPLIT || row.kind() == DiffRow.Kind.MERGED;
    boolean moved = row.moveId() > 0;
    return new RowView(row.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        cell(row.oldCell()), cell(row.newCell()), row.moveId(), row.cosmetic(),
        moved && editedMoves.contains(row.moveId()), split && (row.oldCell() == null || row.newCell() == null),
        segments(inline));
  }

  private static CellView cell(Cell cell) {
    if (cell == null) {
      return null;
    }
    return new CellView(kindName(cell.block().kind()), cell.block().level(),
        segments(cell.segments()));
  }

  private static List<SegmentView> segments(List<Segment> segments) {
    return segments.stream()
        .map(s -> new SegmentView(s.text(), s.mark().name().toLowerCase(Locale.ROOT)))
        .toList();
  }
}
