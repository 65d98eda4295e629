package dev.palimpsest.diff;

import static dev.palimpsest.diff.DiffInvariants.assertKeepsReadingOrder;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.normalise.Block;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Diffs every consecutive pair of snapshots of the real corpus named by the system property
 * {@code palimpsest.corpus} ({@code <service>/<document>/<time>.md}) and checks the reading-order
 * invariant on each. Blocks are paragraphs split on blank lines, so that this test does not
 * depend on the normaliser.
 */
class CorpusDiffTest {

  @Test
  void everyConsecutivePairOfTheRealCorpusKeepsBothReadingOrders() throws IOException {
    String property = System.getProperty("palimpsest.corpus", "");
    Path corpus = Path.of(property.isEmpty() ? "palimpsest.corpus (unset)" : property);
    Assumptions.assumeTrue(Files.isDirectory(corpus),
        "real corpus not found at " + corpus + ": skipped");

    int pairs = 0;
    int coarse = 0;
    long moved = 0;
    long started = System.nanoTime();
    for (Path document : documents(corpus)) {
      List<Path> snapshots = snapshots(document);
      for (int i = 1; i < snapshots.size(); i++) {
        List<Block> oldBlocks = paragraphs(snapshots.get(i - 1));
        List<Block> newBlocks = paragraphs(snapshots.get(i));
        Diff diff = BlockDiff.compare(oldBlocks, newBlocks);
        assertKeepsReadingOrder(oldBlocks, newBlocks, diff);
        pairs++;
        moved += diff.movedBlocks();
        coarse += diff.coarse() ? 1 : 0;
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("corpus %s: %d pairs diffed in %d ms (reading included), %d moved blocks,"
        + " %d coarse pairs%n", corpus, pairs, millis, moved, coarse);
    assertTrue(pairs > 0, "the corpus has no pair of snapshots");
  }

  private static List<Path> documents(Path corpus) throws IOException {
    try (Stream<Path> paths = Files.find(corpus, 2, (path, attributes) -> attributes.isDirectory()
        && corpus.relativize(path).getNameCount() == 2)) {
      return paths.sorted().toList();
    }
  }

  private static List<Path> snapshots(Path document) throws IOException {
    try (Stream<Path> files = Files.list(document)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
    }
  }

  private static List<Block> paragraphs(Path snapshot) throws IOException {
    String text = Files.readString(snapshot, StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    for (String paragraph : text.split("\\n\\s*\\n")) {
      String normalised = paragraph.replaceAll("\\s+", " ").trim();
      if (!normalised.isEmpty()) {
        blocks.add(Block.paragraph(normalised));
      }
    }
    return blocks;
  }
}
