package dev.palimpsest.cache;

import static dev.palimpsest.cache.SiteFiles.contents;
import static dev.palimpsest.cache.SiteFiles.identities;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.BuildReport;
import dev.palimpsest.Generator;
import dev.palimpsest.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds keep the pages of unchanged documents, write nothing when nothing changed, and always
 * give the same site as a full build.
 */
class IncrementalBuildTest {
  static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir
  Path work;

  Path snapshots;
  Path site;

  @BeforeEach
  void corpus() throws IOException {
    snapshots = work.resolve("snapshots");
    site = work.resolve("out/site");
    Random random = new Random(3);
    String[] words = "ferry harbour notice terms privacy data users service change policy"
        .split(" ");
    for (int d = 0; d < 12; d++) {
      Path document = Files.createDirectories(snapshots.resolve("source-" + d % 3)
          .resolve("doc-" + d));
      List<String> paragraphs = new ArrayList<>();
      for (int p = 0; p < 8; p++) {
        paragraphs.add(words[random.nextInt(words.length)] + " " + p + ".");
      }
      for (int v = 1; v <= 3; v++) {
        paragraphs.set(random.nextInt(paragraphs.size()), "Edited in version " + v + ".");
        Files.writeString(document.resolve(String.format("2026-01-%02dT00-00-00Z.txt", v)),
            String.join("\n\n", paragraphs));
      }
    }
  }

  private static Generator.Builder generator() {
    return Generator.builder().now(NOW).environment(Map.of());
  }

  private BuildReport build(Generator.Builder builder) throws Exception {
    return builder.build().generate(snapshots, site);
  }

  private Map<String, String> fullBuild(Generator.Builder builder) throws Exception {
    return SiteFiles.fullBuild(builder, snapshots, work);
  }

  @Test
  void aRebuildWithNothingChangedWritesNothing() throws Exception {
    BuildReport first = build(generator());
    assertFalse(first.nothingChanged());
    Map<String, Object> before = identities(site);

    BuildReport again = build(generator());

    assertTrue(again.nothingChanged());
    assertEquals(0, again.pagesWritten());
    assertTrue(again.pagesKept() > 0 && again.pagesKept() < first.pagesWritten());
    assertEquals(first.documents(), again.documents());
    assertEquals(first.changes(), again.changes());
    assertEquals(before, identities(site), "every file is the very same file, untouched");
  }

  @Test
  void touchingSnapshotsWithoutChangingThemWritesNothing() throws Exception {
    build(generator());
    Path snapshot = snapshots.resolve("source-1/doc-1/2026-01-02T00-00-00Z.txt");
    Files.setLastModifiedTime(snapshot, java.nio.file.attribute.FileTime.from(NOW));

    assertTrue(build(generator()).nothingChanged());
  }

  @Test
  void aNewSnapshotRebuildsOnlyItsDocumentAndTheSitePages() throws Exception {
    build(generator());
    Map<String, Object> before = identities(site);
    Path document = snapshots.resolve("source-1/doc-4");
    Files.writeString(document.resolve("2026-01-09T00-00-00Z.txt"), "A new version.\n\nShort.");

    BuildReport report = build(generator());

    assertFalse(report.nothingChanged());
    assertTrue(report.pagesKept() > 0);
    Map<String, Object> after = identities(site);
    for (Map.Entry<String, Object> file : before.entrySet()) {
      String path = file.getKey();
      boolean ownPage = path.startsWith("source-") && path.split("/").length > 2;
      if (ownPage && !path.startsWith("source-1/doc-4/")) {
        assertEquals(file.getValue(), after.get(path), path + " is kept, not rewritten");
      }
    }
    assertTrue(after.containsKey("source-1/doc-4/diffs/3-4.html"));
    assertEquals(fullBuild(generator()), contents(site));
  }

  @Test
  void aNewSnapshotLeavesTheEarlierPagesOfItsDocumentInPlace() throws Exception {
    // Two copies of the site; the second has lost a page of the document's first diff, so
    // that none of the document's pages can stay there and all are written again.
    Path copy = work.resolve("out/copy");
    build(generator());
    generator().build().generate(snapshots, copy);
    Files.writeString(snapshots.resolve("source-1/doc-4/2026-01-09T00-00-00Z.txt"),
        "A new version.\n\nShort.");
    Files.delete(copy.resolve("source-1/doc-4/diffs/1-2.inline.html"));

    BuildReport inPlace = build(generator());
    BuildReport rewritten = generator().build().generate(snapshots, copy);

    // The diff from version 1 to 2 (two pages) and the pages of versions 1 and 2: the diff
    // from 2 to 3 and version 3 gain a link to what follows, and the rest is new.
    assertEquals(4, inPlace.pagesKept() - rewritten.pagesKept());
    Map<String, String> full = fullBuild(generator());
    assertEquals(full, contents(site));
    assertEquals(full, contents(copy));
  }

  @Test
  void pagesStayOnlyWhileWhatTheyShowIsTheSame() throws Exception {
    build(generator());
    // An earlier snapshot rewritten: the diffs on either side of it and its version page.
    Path document = snapshots.resolve("source-2/doc-5");
    Files.writeString(document.resolve("2026-01-02T00-00-00Z.txt"), "Rewritten.\n\nWhole.");
    build(generator());
    assertEquals(fullBuild(generator()), contents(site));

    // A new headline in the latest version renames the document on every page.
    Files.writeString(document.resolve("2026-01-09T00-00-00Z.txt"), "# A new title\n\nText.");
    Files.move(document.resolve("2026-01-09T00-00-00Z.txt"),
        document.resolve("2026-01-09T00-00-00Z.md"));
    build(generator());
    assertTrue(Files.readString(site.resolve("source-2/doc-5/versions/1.html"))
        .contains("A new title"));
    assertEquals(fullBuild(generator()), contents(site));

    // The latest snapshot removed: the version before it is the latest again.
    Files.delete(document.resolve("2026-01-09T00-00-00Z.md"));
    build(generator());
    assertEquals(fullBuild(generator()), contents(site));
  }

  @Test
  void feedsRepublishTheNewExcerptsOfARewrittenSnapshotAndKeepTheOthers() throws Exception {
    build(generator());
    // Every change is recent enough for the site feed; a rebuild takes the excerpts of kept
    // documents from the last build, and must not take those of a rebuilt one.
    Path rewritten = snapshots.resolve("source-2/doc-5/2026-01-03T00-00-00Z.txt");
    Files.writeString(rewritten, Files.readString(rewritten)
        + "\n\nRewritten afterwards with a sentence never seen before.");
    build(generator());
    assertTrue(Files.readString(site.resolve("feed.xml")).contains("never seen before"));
    assertEquals(fullBuild(generator()), contents(site));

    // A build that keeps source-2 whole, then one that rebuilds its feed with one new change.
    Files.writeString(snapshots.resolve("source-0/doc-3/2026-01-09T00-00-00Z.txt"), "New.");
    build(generator());
    Files.writeString(snapshots.resolve("source-2/doc-2/2026-01-10T00-00-00Z.txt"), "Newer.");
    build(generator());
    String sourceFeed = Files.readString(site.resolve("source-2/feed.xml"));
    assertTrue(sourceFeed.contains("never seen before")
        && sourceFeed.contains("urn:palimpsest:change:source-2/doc-2/4"), sourceFeed);
    assertEquals(fullBuild(generator()), contents(site));
  }

  @Test
  void aChangedTemplateRebuildsEverything() throws Exception {
    Path templates = Files.createDirectories(work.resolve("templates/assets"));
    Files.writeString(templates.resolve("style.css"), "body { color: black; }\n");
    build(generator().templates(work.resolve("templates")));
    Files.writeString(templates.resolve("style.css"), "body { color: navy; }\n");

    BuildReport report = build(generator().templates(work.resolve("templates")));

    assertEquals(0, report.pagesKept());
    assertFalse(report.nothingChanged());
    assertEquals("body { color: navy; }\n",
        Files.readString(site.resolve("assets/style.css")));
  }

  @Test
  void aChangedOptionRebuildsEverything() throws Exception {
    build(generator());
    BuildReport report = build(generator().title("Another title"));

    assertEquals(0, report.pagesKept());
    assertEquals(fullBuild(generator().title("Another title")), contents(site));
  }

  @Test
  void aFullBuildIgnoresTheCache() throws Exception {
    BuildReport first = build(generator());
    BuildReport full = build(generator().fullBuild(true));

    assertFalse(full.nothingChanged());
    assertEquals(0, full.pagesKept());
    assertEquals(first.pagesWritten(), full.pagesWritten());
  }

  @Test
  void aCorruptCacheIsIgnoredWithAWarning() throws Exception {
    build(generator());
    Path cache = BuildCache.fileFor(site);
    assertTrue(Files.isRegularFile(cache), "the cache lives beside the site");
    Files.writeString(cache, "{\"format\": 1, \"documents\": [ {\"sour");
    Files.writeString(snapshots.resolve("source-0/doc-0/2026-01-09T00-00-00Z.txt"), "New.");

    BuildReport report = build(generator());

    assertEquals(0, report.pagesKept());
    assertTrue(report.warnings().stream().map(Problem::toString)
        .anyMatch(w -> w.startsWith(cache + ": build cache ignored")), report.warnings()
        .toString());
    assertEquals(fullBuild(generator()), contents(site));
    assertTrue(build(generator()).nothingChanged(), "the next build has a good cache again");
  }

  @Test
  void aDamagedCacheIsIgnoredWithAWarning() throws Exception {
    build(generator());
    Path cache = BuildCache.fileFor(site);
    byte[] bytes = Files.readAllBytes(cache);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(cache, bytes);

    BuildReport report = build(generator());

    assertEquals(0, report.pagesKept());
    assertWarned(report, "checksum");
  }

  @Test
  void aCacheFromAnotherVersionIsIgnoredWithAWarning() throws Exception {
    build(generator());
    Path cache = BuildCache.fileFor(site);
    // The same cache as another generator version would write it.
    byte[] bytes = Files.readAllBytes(cache);
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    String version = BuildCache.GENERATOR_VERSION;
    assertTrue(text.contains(version));
    String foreign = text.replace(version, "0".repeat(version.length()));
    assertNotEquals(text, foreign);
    Files.write(cache, foreign.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    BuildReport report = build(generator());

    assertFalse(report.nothingChanged());
    assertEquals(0, report.pagesKept());
    assertWarned(report, "another version");
  }

  @Test
  void aDeletedDocumentLosesItsPages() throws Exception {
    build(generator());
    assertTrue(Files.exists(site.resolve("source-2/doc-5/index.html")));
    try (Stream<Path> files = Files.walk(snapshots.resolve("source-2/doc-5"))) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }

    BuildReport report = build(generator());

    assertFalse(report.nothingChanged());
    assertFalse(Files.exists(site.resolve("source-2/doc-5")));
    assertEquals(fullBuild(generator()), contents(site));
  }

  @Test
  void aPageLostFromTheSiteIsBuiltAgain() throws Exception {
    build(generator());
    Files.writeString(snapshots.resolve("source-0/doc-3/2026-01-09T00-00-00Z.txt"), "New.");
    Files.delete(site.resolve("source-1/doc-7/versions/2.html"));

    build(generator());

    assertEquals(fullBuild(generator()), contents(site));
  }

  @Test
  void anUpdateInPlaceLeavesOtherSourcesAndUnchangedSitePagesUntouched() throws Exception {
    build(generator());
    Map<String, Object> before = identities(site);
    Files.writeString(snapshots.resolve("source-1/doc-4/2026-01-09T00-00-00Z.txt"), "New.");

    BuildReport report = build(generator());

    Map<String, Object> after = identities(site);
    int untouched = 0;
    for (Map.Entry<String, Object> file : before.entrySet()) {
      String path = file.getKey();
      if (path.startsWith("source-0/") || path.startsWith("source-2/")
          || path.startsWith("assets/")) {
        assertEquals(file.getValue(), after.get(path), path + " is left as it is");
        untouched++;
      }
    }
    assertTrue(untouched > 2 * 4 * 6, "pages of two sources and the assets: " + untouched);
    // 14 files of the document, 2 of its source and 7 of the site (pages, feeds, assets).
    assertTrue(report.pagesWritten() < 30, "one document and the site pages: "
        + report.pagesWritten());
    assertEquals(fullBuild(generator()), contents(site));
  }

  @Test
  void aRemovedSnapshotTakesItsPagesAway() throws Exception {
    build(generator());
    assertTrue(Files.exists(site.resolve("source-0/doc-3/versions/3.html")));
    Files.delete(snapshots.resolve("source-0/doc-3/2026-01-03T00-00-00Z.txt"));

    build(generator());

    assertFalse(Files.exists(site.resolve("source-0/doc-3/versions/3.html")));
    assertFalse(Files.exists(site.resolve("source-0/doc-3/diffs/2-3.html")));
    assertEquals(fullBuild(generator()), contents(site));
  }

  @Test
  void aRemovedSourceTakesItsFolderAway() throws Exception {
    build(generator());
    try (Stream<Path> files = Files.walk(snapshots.resolve("source-2"))) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }

    build(generator());

    assertFalse(Files.exists(site.resolve("source-2")));
    assertEquals(fullBuild(generator()), contents(site));
  }

  @Test
  void aBuildAfterAnUpdateCutShortBuildsEverything() throws Exception {
    build(generator());
    // What a build killed while updating the site in place leaves: no cache, and a site
    // part old, part new.
    Files.delete(BuildCache.fileFor(site));
    Files.writeString(site.resolve("source-0/doc-0/index.html"), "half-way");

    BuildReport report = build(generator());

    assertEquals(0, report.pagesKept());
    assertEquals(fullBuild(generator()), contents(site));
  }

  @Test
  void oneThreadAndFourThreadsBuildTheSameSite() throws Exception {
    Path one = work.resolve("one/site");
    Path four = work.resolve("four/site");
    generator().threads(1).build().generate(snapshots, one);
    generator().threads(4).build().generate(snapshots, four);

    Map<String, String> single = contents(one);
    assertTrue(single.size() > 12 * 6);
    assertEquals(single, contents(four));
  }

  private static void assertWarned(BuildReport report, String text) {
    assertTrue(report.warnings().stream().anyMatch(w -> w.reason().contains(text)),
        report.warnings().toString());
  }
}
