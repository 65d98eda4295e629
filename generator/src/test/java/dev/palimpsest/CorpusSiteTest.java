package dev.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the real corpus of terms-of-service histories and checks the site as a reader would.
 * The corpus lives beside the project (its path comes from the build); without it these tests
 * are skipped, saying so.
 */
class CorpusSiteTest {
  @TempDir
  static Path work;
  static Path site;
  static BuildReport report;

  @BeforeAll
  static void buildCorpus() throws Exception {
    String corpus = System.getProperty("palimpsest.corpus", "");
    Assumptions.assumeTrue(!corpus.isEmpty() && Files.isDirectory(Path.of(corpus)),
        "real corpus not found at '" + corpus + "' (expected ../shared/corpus/terms beside "
            + "the project): corpus tests skipped");
    site = work.resolve("site");
    report = Generator.builder().title("Terms").now(Instant.parse("2026-11-24T00:00:00Z"))
        .build().generate(Path.of(corpus), site);
    System.out.printf("corpus: %d documents, %d versions, %d changes, %d files in %d ms%n",
        report.documents(), report.versions(), report.changes(), report.pagesWritten(),
        report.elapsed().toMillis());
  }

  @Test
  void buildsTheWholeCorpusWithoutProblems() {
    assertEquals(java.util.List.of(), report.problems());
    assertTrue(report.siteWritten());
    assertEquals(122, report.documents());
  }

  @Test
  void everyDiffPageReadsAsItsTwoVersions() throws Exception {
    int checked = SiteChecks.checkDiffPages(site);
    System.out.println("corpus: diff pages checked word for word: " + checked);
    assertTrue(checked >= report.changes(), "every change has a diff page");
  }

  @Test
  void everyRelativeLinkResolves() throws Exception {
    int checked = SiteChecks.checkLinks(site);
    System.out.println("corpus: links checked: " + checked);
    assertTrue(checked > 1000);
  }

  @Test
  void feedEntriesAreSafeAndAsCleaningLeavesThem() throws Exception {
    int checked = SiteChecks.checkFeedEntries(site);
    System.out.println("corpus: feed entries checked: " + checked);
    assertTrue(checked > report.changes(), "the document feeds hold every change");
  }

  @Test
  void theSitemapsListEveryPageOnce() throws Exception {
    int checked = SiteChecks.checkSitemaps(site, null);
    System.out.println("corpus: sitemap addresses checked: " + checked);
    assertTrue(checked > report.documents() + report.changes(),
        "home, source, history and diff pages");
  }

  @Test
  void changesJsonListsEveryChangeWithItsDiffPage() throws Exception {
    JsonNode json = new ObjectMapper().readTree(site.resolve("changes.json").toFile());
    assertEquals("2026-11-24T00:00:00Z", json.get("generated").asText());
    assertEquals(report.changes(), json.get("changes").size());
    String previous = "9999";
    for (JsonNode change : json.get("changes")) {
      assertTrue(Files.isRegularFile(site.resolve(change.get("diff").asText())));
      int added = change.get("words_added").asInt();
      String summary = SiteChecks.parse(site.resolve(change.get("diff").asText()))
          .selectFirst(".summary").text();
      assertTrue(summary.contains(added + (added == 1 ? " word" : " words") + " added, "
          + change.get("words_removed").asInt() + " removed"),
          change.get("diff").asText() + ": the page shows the counts of changes.json");
      String time = change.get("to_time").asText();
      assertTrue(time.compareTo(previous) <= 0, "newest first");
      previous = time;
    }
  }
}
