package dev.palimpsest.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.Problem;
import dev.palimpsest.document.ChangeSummary;
import dev.palimpsest.document.DocumentSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheTest {
  @TempDir Path folder;

  private static DocumentSummary summary(String name, int changeCount) {
    Instant start = Instant.parse("2026-01-01T00:00:00.123456789Z");
    List<ChangeSummary> changes = new ArrayList<>();
    for (int i = 1; i <= changeCount; i++) {
      changes.add(new ChangeSummary(i, i + 1, start.plusSeconds(i), start.plusSeconds(i + 1),
          i * 3, i, i % 2));
    }
    return new DocumentSummary("acme", name, "Títle ‘" + name + "’", start,
        start.plusSeconds(changeCount + 1), start.plusSeconds(changeCount + 2),
        changeCount + 1, changeCount % 2 == 0, changes);
  }

  @Test
  void readsBackWhatItWrote() throws Exception {
    Path file = folder.resolve(".site.palimpsest-cache");
    // The last entry has many changes and nothing after them but empty lists: every count is
    // checked against the bytes left, and a valid count must never look too large.
    List<BuildCache.Entry> entries = List.of(
        BuildCache.Entry.of("acme", "terms", "f1", "h1", Optional.of(summary("terms", 3)),
            List.of(new Problem(Path.of("acme/terms/x.bin"), "not a snapshot")),
            List.of(), List.of("index.html", "versions/1.html", "diffs/1-2.html"),
            List.of(1L, -2L, Long.MAX_VALUE), Arrays.asList("Terms", "Terms", null, "Terms")),
        BuildCache.Entry.of("acme", "empty", "f2", "h2", Optional.empty(), List.of(),
            List.of(new Problem(Path.of("acme/empty"), "no snapshots")), List.of(), List.of(),
            List.of()),
        BuildCache.Entry.of("acme", "long", "f3", "h3", Optional.of(summary("long", 500)),
            List.of(), List.of(), List.of(), List.of(), Collections.nCopies(501, "Long")));
    Map<String, String> excerpts = Map.of("acme/terms/2", "<p><del>old</del> “new”</p>");

    Instant now = Instant.parse("2026-11-24T10:15:30.5Z");
    BuildCache.write(file, "global", now, entries, List.of("index.html", "feed.xml"),
        excerpts);
    List<Problem> warnings = new ArrayList<>();
    BuildCache read = BuildCache.read(file, warnings).orElseThrow(
        () -> new AssertionError(warnings.toString()));

    assertTrue(warnings.isEmpty(), warnings.toString());
    assertTrue(read.appliesTo("global"));
    assertEquals(now, read.now());
    assertEquals(List.of("index.html", "feed.xml"), read.siteFiles());
    assertEquals(excerpts, read.feedExcerpts());
    assertEquals(entries.size(), read.size());
    for (BuildCache.Entry entry : entries) {
      assertEquals(entry, read.get(entry.source(), entry.name()).orElseThrow());
    }
  }
}
