package dev.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

/**
 * Every page of the sites built from the sample and the test fixtures (hostile ones included) is
 * valid HTML by the W3C Nu checker, and every feed parses with Rome.
 */
class ValidityTest {
  static final List<Path> INPUTS = List.of(Path.of("../sample-site/snapshots"),
      Path.of("src/test/resources/fixtures/small"), Path.of("src/test/resources/fixtures/bad"),
      Path.of("src/test/resources/fixtures/hostile"));

  @TempDir
  static Path work;

  @BeforeAll
  static void buildSites() throws Exception {
    for (int i = 0; i < INPUTS.size(); i++) {
      Generator.builder().now(Instant.parse("2026-06-01T00:00:00Z"))
          .baseUrl("https://changes.example.org/").build()
          .generate(INPUTS.get(i), work.resolve("site-" + i));
    }
  }

  @Test
  void everyPageIsValidHtml() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process checker = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "nu.validator.client.SimpleCommandLineValidator", "--skip-non-html", "--errors-only",
        "--format", "gnu", work.toString()).redirectErrorStream(true).start();
    String report = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, checker.waitFor(), report);
    assertEquals("", report.strip());
    assertTrue(SiteChecks.pages(work).size() > 100, "the checker saw the pages");
  }

  @Test
  void everyFeedParsesWithRome() throws Exception {
    List<Path> feeds;
    try (Stream<Path> files = Files.walk(work)) {
      feeds = files.filter(p -> p.toString().endsWith(".xml")
          && !p.getFileName().toString().startsWith("sitemap")).toList();
    }
    assertTrue(feeds.size() > 20);
    for (Path feed : feeds) {
      SyndFeed parsed = parse(feed);
      assertTrue(parsed.getTitle() != null && !parsed.getTitle().isBlank(), feed.toString());
      for (SyndEntry entry : parsed.getEntries()) {
        assertTrue(entry.getLink().startsWith("https://changes.example.org/"), entry.getLink());
        assertTrue(entry.getPublishedDate() != null || entry.getUpdatedDate() != null);
      }
    }
  }

  private static SyndFeed parse(Path feed) throws Exception {
    try (InputStream in = Files.newInputStream(feed)) {
      return new SyndFeedInput().build(new InputSource(in));
    } catch (IOException e) {
      throw new AssertionError(feed + " does not parse", e);
    }
  }
}
