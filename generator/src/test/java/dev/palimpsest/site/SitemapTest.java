package dev.palimpsest.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palimpsest.document.ChangeSummary;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.write.SiteOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source's sitemaps split where the protocol's limit on addresses per file says. */
class SitemapTest {
  private static final Pattern LOCATION = Pattern.compile("<loc>([^<]*)</loc>");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir
  Path work;

  /** A document with {@code changes} changes, a day apart. */
  private static DocumentSummary document(String name, int changes) {
    List<ChangeSummary> list = new ArrayList<>();
    for (int n = 1; n <= changes; n++) {
      list.add(new ChangeSummary(n, n + 1, T0.plusSeconds(86_400L * (n - 1)),
          T0.plusSeconds(86_400L * n), 1, 1, 0));
    }
    Instant last = T0.plusSeconds(86_400L * changes);
    return new DocumentSummary("news", name, name, T0, last, last, changes + 1, false, list);
  }

  private static List<String> locations(Path sitemap) throws Exception {
    List<String> locations = new ArrayList<>();
    Matcher location = LOCATION.matcher(Files.readString(sitemap));
    while (location.find()) {
      locations.add(location.group(1));
    }
    return locations;
  }

  @Test
  void aSourcePastTheLimitGetsMoreSitemapsEachWithinIt() throws Exception {
    // One source page, then 1 + 2 and 1 + 3 addresses: 8 in all, 3 to a file.
    List<DocumentSummary> documents = List.of(document("a", 2), document("b", 3));
    assertEquals(List.of("sitemap.xml", "sitemap-2.xml", "sitemap-3.xml"),
        Sitemap.sourceFiles(documents, 3));
    Path site = work.resolve("site");
    List<String> written;
    try (SiteOutput out = SiteOutput.open(site)) {
      written = Sitemap.writeSource(out, null, "news", documents, 3);
      out.commit();
    }
    assertEquals(List.of("news/sitemap.xml", "news/sitemap-2.xml", "news/sitemap-3.xml"),
        written);
    List<String> all = new ArrayList<>();
    for (String file : written) {
      List<String> locations = locations(site.resolve(file));
      assertEquals(file.endsWith("-3.xml") ? 2 : 3, locations.size(), file);
      all.addAll(locations);
    }
    assertEquals(List.of("news/index.html",
        "news/a/index.html", "news/a/diffs/1-2.html", "news/a/diffs/2-3.html",
        "news/b/index.html", "news/b/diffs/1-2.html", "news/b/diffs/2-3.html",
        "news/b/diffs/3-4.html"), all);
  }

  @Test
  void aSourceAtTheLimitKeepsOneSitemap() {
    List<DocumentSummary> documents = List.of(document("a", 1), document("b", 2));
    assertEquals(List.of("sitemap.xml"), Sitemap.sourceFiles(documents, 6));
    assertEquals(List.of("sitemap.xml", "sitemap-2.xml"), Sitemap.sourceFiles(documents, 5));
  }
}
