package dev.palimpsest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.Generator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s engine: build, serve, rebuild after a change, clean up. */
class LiveSiteTest {
  @TempDir
  Path work;
  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> get(LiveSite live, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(live.address().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void rebuildsWhenASnapshotIsAddedAndRemovesItsTemporaryFolder() throws Exception {
    Path snapshots = work.resolve("snapshots");
    Path doc = Files.createDirectories(snapshots.resolve("notes/bins"));
    Files.writeString(doc.resolve("2026-01-01T00-00-00Z.txt"), "Bins go out on Monday.\n");
    List<String> log = new CopyOnWriteArrayList<>();
    List<String> problems = new CopyOnWriteArrayList<>();
    Generator generator = Generator.builder().now(Instant.parse("2026-02-01T00:00:00Z")).build();
    Path output;
    try (LiveSite live = LiveSite.start(generator, snapshots, null, null, 0, log::add,
        problems::add)) {
      output = live.output();
      assertEquals(1, live.builds());
      assertTrue(get(live, "/notes/bins/index.html").body().contains("has not changed"));
      assertEquals(404, get(live, "/notes/bins/diffs/1-2.html").statusCode());

      Files.writeString(doc.resolve("2026-01-08T00-00-00Z.txt"), "Bins go out on Tuesday.\n");
      assertTrue(live.awaitBuilds(2, Duration.ofSeconds(20)), "rebuilt: " + log);
      HttpResponse<String> diff = get(live, "/notes/bins/diffs/1-2.html");
      assertEquals(200, diff.statusCode());
      assertTrue(diff.body().contains("<ins>Tuesday</ins>"), diff.body());
      assertTrue(log.get(log.size() - 1).startsWith("Rebuilt after a change to "), log.toString());

      // A new document in a new folder is seen too: new folders are watched as they appear.
      Path other = Files.createDirectories(snapshots.resolve("notes/parking"));
      Files.writeString(other.resolve("2026-01-09T00-00-00Z.txt"), "Free on Sundays.\n");
      assertTrue(live.awaitBuilds(3, Duration.ofSeconds(20)), "rebuilt: " + log);
      int builds = live.builds();
      for (int i = 0; i < 100 && get(live, "/notes/parking/index.html").statusCode() != 200;
          i++) {
        live.awaitBuilds(++builds, Duration.ofMillis(200));
      }
      assertEquals(200, get(live, "/notes/parking/index.html").statusCode());
      assertEquals(List.of(), problems);
    }
    assertFalse(Files.exists(output), "the temporary site is removed");
  }

  @Test
  void aBrokenTemplateAfterStartKeepsThePreviousSite() throws Exception {
    Path snapshots = work.resolve("snapshots");
    Path doc = Files.createDirectories(snapshots.resolve("notes/bins"));
    Files.writeString(doc.resolve("2026-01-01T00-00-00Z.txt"), "Bins go out on Monday.\n");
    Path templates = Files.createDirectories(work.resolve("templates"));
    Path out = work.resolve("site");
    List<String> problems = new CopyOnWriteArrayList<>();
    Generator generator = Generator.builder().templates(templates)
        .now(Instant.parse("2026-02-01T00:00:00Z")).build();
    try (LiveSite live = LiveSite.start(generator, snapshots, templates, out, 0, s -> { },
        problems::add)) {
      Files.writeString(templates.resolve("index.ftlh"), "<#if>broken");
      assertTrue(live.awaitBuilds(2, Duration.ofSeconds(20)));
      assertEquals(1, problems.size(), problems.toString());
      assertTrue(problems.get(0).startsWith("Rebuild failed, still serving the previous site"));
      assertEquals(200, get(live, "/index.html").statusCode());
    }
    assertTrue(Files.isRegularFile(out.resolve("index.html")), "a given --out folder stays");
  }
}
