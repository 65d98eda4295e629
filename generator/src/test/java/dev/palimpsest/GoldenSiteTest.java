package dev.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
    Map<String, byte[]> actual = files(site);
    if (Boolean.getBoolean("golden.update")) {
      replaceGolden(actual);
    }
    Map<String, byte[]> expected = files(GOLDEN);
    assertEquals(expected.keySet(), actual.keySet(), "the site has the golden set of files");
    for (String path : expected.keySet()) {
      assertEquals(new String(expected.get(path), StandardCharsets.UTF_8),
          new String(actual.get(path), StandardCharsets.UTF_8), path);
    }
  }

  @Test
  void twoBuildsOfTheSameInputAreByteIdentical() throws Exception {
    build(work.resolve("one"));
    build(work.resolve("two"));
    Map<String, byte[]> one = files(work.resolve("one"));
    Map<String, byte[]> two = files(work.resolve("two"));
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
  }

  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static void replaceGolden(Map<String, byte[]> site) throws IOException {
    if (Files.exists(GOLDEN)) {
      try (Stream<Path> walk = Files.walk(GOLDEN)) {
        for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    for (Map.Entry<String, byte[]> file : site.entrySet()) {
      Path target = GOLDEN.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }
}
