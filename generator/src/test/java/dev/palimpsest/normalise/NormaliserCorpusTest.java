package dev.palimpsest.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Normalises every Markdown snapshot of the real terms-of-service corpus, whose folder the
 * build passes in the {@code palimpsest.corpus} system property.
 */
class NormaliserCorpusTest {

  @Test
  void everyCorpusSnapshotGivesCleanBlocks() throws IOException {
    Path corpus = corpus();
    List<Path> files;
    try (Stream<Path> paths = Files.walk(corpus)) {
      files = paths.filter(path -> path.toString().endsWith(".md")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no .md files under " + corpus);

    long start = System.nanoTime();
    // In parallel, as the generator runs it, which also exercises thread safety.
    Map<Path, NormalisedText> results = new TreeMap<>();
    files.parallelStream()
        .map(file -> Map.entry(corpus.relativize(file), normalise(file)))
        .toList()
        .forEach(entry -> results.put(entry.getKey(), entry.getValue()));
    long millis = (System.nanoTime() - start) / 1_000_000;

    int blockCount = 0;
    for (Map.Entry<Path, NormalisedText> entry : results.entrySet()) {
      List<Block> blocks = entry.getValue().blocks();
      assertFalse(blocks.isEmpty(), entry.getKey() + " has no blocks");
      for (Block block : blocks) {
        String text = block.text();
        assertFalse(text.contains("\n") || text.contains("\r"), entry.getKey() + ": " + text);
        assertEquals(text.strip(), text, entry.getKey() + " has outer spaces: " + text);
        assertFalse(text.contains("  "), entry.getKey() + " has a double space: " + text);
        assertFalse(text.contains("\u00A0") || text.contains("\u200B"),
            entry.getKey() + " has an invisible space: " + text);
      }
      blockCount += blocks.size();
    }
    System.out.printf("normalised %d Markdown snapshots into %d blocks in %d ms%n",
        results.size(), blockCount, millis);

    NormalisedText tiktok = results.get(Path.of("tiktok/terms-of-service/2025-09-12T15-05-06Z.md"));
    assertTrue(tiktok.blocks().contains(Block.paragraph("Welcome to TikTok.")));
    assertTrue(tiktok.blocks().contains(Block.paragraph("Last updated: August 2025")));

    NormalisedText bing = results.get(Path.of("bing/terms-of-service/2026-01-25T12-41-26Z.md"));
    assertEquals("Microsoft Services Agreement", bing.headline());
    assertEquals(Block.paragraph("Published: July 30, 2025"), bing.blocks().get(0));
    assertTrue(bing.blocks().contains(Block.heading(2, "Microsoft Services Agreement")));

    // The law enforcement table puts addresses on several lines with <br> tags.
    NormalisedText lawEnforcement =
        results.get(Path.of("tiktok/law-enforcement-guidelines/2026-01-23T01-21-21Z.md"));
    assertTrue(lawEnforcement.blocks().stream().anyMatch(block ->
            block.kind() == Block.Kind.TABLE_ROW
                && block.text().startsWith("TikTok USDS Joint Venture LLC 5800 Bristol Parkway")),
        "table row with <br> addresses");
    assertTrue(results.values().stream().flatMap(text -> text.blocks().stream())
        .noneMatch(block -> block.text().contains("<br")), "a <br> tag leaked into text");
  }

  private static Path corpus() {
    String property = System.getProperty("palimpsest.corpus");
    Path corpus = property == null || property.isBlank() ? null : Path.of(property);
    Assumptions.assumeTrue(corpus != null && Files.isDirectory(corpus),
        "real corpus not found at " + property
            + " (set the palimpsest.corpus system property): skipped");
    return corpus;
  }

  private static NormalisedText normalise(Path file) {
    try {
      return Normaliser.normalise(Format.MARKDOWN, Files.readAllBytes(file),
          NormaliseOptions.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnusableSnapshotException e) {
      throw new AssertionError(file + ": " + e.getMessage(), e);
    }
  }
}
