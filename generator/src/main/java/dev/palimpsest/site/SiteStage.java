package dev.palimpsest.site;

import dev.palimpsest.document.ChangeSummary;
import dev.palimpsest.document.ChangeFeed;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.layout.SiteLayout;
import dev.palimpsest.read.SourceInput;
import dev.palimpsest.render.FeedEntry;
import dev.palimpsest.render.Feeds;
import dev.palimpsest.render.PageContext;
import dev.palimpsest.render.Templates;
import dev.palimpsest.render.TimeText;
import dev.palimpsest.render.WebUrl;
import dev.palimpsest.site.SiteViews.ChangeItem;
import dev.palimpsest.site.SiteViews.DocumentItem;
import dev.palimpsest.site.SiteViews.HomePage;
import dev.palimpsest.site.SiteViews.SourceItem;
import dev.palimpsest.site.SiteViews.SourcePage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import dev.palimpsest.write.SiteOutput;

/**
 * The site stage: the home page, source pages, site and source feeds, {@code changes.json},
 * the sitemaps and assets, built from document summaries alone.
 */
public final class SiteStage {
  /** Site and source feeds, and the home page, hold this many recent changes. */
  static final int RECENT = 50;

  /**
   * A source page lists at most this many documents; a larger source gets {@code index.html},
   * {@code page-2.html}, … so that no page grows with the number of documents.
   */
  public static final int DOCUMENTS_PER_PAGE = 100;

  private final Templates templates;
  private final Feeds feeds;
  private final String siteTitle;
  private final URI baseUrl;
  private final Instant now;

  public SiteStage(Templates templates, Feeds feeds, String siteTitle, URI baseUrl,
      Instant now) {
    this.templates = Objects.requireNonNull(templates);
    this.feeds = Objects.requireNonNull(feeds);
    this.siteTitle = Objects.requireNonNull(siteTitle);
    this.baseUrl = baseUrl;
    this.now = Objects.requireNonNull(now);
  }

  /**
   * What a rebuild may take from the current site.
   *
   * @param unchangedSources tells, by output name, the sources whose documents and their inputs
   *     are all as they were when the current site was built with the same options and
   *     templates: their feed and sitemaps are kept as they are, and so are their pages where
   *     no document's time relative to "now" reads otherwise
   * @param keptDocuments tells the documents whose pages and feed were kept
   * @param feedExcerpts the excerpts the current site's site and source feeds used, by feed id
   * @param builtAt the "now" the current site's pages were rendered with; {@code null} when
   *     there is nothing to take
   */
  public record CurrentSite(Predicate<String> unchangedSources,
      Predicate<DocumentSummary> keptDocuments, Map<String, String> feedExcerpts,
      Instant builtAt) {
    /** Nothing to take: a site built afresh. */
    public static final CurrentSite NONE = new CurrentSite(source -> false, document -> false,
        Map.of(), null);
  }

  /**
   * What the site stage wrote or kept.
   *
   * @param files the files, relative to the site root
   * @param feedExcerpts the excerpts the site and source feeds used, by feed id, for the next
   *     rebuild
   */
  public record Result(List<String> files, Map<String, String> feedExcerpts) {}

  /**
   * Writes the site-wide files, taking from the current site what {@code current} allows. A
   * source's pages depend only on its documents, the options and the templates; the caller
   * knows when none of them changed.
   *
   * @param sources the sources, with their output and display names
   * @param documents the summaries of every document that was built
   * @param recent excerpts the document stage offered, which the feeds take before reading
   *     any back from the document feeds
   */
  public Result build(List<SourceInput> sources, List<DocumentSummary> documents,
      SiteOutput out, CurrentSite current, RecentExcerpts recent) throws IOException {
    Map<String, SourceInput> sourcesByName = sources.stream()
        .collect(Collectors.toMap(SourceInput::name, Function.identity(),
            (a, b) -> a, LinkedHashMap::new));
    Map<String, List<DocumentSummary>> bySource = new LinkedHashMap<>();
    for (DocumentSummary document : documents) {
      bySource.computeIfAbsent(document.source(), s -> new ArrayList<>()).add(document);
    }
    FeedExcerpts excerpts = new FeedExcerpts(out, current.feedExcerpts(),
        current.keptDocuments(), recent);
    // Each file (or source) is a task of its own, and the tasks run on all cores: after one
    // new snapshot the site stage is a good part of a rebuild.
    List<FileTask> tasks = new ArrayList<>();
    List<SourceItem> sourceItems = new ArrayList<>();
    List<Sitemap.Listed> sitemaps = new ArrayList<>();
    sitemaps.add(new Sitemap.Listed(SiteLayout.SITEMAP_HOME, null));
    for (Map.Entry<String, List<DocumentSummary>> entry : bySource.entrySet()) {
      SourceInput source = sourcesByName.get(entry.getKey());
      List<DocumentSummary> sourceDocuments = entry.getValue();
      tasks.add(() -> {
        if (current.unchangedSources().test(source.name())) {
          Optional<List<String>> kept = keepSource(out, source, sourceDocuments,
              current.builtAt());
          if (kept.isPresent()) {
            excerpts.keep(recent(changes(sourceDocuments)));
            return kept.get();
          }
        }
        return writeSource(out, source, sourceDocuments, excerpts);
      });
      Instant lastChanged = sourceDocuments.stream().map(DocumentSummary::lastChanged)
          .max(Comparator.naturalOrder()).orElseThrow();
      sourceItems.add(new SourceItem(source.displayName(),
          SiteLayout.sourceFolder(source.name()) + SiteLayout.sourcePage(1),
          source.description(), sourceDocuments.size(), TimeText.exact(lastChanged),
          TimeText.iso(lastChanged)));
      for (String sitemap : Sitemap.sourceFiles(sourceDocuments, Sitemap.MAX_URLS)) {
        sitemaps.add(new Sitemap.Listed(SiteLayout.sourceFolder(source.name()) + sitemap,
            lastChanged));
      }
    }
    sourceItems.sort(Comparator.comparing(SourceItem::name, String.CASE_INSENSITIVE_ORDER)
        .thenComparing(SourceItem::href));

    List<Change> all = changes(documents);
    tasks.add(() -> {
      HomePage home = new HomePage(siteTitle,
          items(all.subList(0, Math.min(RECENT, all.size())), sourcesByName, ""),
          sourceItems, documents.size(), all.size());
      out.writeText(SiteLayout.HOME, writer -> templates.render("index.ftlh",
          PageContext.of(siteTitle, SiteLayout.HOME, siteTitle, SiteLayout.SITE_RSS)
              .with("home", home), writer));
      return List.of(SiteLayout.HOME);
    });
    tasks.add(() -> {
      List<FeedEntry> recentEntries = entries(all, excerpts);
      Instant updated = all.isEmpty() ? now : all.get(0).change().toTime();
      String description = "Changes to the documents tracked by " + siteTitle;
      out.writeText(SiteLayout.SITE_RSS, writer -> feeds.write(siteTitle, description,
          SiteLayout.SITE_RSS, SiteLayout.HOME, recentEntries, updated, false, writer));
      out.writeText(SiteLayout.SITE_ATOM, writer -> feeds.write(siteTitle, description,
          SiteLayout.SITE_ATOM, SiteLayout.HOME, recentEntries, updated, true, writer));
      return List.of(SiteLayout.SITE_RSS, SiteLayout.SITE_ATOM);
    });
    tasks.add(() -> {
      out.write(SiteLayout.CHANGES, stream -> ChangesJson.write(all, now, stream));
      return List.of(SiteLayout.CHANGES);
    });
    tasks.add(() -> {
      out.writeText(SiteLayout.SITEMAP_INDEX, xml -> Sitemap.writeIndex(baseUrl, sitemaps,
          xml));
      out.writeText(SiteLayout.SITEMAP_HOME, xml -> Sitemap.writeHome(baseUrl, xml));
      return List.of(SiteLayout.SITEMAP_INDEX, SiteLayout.SITEMAP_HOME);
    });
    tasks.add(() -> {
      List<String> assets = new ArrayList<>();
      for (Map.Entry<String, byte[]> asset : templates.assets().entrySet()) {
        out.write(asset.getKey(), asset.getValue());
        assets.add(asset.getKey());
      }
      return assets;
    });
    List<String> files = runAll(tasks);
    return new Result(files, excerpts.used());
  }

  /** Writes some files of the site; returns their paths. */
  @FunctionalInterface
  private interface FileTask {
    List<String> write() throws IOException;
  }

  /** Runs the tasks on all cores; returns the paths they wrote, in task order. */
  private static List<String> runAll(List<FileTask> tasks) throws IOException {
    try {
      return tasks.parallelStream().map(task -> {
        try {
          return task.write();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).flatMap(List::stream).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Keeps the feed and sitemaps of a source whose documents are all as they were, and those of
   * its pages on which no document's time relative to "now" reads otherwise since
   * {@code builtAt}; writes the others. Returns the paths of all its files, or nothing when the
   * current site lacks one of those to keep.
   */
  private Optional<List<String>> keepSource(SiteOutput out, SourceInput source,
      List<DocumentSummary> documents, Instant builtAt) throws IOException {
    List<DocumentSummary> ordered = inPageOrder(documents);
    int pageCount = pageCount(ordered.size());
    List<Integer> toWrite = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int page = 1; page <= pageCount; page++) {
      List<DocumentSummary> onPage = page(ordered, page);
      if (onPage.stream().allMatch(d -> TimeText.ago(d.lastChanged(), builtAt)
          .equals(TimeText.ago(d.lastChanged(), now)))) {
        names.add(SiteLayout.sourcePage(page));
      } else {
        toWrite.add(page);
      }
    }
    names.add(SiteLayout.SOURCE_FEED);
    names.addAll(Sitemap.sourceFiles(documents, Sitemap.MAX_URLS));
    try {
      out.keep(source.name(), names);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    List<DocumentItem> items = items(ordered);
    List<String> files = new ArrayList<>();
    for (String name : names) {
      files.add(SiteLayout.sourceFolder(source.name()) + name);
    }
    for (int page : toWrite) {
      files.add(writeSourcePage(out, source, items, page));
    }
    return Optional.of(files);
  }

  /** Writes the pages, feed and sitemaps of a source; returns their paths. */
  private List<String> writeSource(SiteOutput out, SourceInput source,
      List<DocumentSummary> documents, FeedExcerpts excerpts) throws IOException {
    String dir = SiteLayout.sourceFolder(source.name());
    List<String> written = new ArrayList<>();
    List<DocumentSummary> ordered = inPageOrder(documents);
    List<DocumentItem> items = items(ordered);
    for (int page = 1; page <= pageCount(items.size()); page++) {
      written.add(writeSourcePage(out, source, items, page));
    }
    List<Change> changes = changes(documents);
    List<FeedEntry> entries = entries(changes, excerpts);
    Instant updated = changes.isEmpty() ? ordered.get(0).lastChanged()
        : changes.get(0).change().toTime();
    String feed = dir + SiteLayout.SOURCE_FEED;
    out.writeText(feed, writer -> feeds.write(source.displayName() + " · "
        + siteTitle, "Changes to the documents of " + source.displayName(), feed,
        dir + SiteLayout.sourcePage(1), entries, updated, false, writer));
    written.add(feed);
    written.addAll(Sitemap.writeSource(out, baseUrl, source.name(), documents,
        Sitemap.MAX_URLS));
    return written;
  }

  /** A source's documents as its pages list them: most recently changed first, then by name. */
  private static List<DocumentSummary> inPageOrder(List<DocumentSummary> documents) {
    List<DocumentSummary> ordered = new ArrayList<>(documents);
    ordered.sort(Comparator.comparing(DocumentSummary::lastChanged).reversed()
        .thenComparing(DocumentSummary::name));
    return ordered;
  }

  /** The items of page {@code page} (from 1) of a list in page order. */
  private static <T> List<T> page(List<T> ordered, int page) {
    int from = (page - 1) * DOCUMENTS_PER_PAGE;
    return ordered.subList(from, Math.min(ordered.size(), from + DOCUMENTS_PER_PAGE));
  }

  private List<DocumentItem> items(List<DocumentSummary> ordered) {
    return ordered.stream().map(d -> new DocumentItem(d.title(),
        d.name() + "/" + SiteLayout.HISTORY, d.versions(), d.changes().size(),
        TimeText.exact(d.lastChanged()), TimeText.iso(d.lastChanged()),
        TimeText.ago(d.lastChanged(), now), d.frozen())).toList();
  }

  /** Writes page {@code page} of a source's document list; returns its path. */
  private String writeSourcePage(SiteOutput out, SourceInput source, List<DocumentItem> items,
      int page) throws IOException {
    String dir = SiteLayout.sourceFolder(source.name());
    int pageCount = pageCount(items.size());
    String path = dir + SiteLayout.sourcePage(page);
    SourcePage view = new SourcePage(source.displayName(), source.description(),
        WebUrl.linkable(source.url()), page(items, page), items.size(), page, pageCount,
        page > 1 ? SiteLayout.sourcePage(page - 1) : null,
        page < pageCount ? SiteLayout.sourcePage(page + 1) : null,
        (page - 1) * DOCUMENTS_PER_PAGE + 1);
    String title = pageCount > 1 && page > 1
        ? source.displayName() + " (page " + page + ")" : source.displayName();
    out.writeText(path, writer -> templates.render("source.ftlh",
        PageContext.of(siteTitle, path, title, dir + SiteLayout.SOURCE_FEED)
            .with("source", view), writer));
    return path;
  }

  /** How many source pages a source with this many documents gets (at least one). */
  static int pageCount(int documents) {
    return Math.max(1, (documents + DOCUMENTS_PER_PAGE - 1) / DOCUMENTS_PER_PAGE);
  }

  /** Every change of these documents, newest first; ties in a stable, reproducible order. */
  static List<Change> changes(List<DocumentSummary> documents) {
    List<Change> changes = new ArrayList<>();
    for (DocumentSummary document : documents) {
      for (ChangeSummary change : document.changes()) {
        changes.add(new Change(document, change));
      }
    }
    changes.sort(SiteStage::newestFirst);
    return changes;
  }

  /** Newest first; then by source, document and latest version, so ties sort the same way. */
  static int newestFirst(Change a, Change b) {
    int byTime = b.change().toTime().compareTo(a.change().toTime());
    if (byTime != 0) {
      return byTime;
    }
    int bySource = a.document().source().compareTo(b.document().source());
    if (bySource != 0) {
      return bySource;
    }
    int byName = a.document().name().compareTo(b.document().name());
    return byName != 0 ? byName : Integer.compare(b.change().to(), a.change().to());
  }

  /** The feed entries of the most recent of {@code changes}, with their excerpts. */
  private static List<FeedEntry> entries(List<Change> changes, FeedExcerpts excerpts)
      throws IOException {
    List<Change> recent = recent(changes);
    Map<String, String> byId = excerpts.of(recent);
    return recent.stream().map(c -> ChangeFeed.entry(c.document(), c.change(),
        byId.get(ChangeFeed.id(c.document(), c.change())))).toList();
  }

  /** The changes a feed republishes: the most recent. */
  private static List<Change> recent(List<Change> changes) {
    return changes.subList(0, Math.min(RECENT, changes.size()));
  }

  private List<ChangeItem> items(List<Change> changes, Map<String, SourceInput> sources,
      String root) {
    return changes.stream().map(c -> {
      DocumentSummary d = c.document();
      ChangeSummary change = c.change();
      return new ChangeItem(d.title(), root + d.path() + SiteLayout.HISTORY,
          sources.get(d.source()).displayName(),
          root + SiteLayout.sourceFolder(d.source()) + SiteLayout.sourcePage(1),
          change.to(), root + d.path() + change.diffPath(), TimeText.exact(change.toTime()),
          TimeText.iso(change.toTime()), TimeText.ago(change.toTime(), now),
          change.wordsAdded(), change.wordsRemoved(), change.movedBlocks());
    }).toList();
  }


  /** A change with the document it belongs to. */
  record Change(DocumentSummary document, ChangeSummary change) {}
}
