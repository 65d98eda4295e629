package dev.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile fixture (script, event handlers, javascript: and data: links, iframes, SVG, CDATA
 * breakers, markup in titles, URLs and properties, unicode and colliding folder names, Latin-1
 * pages, broken bytes, truncated HTML) builds into a site where nothing from a snapshot is
 * active markup, in any page or feed, and nothing is written outside the output folder.
 */
class HostileInputTest {
  static final Path HOSTILE = Path.of("src/test/resources/fixtures/hostile");

  @TempDir
  static Path work;
  static Path site;
  static BuildReport report;

  @BeforeAll
  static void build() throws Exception {
    site = work.resolve("out/site");
    report = Generator.builder().now(Instant.parse("2026-06-01T00:00:00Z")).build()
        .generate(HOSTILE, site);
  }

  @Test
  void buildsEverythingAndWarnsOnceForEachFileWithBrokenBytes() {
    assertEquals(List.of(), report.problems());
    assertEquals(List.of("2026-02-01T10-00-00Z.txt", "2026-02-02T10-00-00Z.txt"),
        report.warnings().stream().map(w -> w.path().getFileName().toString()).toList());
    assertTrue(report.warnings().get(0).reason().contains("not valid UTF-8"));
  }

  @Test
  void noPageHasActiveContentFromASnapshot() throws Exception {
    for (Path page : SiteChecks.pages(site)) {
      Document document = SiteChecks.parse(page);
      assertTrue(document.select("iframe, object, embed, svg, math, base, form, meta[http-equiv=refresh]")
          .isEmpty(), page + " has no embedded or active elements");
      for (Element script : document.select("script")) {
        assertTrue(script.hasAttr("src") && script.attr("src").contains("assets/"),
            page + ": the only scripts are the site's own files");
      }
      for (Element element : document.getAllElements()) {
        for (Attribute attribute : element.attributes()) {
          String name = attribute.getKey().toLowerCase(Locale.ROOT);
          String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
          assertFalse(name.startsWith("on"), page + ": event handler " + name);
          assertFalse(value.startsWith("javascript:") || value.startsWith("data:")
              || value.startsWith("vbscript:"), page + ": " + name + "=" + value);
        }
      }
      Element csp = document.selectFirst("meta[http-equiv=Content-Security-Policy]");
      assertTrue(csp != null, page + " carries a Content-Security-Policy");
      assertFalse(csp.attr("content").contains("unsafe-inline"), page + ": no inline script");
    }
  }

  @Test
  void markupInTitlesAndPropertiesIsShownAsText() {
    Document history = SiteChecks.parse(site.resolve("uber-source/doc-one-2/index.html"));
    assertEquals("<script>alert(\"doc title\")</script> Doc & One",
        history.selectFirst("h1").text());
    assertNull(history.selectFirst("a[href^=javascript]"), "no link to a javascript: URL");
    assertFalse(history.html().contains("You can find the current document"),
        "a javascript: url is not offered as the original document");
  }

  @Test
  void feedEntriesCarryOnlySanitisedHtmlAndPlainTitles() throws Exception {
    assertTrue(SiteChecks.checkFeedEntries(site) > 10);
  }

  @Test
  void foldersThatSlugAlikeKeepTheirOwnPagesInsideTheOutput() throws Exception {
    String one = SiteChecks.parse(site.resolve("uber-source/doc-one/versions/1.html"))
        .getElementById("text").text();
    String two = SiteChecks.parse(site.resolve("uber-source/doc-one-2/versions/1.html"))
        .getElementById("text").text();
    assertNotEquals(one, two);
    try (Stream<Path> all = Files.walk(work)) {
      assertTrue(all.allMatch(p -> p.startsWith(site) || site.startsWith(p)
          || p.getFileName().toString().startsWith(".site.")),
          "nothing is written outside the output folder");
    }
  }

  @Test
  void namesThatDifferOnlyInCaseOrAreHostileStayApart() throws Exception {
    Path snapshots = work.resolve("names");
    for (String name : List.of("Report", "report", "REPORT", "..", "con", "a b", "日本語")) {
      Path document = snapshots.resolve("src").resolve(name.equals("..") ? "%2e%2e" : name);
      Files.createDirectories(document);
      Files.writeString(document.resolve("2026-01-01T00-00-00Z.txt"), "Text of " + name);
    }
    Path out = work.resolve("names-site");
    BuildReport names = Generator.builder().build().generate(snapshots, out);
    assertEquals(7, names.documents());
    try (Stream<Path> documents = Files.list(out.resolve("src"))) {
      assertEquals(7, documents.filter(Files::isDirectory).count());
    }
    assertTrue(SiteChecks.checkLinks(out) > 0);
  }

  @Test
  void latinOnePagesReadRight() {
    String text = SiteChecks.parse(site.resolve("markdown-tricks/latin-1/versions/2.html"))
        .getElementById("text").text();
    assertTrue(text.contains("The café serves crème brûlée for 4,50 €"), text);
  }
}
