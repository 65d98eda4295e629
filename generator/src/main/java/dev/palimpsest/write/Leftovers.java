package dev.palimpsest.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders a build makes beside its output (the site it stages, the current site moved
 * aside), and the recovery from those that a killed build left.
 */
final class Leftovers {
  private static final String BUILDING = ".building-";
  private static final String OLD = ".old-";

  private Leftovers() {}

  /**
   * Where this process stages a site for {@code target}. Named after the process rather than
   * made as a temporary folder: the lock keeps other builds out, and a temporary folder would be
   * private to its owner, which the committed site would keep, and a web server then could not
   * read it.
   */
  static Path staging(Path target) {
    return beside(target, BUILDING);
  }

  /** Where this process moves the current site of {@code target} while the new one goes in. */
  static Path aside(Path target) {
    return beside(target, OLD);
  }

  private static Path beside(Path target, String kind) {
    return target.resolveSibling("." + target.getFileName() + kind
        + ProcessHandle.current().pid());
  }

  /**
   * Undoes what a killed build left beside {@code target}: a site moved aside but not replaced
   * is put back, and unfinished staging folders and old sites are deleted. Run under the lock,
   * before anything else.
   */
  static void recover(Path target) throws IOException {
    String name = target.getFileName().toString();
    List<Path> leftovers;
    try (Stream<Path> siblings = Files.list(target.getParent())) {
      leftovers = siblings.filter(p -> {
        String sibling = p.getFileName().toString();
        return sibling.startsWith("." + name + BUILDING) || sibling.startsWith("." + name + OLD);
      }).sorted().toList();
    }
    for (Path leftover : leftovers) {
      boolean aside = leftover.getFileName().toString().startsWith("." + name + OLD);
      if (aside && !Files.exists(target)) {
        FileTrees.move(leftover, target);
      } else {
        FileTrees.deleteTree(leftover);
      }
    }
  }
}
