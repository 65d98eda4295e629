package dev.palimpsest.site;

import dev.palimpsest.document.ChangeFeed;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.document.FeedExcerpt;
import dev.palimpsest.render.Feeds;
import dev.palimpsest.site.SiteStage.Change;
import dev.palimpsest.write.SiteOutput;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The feed excerpts of the few changes the site and source feeds republish: those the document
 * stage offered to {@link RecentExcerpts}, and the rest read back from the document feeds of the
 * site being built. Summaries carry no excerpts, so the site stage holds only these, whatever
 * the size of the corpus.
 *
 * <p>A rebuild is given the excerpts the last build used (kept in the build cache), and takes a
 * kept document's from there: its feed is the one they were read from. After one new snapshot,
 * the site feed would otherwise read back the feeds of fifty documents to republish one change.
 */
final class FeedExcerpts {
  private final SiteOutput out;
  private final Map<String, String> before;
  private final Predicate<DocumentSummary> kept;
  private final RecentExcerpts recent;
  // Excerpts read so far, by feed id: a source feed's entries are mostly the site feed's too.
  // Feeds are written side by side, so two may read the same document feed at once.
  private final Map<String, String> known = new ConcurrentHashMap<>();

  /**
   * @param before the excerpts the last build used, by feed id
   * @param kept tells the documents whose pages and feed are kept from the last build
   * @param recent excerpts of documents built now, as the document stage offered them
   */
  FeedExcerpts(SiteOutput out, Map<String, String> before, Predicate<DocumentSummary> kept,
      RecentExcerpts recent) {
    this.out = out;
    this.before = before;
    this.kept = kept;
    this.recent = recent;
  }

  /**
   * The excerpts of {@code changes} (and of those asked for before), by feed id; each document's
   * feed is read at most once per call, and not at all when its excerpts are known.
   */
  Map<String, String> of(List<Change> changes) throws IOException {
    Map<String, Set<String>> missingByFeed = new LinkedHashMap<>();
    for (Change change : changes) {
      String id = ChangeFeed.id(change.document(), change.change());
      if (!known.containsKey(id) && !reuse(change, id) && !takeRecent(id)) {
        missingByFeed.computeIfAbsent(ChangeFeed.feedPath(change.document()),
            f -> new HashSet<>()).add(id);
      }
    }
    for (Map.Entry<String, Set<String>> feed : missingByFeed.entrySet()) {
      read(feed.getKey(), feed.getValue());
      for (String id : feed.getValue()) {
        if (!known.containsKey(id)) {
          throw new IOException(feed.getKey() + " has no entry " + id);
        }
      }
    }
    return known;
  }

  /**
   * Keeps the excerpts of {@code changes} that the last build used, for a feed kept as it is:
   * they are used still, and the next build may need them.
   */
  void keep(List<Change> changes) {
    for (Change change : changes) {
      reuse(change, ChangeFeed.id(change.document(), change.change()));
    }
  }

  /** Takes the excerpt of a kept document's change from the last build, if it had it. */
  private boolean reuse(Change change, String id) {
    String excerpt = before.get(id);
    if (excerpt == null || !kept.test(change.document())) {
      return false;
    }
    // A build cache is a file anyone could have changed: its HTML is cleaned like a feed's.
    known.put(id, Feeds.clean(excerpt));
    return true;
  }

  /**
   * Takes the excerpt of a change from those the document stage offered, if it is there. One it
   * took from the current site's feed is a file's, and cleaned like any read back.
   */
  private boolean takeRecent(String id) {
    Optional<FeedExcerpt> excerpt = recent.get(id);
    excerpt.ifPresent(e -> known.put(id, e.made() ? e.html() : Feeds.clean(e.html())));
    return excerpt.isPresent();
  }

  /** Every excerpt used, by feed id. */
  Map<String, String> used() {
    return Map.copyOf(known);
  }

  /**
   * Reads the excerpts of {@code ids} from the document feed at {@code path}, cleaned: a file
   * may have been changed since it was written.
   */
  private void read(String path, Set<String> ids) throws IOException {
    Feeds.entryHtml(out.read(path), ids::contains, path)
        .forEach((id, html) -> known.put(id, Feeds.clean(html)));
  }
}
