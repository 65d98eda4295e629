package dev.palimpsest.document;

import dev.palimpsest.Problem;
import dev.palimpsest.document.DocumentViews.DocumentRef;
import dev.palimpsest.layout.SiteLayout;
import dev.palimpsest.read.DocumentInput;
import dev.palimpsest.read.SourceInput;
import dev.palimpsest.render.Feeds;
import dev.palimpsest.render.Templates;
import dev.palimpsest.write.SiteOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The document stage: one document's snapshots in, its pages (history, versions, diffs, feed)
 * written and a small {@link DocumentSummary} out. Holds one document's history at a time and
 * nothing between calls, so documents can be built in parallel.
 *
 * <p>Its steps are classes of their own: {@link VersionReader} reads the snapshots into
 * versions, {@link PageReuse} tells which pages the current site already has as they would come
 * out, and {@link DocumentPages} renders the others.
 */
public final class DocumentStage {
  private final DocumentPages pages;
  private final Instant now;
  private final boolean pagesInParallel;

  /**
   * @param now the moment the history page's relative times are measured from
   * @param pagesInParallel whether a document's snapshots are read and its pages built on all
   *     cores; worth it when only a few documents are built, as after one new snapshot, and not
   *     when documents are already built side by side
   */
  public DocumentStage(Templates templates, Feeds feeds, String siteTitle, Instant now,
      boolean pagesInParallel) {
    this.pages = new DocumentPages(templates, feeds, siteTitle, now);
    this.now = now;
    this.pagesInParallel = pagesInParallel;
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
    List<Version> versions = VersionReader.read(input, pagesInParallel, problems, warnings);
    if (versions.isEmpty()) {
      return new DocumentResult(Optional.empty(), problems, warnings, List.of(), List.of(),
          List.of(), List.of());
    }
    Version latest = versions.get(versions.size() - 1);
    String title = Optional.ofNullable(input.settings().title())
        .or(() -> Optional.ofNullable(latest.text().headline()))
        .orElse(input.folderName());
    DocumentRef ref = DocumentPages.ref(title, source.displayName());
    DocumentFiles files = new DocumentFiles(out,
        SiteLayout.documentFolder(source.name(), input.name()));

    int count = versions.size();
    PageSteps steps = new PageSteps(count);
    List<Long> keys = PageReuse.keys(versions, ref.title(), ref.sourceName());
    PageReuse.Kept kept = previous.isPresent()
        ? PageReuse.kept(previous.get(), files, keys, count) : PageReuse.Kept.NONE;
    List<WrittenDiff> written = Steps.run(steps.size(), pagesInParallel, i -> {
      if (kept.steps().contains(i)) {
        return kept.changes().get(i);
      } else if (steps.isConsecutiveDiff(i)) {
        return pages.writeDiff(files, ref, versions.get(i), versions.get(i + 1), count, false);
      } else if (steps.isFirstToLatest(i)) {
        pages.writeDiff(files, ref, versions.get(0), latest, count, true);
      } else {
        pages.writeVersion(files, ref, versions.get(steps.versionOf(i) - 1), count);
      }
      return null;
    });
    List<ChangeSummary> changes = new ArrayList<>();
    List<FeedExcerpt> excerpts = new ArrayList<>();
    for (WrittenDiff diff : written.subList(0, count - 1)) {
      changes.add(diff.change());
      excerpts.add(diff.excerpt());
    }
    DocumentSummary summary = new DocumentSummary(source.name(), input.name(), title,
        versions.get(0).firstSeen(), latest.firstSeen(), latest.lastSeen(), count,
        input.settings().frozen(), changes);
    List<String> headlines = versions.stream().map(v -> v.text().headline()).toList();
    pages.writeHistory(files, ref, summary, headlines, input.settings().url());
    pages.writeFeed(files, summary, excerpts);
    return new DocumentResult(Optional.of(summary), problems, warnings, files.names(), keys,
        excerpts, headlines);
  }

  /**
   * Whether the history page of a document whose pages were built with "now" at
   * {@code before} reads otherwise now: only then is it to be rendered again.
   */
  public boolean historyMoved(DocumentSummary summary, Instant before) {
    return !DocumentPages.historyNowText(summary, before)
        .equals(DocumentPages.historyNowText(summary, now));
  }

  /**
   * Renders the history page of a document whose other pages are kept as they are, from what
   * the last build recorded of it, without reading its snapshots.
   *
   * @param headlines each version's headline, as {@link DocumentResult#headlines} gave them
   */
  public void rewriteHistory(SourceInput source, DocumentInput input, DocumentSummary summary,
      List<String> headlines, SiteOutput out) throws IOException {
    DocumentFiles files = new DocumentFiles(out,
        SiteLayout.documentFolder(source.name(), input.name()));
    pages.writeHistory(files, DocumentPages.ref(summary.title(), source.displayName()), summary,
        headlines, input.settings().url());
  }
}
