package dev.palimpsest.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.Generator;
import dev.palimpsest.SiteChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills real builds (SIGKILL, in a child process) at moments spread over a build of a synthetic
 * corpus. A full build leaves the previous site or the new one, byte for byte, never a mixture.
 * An incremental build, which updates the site in place, leaves every file whole (the old one
 * or the new one), loses none that both sites have, and keeps every link resolving; the next
 * build then gives the new site.
 */
class CrashSafetyTest {
  static final String NOW = "2026-06-01T00:00:00Z";

  @TempDir
  Path work;

  @Test
  void aBuildKilledAtAnyMomentLeavesACompleteSite() throws Exception {
    Path before = corpus(work.resolve("before"), 3);
    Path after = corpus(work.resolve("after"), 4);
    Path site = work.resolve("out/site");
    buildInProcess(before, site);
    Map<String, String> oldSite = hashes(site);

    long started = System.nanoTime();
    assertEquals(0, runBuild(after, work.resolve("expected/site")).waitFor());
    long buildMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    Map<String, String> newSite = hashes(work.resolve("expected/site"));

    int killedMidway = 0;
    for (int tenth = 1; tenth <= 9; tenth++) {
      boolean finished = killAfter(runBuild(after, site), buildMillis * tenth / 10);
      Map<String, String> found = hashes(site);
      assertTrue(found.equals(oldSite) || found.equals(newSite),
          "after a kill at " + tenth + "0% of a build the site is the old or the new one, whole");
      if (!finished && found.equals(oldSite)) {
        killedMidway++;
      }
      if (found.equals(newSite)) {
        // Start the next round from the old site again.
        buildInProcess(before, site);
      }
    }
    System.out.printf("crash safety: build of %d ms killed mid-way %d times%n", buildMillis,
        killedMidway);
    assertTrue(killedMidway > 0, "some kills fell in the middle of a build");

    assertEquals(0, runBuild(after, site).waitFor());
    assertEquals(newSite, hashes(site));
    try (Stream<Path> siblings = Files.list(site.getParent())) {
      assertEquals(List.of("site"), siblings.map(p -> p.getFileName().toString())
          .filter(name -> !name.endsWith(".lock") && !name.endsWith(".palimpsest-cache"))
          .toList(),
          "nothing is left over from killed builds");
    }
  }

  /** With a build cache: one document gains a version, and the site is updated in place. */
  @Test
  void anIncrementalBuildKilledAtAnyMomentLeavesACompleteSite() throws Exception {
    Path snapshots = corpus(work.resolve("snapshots"), 3);
    Path site = work.resolve("out/site");
    Path added = snapshots.resolve("source-1/doc-1/2026-01-20T00-00-00Z.txt");
    buildInProcess(snapshots, site);
    Map<String, String> oldSite = hashes(site);

    Files.writeString(added, "A version added later.");
    long started = System.nanoTime();
    assertEquals(0, runBuild(snapshots, site).waitFor());
    long buildMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    Map<String, String> newSite = hashes(site);
    assertTrue(!newSite.equals(oldSite), "the new version changes the site");

    int killedMidway = 0;
    for (int tenth = 1; tenth <= 9; tenth++) {
      // Start each round from the old site and its cache.
      Files.delete(added);
      buildInProcess(snapshots, site);
      assertEquals(oldSite, hashes(site));
      Files.writeString(added, "A version added later.");

      boolean finished = killAfter(runBuild(snapshots, site), buildMillis * tenth / 10);
      Map<String, String> found = hashes(site);
      String when = "after a kill at " + tenth + "0% of an incremental build";
      for (Map.Entry<String, String> file : found.entrySet()) {
        String path = file.getKey();
        assertTrue(file.getValue().equals(oldSite.get(path))
            || file.getValue().equals(newSite.get(path)), when + ", " + path
            + " is whole: the old file or the new one");
      }
      for (String path : oldSite.keySet()) {
        if (newSite.containsKey(path)) {
          assertTrue(found.containsKey(path), when + ", " + path + " is still there");
        }
      }
      SiteChecks.checkLinks(site);
      if (!finished && !found.equals(newSite)) {
        killedMidway++;
      }
    }
    System.out.printf("crash safety: incremental build of %d ms killed mid-way %d times%n",
        buildMillis, killedMidway);
    assertTrue(killedMidway > 0, "some kills fell in the middle of a build");

    assertEquals(0, runBuild(snapshots, site).waitFor());
    assertEquals(newSite, hashes(site));
    assertEquals(newSite, hashes(rebuiltInFull(snapshots)), "the same as a full build");
  }

  private Path rebuiltInFull(Path snapshots) throws Exception {
    Path fresh = work.resolve("fresh/site");
    Generator.builder().now(Instant.parse(NOW)).fullBuild(true).build()
        .generate(snapshots, fresh);
    return fresh;
  }

  private static void buildInProcess(Path snapshots, Path out) throws Exception {
    Generator.builder().now(Instant.parse(NOW)).build().generate(snapshots, out);
  }

  /** Kills {@code build} (SIGKILL) after {@code millis}; returns whether it had finished. */
  private static boolean killAfter(Process build, long millis) throws InterruptedException {
    Thread.sleep(millis);
    boolean finished = !build.isAlive();
    build.destroyForcibly();
    build.waitFor(30, TimeUnit.SECONDS);
    return finished;
  }

  /** A build in its own JVM, as a user runs it, so that it can be killed outright. */
  private static Process runBuild(Path snapshots, Path out) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "dev.palimpsest.cli.Main", "build", snapshots.toString(), "--out", out.toString(),
        "--now", NOW, "--quiet")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** 150 documents of 40 paragraphs, each version editing a few of them. */
  private static Path corpus(Path root, int versions) throws IOException {
    Random random = new Random(7);
    String[] words = ("the council said ferry harbour notice terms privacy data users service "
        + "agreement change policy public review report update may shall account").split(" ");
    for (int d = 0; d < 150; d++) {
      Path document = Files.createDirectories(root.resolve("source-" + d % 5)
          .resolve("doc-" + d));
      List<String> paragraphs = new ArrayList<>();
      for (int p = 0; p < 40; p++) {
        StringBuilder paragraph = new StringBuilder();
        for (int w = 0; w < 30; w++) {
          paragraph.append(words[random.nextInt(words.length)]).append(' ');
        }
        paragraphs.add(paragraph.toString().strip() + ".");
      }
      for (int v = 1; v <= versions; v++) {
        for (int edit = 0; edit < 3; edit++) {
          paragraphs.set(random.nextInt(paragraphs.size()), "Edited in version " + v + " "
              + words[random.nextInt(words.length)] + ".");
        }
        Files.writeString(document.resolve(String.format("2026-01-%02dT00-00-00Z.txt", v)),
            String.join("\n\n", paragraphs));
      }
    }
    return root;
  }

  private static Map<String, String> hashes(Path site) throws Exception {
    Map<String, String> hashes = new TreeMap<>();
    if (!Files.isDirectory(site)) {
      return hashes;
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (Stream<Path> files = Files.walk(site)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        hashes.put(site.relativize(file).toString(),
            HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))));
      }
    }
    return hashes;
  }
}
