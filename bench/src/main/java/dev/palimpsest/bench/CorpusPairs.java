package dev.palimpsest.bench;

import dev.palimpsest.normalise.Block;
import dev.palimpsest.normalise.Format;
import dev.palimpsest.normalise.NormaliseOptions;
import dev.palimpsest.normalise.NormalisedText;
import dev.palimpsest.normalise.Normaliser;
import dev.palimpsest.normalise.UnusableSnapshotException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every pair of consecutive versions of a snapshot folder, normalised as the generator does it
 * (a document's selector and ignore pattern applied, unusable snapshots and unchanged captures
 * skipped), in path order.
 */
public final class CorpusPairs {
  /** Two consecutive versions of one document. */
  public record Pair(String document, int to, List<Block> oldBlocks, List<Block> newBlocks) {}

  /** The folder benchmarks read unless told otherwise: the corpus beside the project. */
  public static final String DEFAULT_CORPUS = "../shared/corpus/terms";

  private CorpusPairs() {}

  /** The corpus folder: {@code -Dpalimpsest.corpus}, else {@link #DEFAULT_CORPUS}. */
  public static Path corpus(String given) {
    String path = given == null || given.isEmpty()
        ? System.getProperty("palimpsest.corpus", DEFAULT_CORPUS) : given;
    Path corpus = Path.of(path);
    if (!Files.isDirectory(corpus)) {
      throw new IllegalArgumentException("no snapshot folder at " + corpus.toAbsolutePath()
          + " (set -Dpalimpsest.corpus or the corpus parameter)");
    }
    return corpus;
  }

  public static List<Pair> load(Path corpus) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    for (Path source : folders(corpus)) {
      Properties sourceProperties = properties(source.resolve("source.properties"),
          new Properties());
      for (Path document : folders(source)) {
        Properties properties = properties(document.resolve("document.properties"),
            sourceProperties);
        String ignore = properties.getProperty("ignore");
        NormaliseOptions options = new NormaliseOptions(properties.getProperty("selector"),
            ignore == null ? null : Pattern.compile(ignore));
        List<Block> previous = null;
        int version = 0;
        for (Path snapshot : files(document)) {
          Optional<Format> format = Format.ofFileName(snapshot.getFileName().toString());
          if (format.isEmpty()) {
            continue;
          }
          NormalisedText text;
          try {
            text = Normaliser.normalise(format.get(), Files.readAllBytes(snapshot), options);
          } catch (UnusableSnapshotException e) {
            continue;
          }
          if (text.blocks().equals(previous)) {
            continue;
          }
          version++;
          if (previous != null) {
            pairs.add(new Pair(corpus.relativize(document).toString(), version, previous,
                text.blocks()));
          }
          previous = text.blocks();
        }
      }
    }
    return pairs;
  }

  private static Properties properties(Path file, Properties defaults) throws IOException {
    Properties properties = new Properties(defaults);
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    }
    return properties;
  }

  private static List<Path> folders(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().endsWith(".properties")).sorted().toList();
    }
  }
}
