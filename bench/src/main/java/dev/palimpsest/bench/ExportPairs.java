package dev.palimpsest.bench;

import dev.palimpsest.normalise.Block;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the corpus pairs the benchmark diffs as text files, one block per line, so that other
 * diff tools can be timed over exactly the same pairs: {@code NNNNN.old.txt} and
 * {@code NNNNN.new.txt} in the output folder.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.palimpsest.bench.ExportPairs CORPUS OUT</pre>
 */
public final class ExportPairs {
  private ExportPairs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ExportPairs <corpus folder> <output folder>");
      System.exit(2);
    }
    List<CorpusPairs.Pair> pairs = CorpusPairs.load(CorpusPairs.corpus(args[0]));
    Path out = Files.createDirectories(Path.of(args[1]));
    int n = 0;
    for (CorpusPairs.Pair pair : pairs) {
      String name = String.format("%05d", n++);
      Files.writeString(out.resolve(name + ".old.txt"), lines(pair.oldBlocks()),
          StandardCharsets.UTF_8);
      Files.writeString(out.resolve(name + ".new.txt"), lines(pair.newBlocks()),
          StandardCharsets.UTF_8);
    }
    System.out.println(n);
  }

  private static String lines(List<Block> blocks) {
    StringBuilder text = new StringBuilder();
    for (Block block : blocks) {
      text.append(block.text().replace('\n', ' ')).append('\n');
    }
    return text.toString();
  }
}
