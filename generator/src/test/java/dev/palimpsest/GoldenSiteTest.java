package dev.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole site of a small fixture, page by page, against reviewed golden copies. After an
 * intended change of the output, regenerate them with
 * {@code ./mvnw -pl generator test -Dtest=GoldenSiteTest -Dgolden.update=true} and review the
 * change with {@code git diff}.
 */
class GoldenSiteTest {
  static final Path FIXTURE = Path.of("src/test/resources/fixtures/small");
  static final Path GOLDEN = Path.of("src/test/resources/golden/small");
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir
  Path work;

  static BuildReport build(Path out) throws BuildException {
    return Generator.builder().title("Small fixture").now(NOW)
        .baseUrl("https://changes.example.org/").build().generate(FIXTURE, out);
  }

  @Test
  void siteMatchesTheGoldenPages() throws Exception {
    Path site = work.resolve("site");
    BuildReport report = build(site);
    assertEquals(List.of(), report.problems());
    GoldenFiles.assertMatches(GOLDEN, GoldenFiles.read(site), file -> true);
  }

  @Test
  void twoBuildsOfTheSameInputAreByteIdentical() throws Exception {
    build(work.resolve("one"));
    build(work.resolve("two"));
    Map<String, byte[]> one = GoldenFiles.read(work.resolve("one"));
    Map<String, byte[]> two = GoldenFiles.read(work.resolve("two"));
    assertEquals(one.keySet(), two.keySet());
    one.forEach((path, bytes) -> assertTrue(java.util.Arrays.equals(bytes, two.get(path)),
        path + " is byte-identical"));
  }

  @Test
  void fixtureSiteReadsRightAndLinksResolve() throws Exception {
    Path site = work.resolve("site");
    build(site);
    assertTrue(SiteChecks.checkDiffPages(site) > 0);
    assertTrue(SiteChecks.checkLinks(site) > 0);
    assertEquals(10, SiteChecks.checkSitemaps(site, "https://changes.example.org/"));
    assertTrue(SiteChecks.checkFeedEntries(site) > 0);
  }
}
