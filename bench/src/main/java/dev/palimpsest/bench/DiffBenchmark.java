package dev.palimpsest.bench;

import dev.palimpsest.diff.BlockDiff;
import dev.palimpsest.diff.Diff;
import dev.palimpsest.normalise.Block;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The diff engine over the real corpus and over two pathological inputs.
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar DiffBenchmark -wi 2 -i 3 -f 1
 * </pre>
 *
 * <p>{@code corpusPairs} diffs one pair of consecutive versions per operation, cycling through
 * every pair of the corpus, so its score is pairs per second. The pathological benchmarks
 * report seconds per diff.
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class DiffBenchmark {

  /** All consecutive-version pairs of the corpus, normalised as the generator does. */
  @State(Scope.Benchmark)
  public static class Corpus {
    /** The snapshot folder; empty means {@code -Dpalimpsest.corpus} or the default. */
    @Param("")
    public String corpus;

    List<CorpusPairs.Pair> pairs;
    int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
      pairs = CorpusPairs.load(CorpusPairs.corpus(corpus));
      if (pairs.isEmpty()) {
        throw new IllegalStateException("the corpus has no pair of versions");
      }
      System.out.println("corpus pairs: " + pairs.size());
    }
  }

  /** A 2 MB paragraph with scattered edits; 2,000 shuffled paragraphs, half their words new. */
  @State(Scope.Benchmark)
  public static class Pathological {
    List<Block> hugeOld;
    List<Block> hugeNew;
    List<Block> shuffledOld;
    List<Block> shuffledNew;

    @Setup(Level.Trial)
    public void build() {
      Random random = new Random(2L);
      List<String> sentences = new ArrayList<>();
      int length = 0;
      while (length < 2_000_000) {
        String sentence = Texts.sentence(random);
        sentences.add(sentence);
        length += sentence.length() + 1;
      }
      List<String> edited = new ArrayList<>(sentences);
      for (int e = 0; e < 40; e++) {
        edited.set(random.nextInt(edited.size()), Texts.sentence(random));
      }
      hugeOld = List.of(Block.paragraph(String.join(" ", sentences)));
      hugeNew = List.of(Block.paragraph(String.join(" ", edited)));

      shuffledOld = new ArrayList<>();
      shuffledNew = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        String text = Texts.sentence(random) + " " + Texts.sentence(random);
        shuffledOld.add(Block.paragraph(text));
        shuffledNew.add(Block.paragraph(Texts.changeHalfTheWords(random, text)));
      }
      Collections.shuffle(shuffledNew, random);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Diff corpusPairs(Corpus state) {
    CorpusPairs.Pair pair = state.pairs.get(state.next);
    state.next = (state.next + 1) % state.pairs.size();
    return BlockDiff.compare(pair.oldBlocks(), pair.newBlocks());
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 3, time = 1)
  public Diff hugeParagraph(Pathological state) {
    return BlockDiff.compare(state.hugeOld, state.hugeNew);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 3, time = 1)
  public Diff shuffledParagraphs(Pathological state) {
    return BlockDiff.compare(state.shuffledOld, state.shuffledNew);
  }
}
