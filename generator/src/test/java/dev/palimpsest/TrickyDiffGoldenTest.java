package dev.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden diff pages (side by side and inline) for documents written to be hard to diff: a
 * changed number, a moved paragraph, a moved and edited one, a split and a merged paragraph, a
 * change of typographic quotes only, and Chinese and Japanese text. After an intended change,
 * regenerate them with
 * {@code ./mvnw -pl generator test -Dtest=TrickyDiffGoldenTest -Dgolden.update=true} and review
 * the change with {@code git diff}.
 */
class TrickyDiffGoldenTest {
  static final Path FIXTURE = Path.of("src/test/resources/fixtures/tricky");
  static final Path GOLDEN = Path.of("src/test/resources/golden/tricky");
  private static final Predicate<Path> DIFF_PAGE =
      file -> file.getParent().getFileName().toString().equals("diffs");

  @TempDir
  static Path work;
  static Path site;
  static Map<String, JsonNode> changes = new HashMap<>();

  @BeforeAll
  static void build() throws Exception {
    site = work.resolve("site");
    BuildReport report = Generator.builder().title("Tricky diffs")
        .now(Instant.parse("2026-06-01T00:00:00Z")).build().generate(FIXTURE, site);
    assertEquals(List.of(), report.problems());
    for (JsonNode change : new ObjectMapper().readTree(site.resolve("changes.json").toFile())
        .get("changes")) {
      changes.put(change.get("document").asText(), change);
    }
  }

  @Test
  void diffPagesMatchTheGoldenPages() throws Exception {
    GoldenFiles.assertMatches(GOLDEN, GoldenFiles.read(site, DIFF_PAGE), DIFF_PAGE);
  }

  @Test
  void everyDiffReadsAsItsTwoVersionsInBothViews() throws Exception {
    assertEquals(7, SiteChecks.checkDiffPages(site));
    assertTrue(SiteChecks.checkLinks(site) > 0);
  }

  @Test
  void aChangedNumberIsTheOnlyMark() {
    Document page = page("storm-toll");
    assertEquals(List.of("19", "1,234.50"), page.select(".sides del").eachText());
    assertEquals(List.of("21", "1,304.75"), page.select(".sides ins").eachText());
    assertCounts("storm-toll", 2, 2, 0);
  }

  @Test
  void aMovedParagraphIsLinkedBothWaysAndCountsNoWords() {
    Document page = page("moved");
    assertEquals(2, page.select("[data-move=1]").size());
    assertCounts("moved", 0, 0, 1);
  }

  @Test
  void aMovedAndEditedParagraphIsAMoveWithItsEditMarked() {
    Document page = page("moved-edited");
    assertEquals(1, page.select(".row.moved-to.edited").size());
    assertEquals("your phone number", page.select(".sides ins").text().replace(",", "").strip());
    assertCounts("moved-edited", 3, 0, 1);
  }

  @Test
  void aSplitParagraphIsShownAgainstBothParts() {
    Document page = page("split");
    assertEquals(2, page.select(".row.split").size());
    assertEquals(List.of("the"), page.select("[data-side=old] del").eachText());
    assertCounts("split", 1, 1, 0);
  }

  @Test
  void mergedParagraphsAreShownAgainstTheOneTheyBecame() {
    assertEquals(2, page("merged").select(".row.merged").size());
  }

  @Test
  void aTypographyOnlyChangeIsMarkedCosmeticAndNotCounted() {
    Document page = page("quotes");
    assertEquals(2, page.select(".row.cosmetic").size());
    assertCounts("quotes", 0, 0, 0);
  }

  @Test
  void chineseAndJapaneseAreComparedCharacterByCharacter() {
    Document page = page("cjk");
    assertEquals(List.of("事前の", "话号码"), page.select(".sides ins").eachText());
    assertCounts("cjk", 6, 5, 0);
  }

  private static Document page(String document) {
    return SiteChecks.parse(site.resolve("desk/" + document + "/diffs/1-2.html"));
  }

  private static void assertCounts(String document, int added, int removed, int moved) {
    JsonNode change = changes.get(document);
    assertEquals(added, change.get("words_added").asInt(), document + ": words added");
    assertEquals(removed, change.get("words_removed").asInt(), document + ": words removed");
    assertEquals(moved, change.get("moved_blocks").asInt(), document + ": moved blocks");
    String summary = page(document).selectFirst(".summary").text();
    assertTrue(summary.contains(added + (added == 1 ? " word" : " words") + " added, "
        + removed + " removed"), summary);
  }
}
