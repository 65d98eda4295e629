package dev.palimpsest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Golden files: a folder of expected output compared file by file with what a build wrote.
 * With {@code -Dgolden.update=true} the folder is first rewritten from the build, for review.
 */
final class GoldenFiles {
  private GoldenFiles() {}

  /** The files under {@code root} that {@code include} accepts, by path relative to it. */
  static Map<String, byte[]> read(Path root, Predicate<Path> include) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).filter(include).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return files;
  }

  /** Every file under {@code root}. */
  static Map<String, byte[]> read(Path root) throws IOException {
    return read(root, file -> true);
  }

  /** Asserts that {@code actual} (read with {@code include}) is what {@code golden} holds. */
  static void assertMatches(Path golden, Map<String, byte[]> actual, Predicate<Path> include)
      throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      replace(golden, actual);
    }
    Map<String, byte[]> expected = read(golden, include);
    assertEquals(expected.keySet(), actual.keySet(), "the golden set of files in " + golden);
    for (String path : expected.keySet()) {
      assertEquals(new String(expected.get(path), StandardCharsets.UTF_8),
          new String(actual.get(path), StandardCharsets.UTF_8), path);
    }
  }

  private static void replace(Path golden, Map<String, byte[]> files) throws IOException {
    if (Files.exists(golden)) {
      try (Stream<Path> walk = Files.walk(golden)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path target = golden.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
  }
}
