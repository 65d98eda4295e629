package dev.palimpsest.document;

import dev.palimpsest.layout.SiteLayout;
import dev.palimpsest.render.Feeds;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a document's diff and version pages a rebuild leaves as the current site has them:
 * those that the last build gave the same {@linkplain PageKeys key}, since they would come out
 * the same. After one new snapshot, that is all but the last few.
 */
final class PageReuse {
  private PageReuse() {}

  /**
   * Steps whose pages stay as the current site has them.
   *
   * @param steps the steps (see {@link PageSteps})
   * @param changes for those of them that are diffs between consecutive versions, the change
   *     and its feed excerpt, by step
   */
  record Kept(Set<Integer> steps, Map<Integer, WrittenDiff> changes) {
    static final Kept NONE = new Kept(Set.of(), Map.of());
  }

  /** The key of each step's pages, in step order. */
  static List<Long> keys(List<Version> versions, String title, String sourceName) {
    int count = versions.size();
    List<byte[]> digests = versions.stream().map(v -> PageKeys.digest(v.text())).toList();
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < count - 1; i++) {
      keys.add(PageKeys.diff(digests.get(i), digests.get(i + 1), i + 1, i + 2,
          versions.get(i).firstSeen(), versions.get(i + 1).firstSeen(), i > 0, i + 2 < count,
          false, title, sourceName));
    }
    if (count > 2) {
      keys.add(PageKeys.diff(digests.get(0), digests.get(count - 1), 1, count,
          versions.get(0).firstSeen(), versions.get(count - 1).firstSeen(), false, false, true,
          title, sourceName));
    }
    for (int i = 0; i < count; i++) {
      keys.add(PageKeys.version(digests.get(i), i + 1, versions.get(i).firstSeen(),
          i + 1 < count, title, sourceName));
    }
    return keys;
  }

  /**
   * The steps whose pages the last build gave the same key, and which the current site has. A
   * consecutive diff's change comes from the last build's summary and its excerpt from the
   * document's feed in the current site; one whose excerpt is not found there is written again.
   */
  static Kept kept(PreviousBuild previous, DocumentFiles files, List<Long> keys, int count)
      throws IOException {
    DocumentSummary before = previous.summary();
    PageSteps beforeSteps = new PageSteps(before.versions());
    if (beforeSteps.size() != previous.pageKeys().size()
        || before.changes().size() != before.versions() - 1) {
      return Kept.NONE;
    }
    Map<List<String>, Long> beforeKeys = new HashMap<>();
    for (int i = 0; i < beforeSteps.size(); i++) {
      beforeKeys.put(beforeSteps.pages(i), previous.pageKeys().get(i));
    }
    PageSteps steps = new PageSteps(count);
    List<Integer> same = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      if (keys.get(i).equals(beforeKeys.get(steps.pages(i)))) {
        same.add(i);
        if (steps.isConsecutiveDiff(i)) {
          ids.add(ChangeFeed.id(before, before.changes().get(i)));
        }
      }
    }
    if (same.isEmpty()) {
      return Kept.NONE;
    }
    Map<String, String> excerpts = Map.of();
    if (!ids.isEmpty()) {
      try {
        // Back into the feed they come from: not cleaned again, unlike those that the site
        // and source feeds take from it.
        excerpts = Feeds.entryHtml(files.readCurrent(SiteLayout.DOCUMENT_FEED), ids::contains,
            files.dir() + SiteLayout.DOCUMENT_FEED);
      } catch (IOException e) {
        // No feed to take them from (or not a readable one): those diffs are written again.
      }
    }
    Set<Integer> keptSteps = new HashSet<>();
    Map<Integer, WrittenDiff> changes = new HashMap<>();
    List<String> kept = new ArrayList<>();
    for (int i : same) {
      if (steps.isConsecutiveDiff(i)) {
        ChangeSummary change = before.changes().get(i);
        String excerpt = excerpts.get(ChangeFeed.id(before, change));
        if (excerpt == null) {
          continue;
        }
        changes.put(i, new WrittenDiff(change, new FeedExcerpt(excerpt, false)));
      }
      keptSteps.add(i);
      kept.addAll(steps.pages(i));
    }
    try {
      files.keep(kept);
    } catch (NoSuchFileException e) {
      // The site lost some of them since: all are written again.
      return Kept.NONE;
    }
    return new Kept(keptSteps, changes);
  }
}
