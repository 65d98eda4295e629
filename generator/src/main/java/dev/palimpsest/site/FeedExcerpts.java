package dev.palimpsest.site;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.palimpsest.document.DocumentStage;
import dev.palimpsest.site.SiteStage.Change;
import dev.palimpsest.write.SiteOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The feed excerpts of the few changes the site and source feeds republish, read back from the
 * document feeds of the site being built. Summaries carry no excerpts, so the site stage holds
 * only these, whatever the size of the corpus.
 */
final class FeedExcerpts {
  private final SiteOutput out;
  // Excerpts read so far, by feed id: a source feed's entries are mostly the site feed's too.
  private final Map<String, String> known = new HashMap<>();

  FeedExcerpts(SiteOutput out) {
    this.out = out;
  }

  /**
   * The excerpts of {@code changes} (and of those asked for before), by feed id; each document's
   * feed is read at most once per call, and not at all when its excerpts are known.
   */
  Map<String, String> of(List<Change> changes) throws IOException {
    Map<String, Set<String>> missingByFeed = new LinkedHashMap<>();
    for (Change change : changes) {
      String id = DocumentStage.feedId(change.document(), change.change());
      if (!known.containsKey(id)) {
        missingByFeed.computeIfAbsent(DocumentStage.feedPath(change.document()),
            f -> new HashSet<>()).add(id);
      }
    }
    for (Map.Entry<String, Set<String>> feed : missingByFeed.entrySet()) {
      for (SyndEntry entry : read(feed.getKey()).getEntries()) {
        if (feed.getValue().contains(entry.getUri()) && entry.getDescription() != null) {
          known.put(entry.getUri(), entry.getDescription().getValue());
        }
      }
      for (String id : feed.getValue()) {
        if (!known.containsKey(id)) {
          throw new IOException(feed.getKey() + " has no entry " + id);
        }
      }
    }
    return known;
  }

  private SyndFeed read(String path) throws IOException {
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(out.read(path)))) {
      return new SyndFeedInput().build(reader);
    } catch (FeedException e) {
      throw new IOException(path + " is not a readable feed: " + e.getMessage(), e);
    }
  }
}
