package dev.palimpsest.site;

import dev.palimpsest.document.ChangeFeed;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.document.FeedExcerpt;
import dev.palimpsest.site.SiteStage.Change;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The excerpts of the changes that the site and source feeds may republish, taken from the
 * document stage as each document is built: without them, the site stage reads the feeds of
 * hundreds of documents back from the site it has just written.
 *
 * <p>Of the changes offered, it keeps those among the newest {@link SiteStage#RECENT} of the
 * site or of their source, in the feeds' order, so what it holds does not grow with the corpus:
 * at most that many per source and for the site, and never more than {@code maxChars} chars of
 * excerpts in all (a change over it is left out). Whatever it lacks, the site stage reads back
 * as before: what it holds saves work, and never changes a feed. Offers may come from several
 * threads at once.
 */
public final class RecentExcerpts {
  /** Chars of excerpts kept at most: a few megabytes, when feeds hold a few hundred. */
  static final long MAX_CHARS = 4_000_000L;

  private final long maxChars;
  private final TreeSet<Change> site = new TreeSet<>(SiteStage::newestFirst);
  private final Map<String, TreeSet<Change>> bySource = new HashMap<>();
  private final Map<String, FeedExcerpt> excerpts = new HashMap<>();
  private long chars;

  public RecentExcerpts() {
    this(MAX_CHARS);
  }

  RecentExcerpts(long maxChars) {
    this.maxChars = maxChars;
  }

  /**
   * Offers the excerpts of a document's changes, one per change of {@code document} in order,
   * as the document stage made or kept them.
   */
  public synchronized void offer(DocumentSummary document, List<FeedExcerpt> excerpts) {
    if (excerpts.size() != document.changes().size()) {
      throw new IllegalArgumentException(document.path() + ": " + excerpts.size()
          + " excerpts for " + document.changes().size() + " changes");
    }
    TreeSet<Change> source = bySource.computeIfAbsent(document.source(),
        s -> new TreeSet<>(SiteStage::newestFirst));
    // Newest first: once a change is too old for both feeds, so are those before it.
    for (int i = excerpts.size() - 1; i >= 0; i--) {
      Change change = new Change(document, document.changes().get(i));
      boolean inSite = add(site, change);
      boolean inSource = add(source, change);
      if (!inSite && !inSource) {
        break;
      }
      FeedExcerpt excerpt = excerpts.get(i);
      if (chars + excerpt.html().length() <= maxChars) {
        this.excerpts.put(id(change), excerpt);
        chars += excerpt.html().length();
      }
    }
  }

  /** The excerpt of a change, if it is held. */
  synchronized Optional<FeedExcerpt> get(String feedId) {
    return Optional.ofNullable(excerpts.get(feedId));
  }

  /** How many excerpts are held. */
  synchronized int size() {
    return excerpts.size();
  }

  /**
   * Adds {@code change} to {@code newest} if it is among the newest {@link SiteStage#RECENT}
   * there; the one it pushes out is let go of unless the other feed still holds it.
   */
  private boolean add(TreeSet<Change> newest, Change change) {
    if (newest.size() == SiteStage.RECENT
        && SiteStage.newestFirst(change, newest.last()) > 0) {
      return false;
    }
    newest.add(change);
    if (newest.size() > SiteStage.RECENT) {
      Change out = newest.pollLast();
      if (!site.contains(out) && !bySource.get(out.document().source()).contains(out)) {
        FeedExcerpt dropped = excerpts.remove(id(out));
        if (dropped != null) {
          chars -= dropped.html().length();
        }
      }
    }
    return true;
  }

  private static String id(Change change) {
    return ChangeFeed.id(change.document(), change.change());
  }
}
