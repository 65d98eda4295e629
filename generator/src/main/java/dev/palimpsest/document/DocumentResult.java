package dev.palimpsest.document;

import dev.palimpsest.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What the document stage gives back for one document.
 *
 * @param summary the document's summary, empty when none of its snapshots could be used
 * @param problems the inputs of this document that were reported and skipped
 * @param warnings the inputs of this document that were used with a warning
 * @param files the pages and feed written or kept for it, relative to its folder, in name order
 * @param pageKeys the keys of its diff and version pages, for the next build to compare with:
 *     the consecutive diffs in order, the first-to-latest diff when there are more than two
 *     versions, then the versions in order
 * @param excerpts the feed excerpt of each change of the summary, in order, for the site and
 *     source feeds to take without reading the document's feed back; tens of kilobytes for a
 *     long history, to be let go of once the few that those feeds may need are taken
 * @param headlines each version's headline, oldest first, {@code null} where a version has
 *     none: with the summary, what the history page shows, so that it can be rendered again
 *     without the snapshots when only "now" moved
 */
public record DocumentResult(Optional<DocumentSummary> summary, List<Problem> problems,
    List<Problem> warnings, List<String> files, List<Long> pageKeys,
    List<FeedExcerpt> excerpts, List<String> headlines) {
  public DocumentResult {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    files = List.copyOf(files);
    pageKeys = List.copyOf(pageKeys);
    excerpts = List.copyOf(excerpts);
    headlines = Collections.unmodifiableList(new ArrayList<>(headlines));
  }
}
