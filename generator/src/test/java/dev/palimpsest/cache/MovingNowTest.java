package dev.palimpsest.cache;

import static dev.palimpsest.cache.SiteFiles.contents;
import static dev.palimpsest.cache.SiteFiles.identities;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.BuildReport;
import dev.palimpsest.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Without {@code --now}, "now" is the newest capture, so a scheduled build's new capture moves
 * it. Only what shows now-relative text (history and index pages) may then be written again,
 * and only where its words moved; a rebuild still gives the same bytes as a full build.
 */
class MovingNowTest {
  /** The newest capture of the corpus. */
  static final Instant NEWEST = Instant.parse("2026-05-01T12:00:00Z");
  private static final DateTimeFormatter FILE_NAME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

  @TempDir
  Path work;

  Path snapshots;
  Path site;

  @BeforeEach
  void corpus() throws IOException {
    snapshots = work.resolve("snapshots");
    site = work.resolve("out/site");
    // Last changes at ages whose words an hour more moves ("moments ago", "over 9 days ago")
    // or leaves as they are ("over 40 days ago"; a whole number of days would lose its
    // "over").
    document("news", "fresh", Duration.ofHours(2), Duration.ZERO);
    document("news", "nine-days", Duration.ofDays(20), Duration.ofDays(10).minusMinutes(30));
    document("news", "weeks", Duration.ofDays(60), Duration.ofDays(40).plusHours(5));
    document("news", "months", Duration.ofDays(400), Duration.ofDays(200));
    document("news", "years", Duration.ofDays(1500), Duration.ofDays(1100).plusHours(3));
    document("other", "steady", Duration.ofDays(500), Duration.ofDays(300).plusHours(7));
    // One version, captured twice: it has not changed, and its page says nothing of "now".
    Path unchanged = Files.createDirectories(snapshots.resolve("news/unchanged"));
    capture(unchanged, NEWEST.minus(Duration.ofDays(100)), "Never changed.\n\nStill.");
    capture(unchanged, NEWEST.minus(Duration.ofDays(1)), "Never changed.\n\nStill.");
  }

  /** A document of two versions, the first and the second this long before the newest. */
  private void document(String source, String name, Duration first, Duration second)
      throws IOException {
    Path folder = Files.createDirectories(snapshots.resolve(source).resolve(name));
    capture(folder, NEWEST.minus(first), "# " + name + "\n\nThe first text of " + name + ".");
    capture(folder, NEWEST.minus(second), "# " + name + "\n\nThe second text of " + name
        + ", a little longer.");
  }

  private static void capture(Path folder, Instant time, String text) throws IOException {
    Files.writeString(folder.resolve(FILE_NAME.format(time) + ".md"), text);
  }

  private static Generator.Builder generator(Map<String, String> environment) {
    return Generator.builder().environment(environment);
  }

  private static Generator.Builder generator() {
    return generator(Map.of());
  }

  private BuildReport build(Generator.Builder builder) throws Exception {
    return builder.build().generate(snapshots, site);
  }

  private Map<String, String> fullBuild(Generator.Builder builder) throws Exception {
    return SiteFiles.fullBuild(builder, snapshots, work);
  }

  @Test
  void aNewCaptureRewritesOnlyItsDocumentAndThePagesWhoseWordsMoved() throws Exception {
    build(generator());
    Map<String, Object> before = identities(site);
    assertTrue(Files.readString(site.resolve("news/nine-days/index.html"))
        .contains("over 9 days ago"));

    capture(snapshots.resolve("news/months"), NEWEST.plus(Duration.ofHours(1)),
        "# months\n\nA third text, an hour after every other capture.");
    BuildReport report = build(generator());

    assertFalse(report.nothingChanged());
    Map<String, Object> after = identities(site);
    Set<String> moved = Set.of("news/fresh/index.html", "news/nine-days/index.html");
    List<String> rewritten = new ArrayList<>();
    for (Map.Entry<String, Object> file : before.entrySet()) {
      String path = file.getKey();
      if (!file.getValue().equals(after.get(path))) {
        rewritten.add(path);
      }
    }
    for (String path : rewritten) {
      boolean expected = path.startsWith("news/months/") || moved.contains(path)
          || !path.contains("/") || path.equals("news/index.html") || path.equals("news/feed.xml")
          || path.equals("news/sitemap.xml");
      assertTrue(expected, path + " was written again, though nothing it shows changed");
    }
    assertTrue(rewritten.containsAll(moved), rewritten.toString());
    assertTrue(Files.readString(site.resolve("news/nine-days/index.html"))
        .contains("over 10 days ago"));
    // A source whose documents and words stayed the same keeps all of its files.
    assertFalse(rewritten.stream().anyMatch(path -> path.startsWith("other/")), rewritten
        .toString());
    assertEquals(fullBuild(generator()), contents(site));
  }

  @Test
  void movingNowAloneRewritesNoDiffOrVersionPage() throws Exception {
    long epoch = NEWEST.plus(Duration.ofDays(1)).getEpochSecond();
    build(generator(Map.of("SOURCE_DATE_EPOCH", String.valueOf(epoch))));
    Map<String, Object> before = identities(site);

    Map<String, String> later = Map.of("SOURCE_DATE_EPOCH", String.valueOf(epoch + 86_400));
    BuildReport report = build(generator(later));

    assertFalse(report.nothingChanged(), "the history and index pages read otherwise");
    Map<String, Object> after = identities(site);
    for (Map.Entry<String, Object> file : before.entrySet()) {
      if (file.getKey().contains("/diffs/") || file.getKey().contains("/versions/")
          || file.getKey().endsWith("/feed.xml")) {
        assertEquals(file.getValue(), after.get(file.getKey()), file.getKey());
      }
    }
    assertNotEquals(before.get("news/fresh/index.html"), after.get("news/fresh/index.html"));
    assertEquals(before.get("news/years/index.html"), after.get("news/years/index.html"));
    assertEquals(fullBuild(generator(later)), contents(site));

    assertTrue(build(generator(later)).nothingChanged());
  }

  /**
   * Rebuilds after random edits, with and without {@code --now}, each compared byte for byte
   * with a full build of the same input.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void everyRebuildGivesTheSiteAFullBuildGives(long seed) throws Exception {
    Random random = new Random(seed);
    List<Path> documents;
    try (Stream<Path> walk = Files.walk(snapshots, 2)) {
      documents = walk.filter(p -> snapshots.relativize(p).getNameCount() == 2).sorted()
          .toList();
    }
    Instant newest = NEWEST;
    build(generator());
    for (int step = 0; step < 10; step++) {
      Path document = documents.get(random.nextInt(documents.size()));
      List<Path> captures = captures(document);
      switch (random.nextInt(5)) {
        case 0 -> {
          // A new capture, newer than every other: a scheduled job's.
          newest = newest.plus(Duration.ofMinutes(1 + random.nextInt(3 * 24 * 60)));
          capture(document, newest, "# Edited\n\nStep " + step + " wrote this.");
        }
        case 1 -> capture(document, NEWEST.minus(Duration.ofDays(1 + random.nextInt(900))),
            "# Older\n\nA capture from the past, found at step " + step + ".");
        case 2 -> {
          if (captures.size() > 1) {
            Files.delete(captures.get(random.nextInt(captures.size())));
          }
        }
        case 3 -> Files.setLastModifiedTime(captures.get(0),
            FileTime.from(Instant.now().plusSeconds(step)));
        default -> Files.writeString(captures.get(captures.size() - 1),
            "# Rewritten\n\nThe latest capture, rewritten at step " + step + ".");
      }
      Generator.Builder generator = switch (random.nextInt(3)) {
        case 0 -> generator();
        case 1 -> generator().now(NEWEST.plus(Duration.ofHours(random.nextInt(24 * 90))));
        default -> generator(Map.of("SOURCE_DATE_EPOCH",
            String.valueOf(NEWEST.getEpochSecond() + random.nextInt(86_400 * 60))));
      };
      generator.threads(1 + random.nextInt(3));
      build(generator);
      assertEquals(fullBuild(generator), contents(site), "after step " + step);
    }
  }

  private static List<Path> captures(Path document) throws IOException {
    try (Stream<Path> files = Files.list(document)) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
  }
}
