package dev.palimpsest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where "now" comes from: never the wall clock. */
class GeneratorTest {
  static final Path SMALL = Path.of("src/test/resources/fixtures/small");

  @TempDir
  Path work;

  private String generated(Generator generator) throws Exception {
    Path site = work.resolve("site");
    generator.generate(SMALL, site);
    return Files.readString(site.resolve("changes.json"));
  }

  @Test
  void nowIsTheNewestSnapshotWhenNothingElseSaysSo() throws Exception {
    String json = generated(Generator.builder().environment(Map.of()).build());
    assertTrue(json.contains("\"generated\" : \"2026-01-20T15:30:00Z\""), json);
  }

  @Test
  void sourceDateEpochSetsNow() throws Exception {
    String json = generated(Generator.builder()
        .environment(Map.of("SOURCE_DATE_EPOCH", "1767225600")).build());
    assertTrue(json.contains("\"generated\" : \"2026-01-01T00:00:00Z\""), json);
  }

  @Test
  void aSourceDateEpochThatIsNotANumberIsABuildError() {
    BuildException e = assertThrows(BuildException.class, () -> generated(Generator.builder()
        .environment(Map.of("SOURCE_DATE_EPOCH", "yesterday")).build()));
    assertTrue(e.getMessage().contains("SOURCE_DATE_EPOCH"));
  }

  @Test
  void outputInsideTheSnapshotsIsRefused() {
    assertThrows(BuildException.class,
        () -> Generator.builder().build().generate(SMALL, SMALL.resolve("site")));
  }

  @Test
  void onlyHttpBaseUrlsAreAccepted() {
    assertThrows(IllegalArgumentException.class,
        () -> Generator.builder().baseUrl("javascript:alert(1)"));
  }
}
