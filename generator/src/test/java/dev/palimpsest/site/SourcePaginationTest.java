package dev.palimpsest.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.BuildReport;
import dev.palimpsest.Generator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source with thousands of documents gets its list split into pages of a bounded size. */
class SourcePaginationTest {
  private static final int DOCUMENTS = 250;
  private static final DateTimeFormatter NAME = DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern DOCUMENT_LINK = Pattern.compile("href=\"(doc-\\d{3})/index.html\"");

  @TempDir
  static Path work;
  static Path site;

  /** doc-000 … doc-249, one snapshot each, doc-249 the most recently changed. */
  @BeforeAll
  static void buildSite() throws Exception {
    Path snapshots = work.resolve("snapshots");
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < DOCUMENTS; i++) {
      Path folder = Files.createDirectories(
          snapshots.resolve("big").resolve(String.format("doc-%03d", i)));
      Files.writeString(folder.resolve(NAME.format(start.plusSeconds(60L * i)) + ".txt"),
          "Document number " + i + ".\n");
    }
    site = work.resolve("site");
    BuildReport report = Generator.builder().now(Instant.parse("2026-06-01T00:00:00Z")).build()
        .generate(snapshots, site);
    assertFalse(report.hasProblems(), report.problems().toString());
  }

  private static List<String> documentsOn(String page) throws Exception {
    Matcher m = DOCUMENT_LINK.matcher(Files.readString(site.resolve("big").resolve(page)));
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void everyDocumentIsListedExactlyOnceNewestFirstAcrossThePages() throws Exception {
    assertEquals(3, SiteStage.pageCount(DOCUMENTS));
    List<String> all = new ArrayList<>();
    for (String page : List.of("index.html", "page-2.html", "page-3.html")) {
      List<String> names = documentsOn(page);
      assertTrue(names.size() <= SiteStage.DOCUMENTS_PER_PAGE, page + ": " + names.size());
      all.addAll(names);
    }
    List<String> expected = new ArrayList<>();
    for (int i = DOCUMENTS - 1; i >= 0; i--) {
      expected.add(String.format("doc-%03d", i));
    }
    assertEquals(expected, all);
    assertEquals(SiteStage.DOCUMENTS_PER_PAGE, documentsOn("index.html").size());
    assertEquals(50, documentsOn("page-3.html").size());
    assertFalse(Files.exists(site.resolve("big/page-4.html")));
    assertFalse(Files.exists(site.resolve("big/page-1.html")));
  }

  @Test
  void pagesLinkToTheirNeighboursAndSayWhereTheyAre() throws Exception {
    String first = Files.readString(site.resolve("big/index.html"));
    String middle = Files.readString(site.resolve("big/page-2.html"));
    String last = Files.readString(site.resolve("big/page-3.html"));
    assertTrue(first.contains("Page 1 of 3"), first);
    assertFalse(first.contains("rel=\"prev\""));
    assertTrue(first.contains("rel=\"next\" href=\"page-2.html\""));
    assertTrue(middle.contains("Page 2 of 3"));
    assertTrue(middle.contains("rel=\"prev\" href=\"index.html\""));
    assertTrue(middle.contains("rel=\"next\" href=\"page-3.html\""));
    assertTrue(middle.contains("101–200 of 250"), middle);
    assertTrue(last.contains("Page 3 of 3"));
    // Two pagers on a page need different names to be told apart (axe: landmark-unique).
    assertEquals(1, middle.split("aria-label=\"Pages of documents\"", -1).length - 1);
    assertTrue(middle.contains("aria-label=\"Pages of documents, at the end of the list\""));
    assertFalse(last.contains("rel=\"next\""));
  }

  @Test
  void everySourcePageIsValidHtml() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process checker = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "nu.validator.client.SimpleCommandLineValidator", "--errors-only", "--format", "gnu",
        site.resolve("big/index.html").toString(), site.resolve("big/page-2.html").toString(),
        site.resolve("big/page-3.html").toString()).redirectErrorStream(true).start();
    String report = new String(checker.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertEquals(0, checker.waitFor(), report);
    assertEquals("", report.strip());
  }

  @Test
  void theSourceSitemapListsEveryPage() throws Exception {
    String sitemap = Files.readString(site.resolve("big/sitemap.xml"));
    assertTrue(sitemap.contains("<loc>big/page-2.html</loc>"));
    assertTrue(sitemap.contains("<loc>big/page-3.html</loc>"));
    assertTrue(dev.palimpsest.SiteChecks.checkSitemaps(site, null) > 250);
  }

  @Test
  void aSmallSourceHasOnePageWithoutAPager() throws Exception {
    assertEquals(1, SiteStage.pageCount(0));
    assertEquals(1, SiteStage.pageCount(SiteStage.DOCUMENTS_PER_PAGE));
    assertEquals(2, SiteStage.pageCount(SiteStage.DOCUMENTS_PER_PAGE + 1));
    Path small = Path.of("src/test/resources/fixtures/small");
    Path out = work.resolve("small-site");
    Generator.builder().build().generate(small, out);
    try (var sources = Files.list(out)) {
      for (Path dir : sources.filter(Files::isDirectory).toList()) {
        if (Files.exists(dir.resolve("index.html"))
            && !dir.getFileName().toString().equals("assets")) {
          assertFalse(Files.readString(dir.resolve("index.html")).contains("Page 1 of"));
          assertFalse(Files.exists(dir.resolve("page-2.html")));
        }
      }
    }
  }
}
