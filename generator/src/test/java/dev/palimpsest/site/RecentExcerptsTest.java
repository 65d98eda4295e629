package dev.palimpsest.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.document.ChangeSummary;
import dev.palimpsest.document.ChangeFeed;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.document.FeedExcerpt;
import dev.palimpsest.site.SiteStage.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The excerpts held for the site and source feeds: exactly those of the changes those feeds
 * republish, whatever order documents are offered in, and no more than the limit allows.
 */
class RecentExcerptsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * Documents in four sources, with up to twelve changes each at random hours, so that many
   * share a time and the feeds' tie order counts.
   */
  private static List<DocumentSummary> corpus(long seed) {
    Random random = new Random(seed);
    List<DocumentSummary> documents = new ArrayList<>();
    for (int d = 0; d < 160; d++) {
      List<ChangeSummary> changes = new ArrayList<>();
      Instant time = T0.plusSeconds(3_600L * random.nextInt(500));
      int count = random.nextInt(13);
      for (int n = 1; n <= count; n++) {
        Instant next = time.plusSeconds(3_600L * random.nextInt(300));
        changes.add(new ChangeSummary(n, n + 1, time, next, 1, 1, 0));
        time = next;
      }
      documents.add(new DocumentSummary("source-" + d % 4, "document-" + d, "Document " + d,
          T0, time, time, count + 1, false, changes));
    }
    return documents;
  }

  private static List<FeedExcerpt> excerpts(DocumentSummary document) {
    return document.changes().stream()
        .map(change -> new FeedExcerpt("<p>" + ChangeFeed.id(document, change) + "</p>",
            true))
        .toList();
  }

  /** The feed ids of the changes the site feed and the source feeds republish. */
  private static Set<String> republished(List<DocumentSummary> documents) {
    Set<String> ids = new HashSet<>();
    List<List<DocumentSummary>> feeds = new ArrayList<>();
    feeds.add(documents);
    feeds.addAll(documents.stream()
        .collect(Collectors.groupingBy(DocumentSummary::source)).values());
    for (List<DocumentSummary> feed : feeds) {
      List<Change> changes = SiteStage.changes(feed);
      for (Change change : changes.subList(0, Math.min(SiteStage.RECENT, changes.size()))) {
        ids.add(ChangeFeed.id(change.document(), change.change()));
      }
    }
    return ids;
  }

  private static Set<String> held(RecentExcerpts recent, List<DocumentSummary> documents) {
    Set<String> held = new HashSet<>();
    for (DocumentSummary document : documents) {
      for (ChangeSummary change : document.changes()) {
        String id = ChangeFeed.id(document, change);
        recent.get(id).ifPresent(excerpt -> {
          assertEquals("<p>" + id + "</p>", excerpt.html());
          held.add(id);
        });
      }
    }
    return held;
  }

  @Test
  void holdsExactlyTheChangesTheFeedsRepublishInWhateverOrderDocumentsCome() {
    for (long seed = 1; seed <= 20; seed++) {
      List<DocumentSummary> documents = corpus(seed);
      Set<String> expected = republished(documents);
      List<DocumentSummary> offered = new ArrayList<>(documents);
      Collections.shuffle(offered, new Random(seed));
      RecentExcerpts recent = new RecentExcerpts();
      offered.forEach(document -> recent.offer(document, excerpts(document)));

      assertEquals(expected, held(recent, documents), "seed " + seed);
      assertEquals(expected.size(), recent.size(), "seed " + seed);
      // The feeds hold at most their limit each: four sources and the site.
      assertTrue(expected.size() <= 5 * SiteStage.RECENT);
    }
  }

  @Test
  void holdsNoMoreThanItsLimitOfCharsAndOnlyChangesTheFeedsRepublish() {
    List<DocumentSummary> documents = corpus(7);
    int limit = 2_000;
    RecentExcerpts recent = new RecentExcerpts(limit);
    documents.forEach(document -> recent.offer(document, excerpts(document)));

    Set<String> held = held(recent, documents);
    assertTrue(republished(documents).containsAll(held));
    assertTrue(!held.isEmpty());
    int chars = held.stream().mapToInt(id -> ("<p>" + id + "</p>").length()).sum();
    assertTrue(chars <= limit, chars + " chars held");
  }

  @Test
  void refusesExcerptsThatDoNotMatchTheChanges() {
    DocumentSummary document = corpus(3).stream().filter(d -> d.changes().size() > 1)
        .findFirst().orElseThrow();
    RecentExcerpts recent = new RecentExcerpts();
    assertThrows(IllegalArgumentException.class,
        () -> recent.offer(document, excerpts(document).subList(1, document.changes().size())));
  }
}
