package dev.palimpsest.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The current site updated in place: only the files written are staged, kept files stay where
 * they are, and the commit renames the staged files over the current site one by one. Staged
 * files lie side by side in the staging folder, under names of their own: a rebuild that
 * rewrites one page in each of thousands of folders would otherwise make and delete as many
 * staging folders, each a write to the file system's journal.
 *
 * <p>New files go in first, then replaced ones, and files no longer part of the site are deleted
 * last. Every file is always whole, the old one or the new one, and every link between them
 * resolves at every moment; what a kill can leave is a site part old and part new, which the
 * caller must rebuild in full next time (it deletes its build cache first).
 */
final class InPlaceUpdate implements SiteUpdate {
  private final Path out;
  private final Path staging;
  /** The staged files, by their path in the site. */
  private final Map<String, Path> staged = new ConcurrentHashMap<>();
  private final AtomicInteger names = new AtomicInteger();

  InPlaceUpdate(Path out, Path staging) {
    this.out = out;
    this.staging = staging;
  }

  @Override
  public Path staged(String path) {
    return staged.computeIfAbsent(path,
        p -> staging.resolve(names.incrementAndGet() + ".staged"));
  }

  /**
   * Checks that the current site has these files. When {@code stamp} is the stamp their
   * folders have now ({@link FolderStamp}), no file was added to, removed from or renamed in
   * them since the build that stamped them, which saw the files there; otherwise the folders are
   * listed, rather than each file looked up: a document has a few folders and dozens of pages.
   *
   * @param stamp the folders' stamp when the files were last seen there, or 0
   * @return whether the stamp held
   * @throws NoSuchFileException when one of the files is missing
   */
  boolean keep(String dir, List<String> names, long stamp) throws IOException {
    if (stamp != 0 && stamp == FolderStamp.of(out, dir, names)) {
      return true;
    }
    // Names come in order, so the files of a folder come one after another and each folder
    // is listed once (or again, when other names come between).
    String folder = null;
    Set<String> present = Set.of();
    for (String name : names) {
      String path = OutputPaths.checked(dir + "/" + name);
      int slash = path.lastIndexOf('/');
      if (folder == null || folder.length() != slash || !path.startsWith(folder)) {
        folder = path.substring(0, slash);
        // Names as strings: no path object for each of a site's files.
        String[] listed = out.resolve(folder).toFile().list();
        if (listed == null) {
          throw new NoSuchFileException(out.resolve(folder).toString());
        }
        present = new HashSet<>(Arrays.asList(listed));
      }
      if (!present.contains(path.substring(slash + 1))) {
        throw new NoSuchFileException(out.resolve(path).toString());
      }
    }
    return false;
  }

  /** Reads the file staged at {@code path}, else the current site's (a file this build kept). */
  @Override
  public byte[] read(String path) throws IOException {
    Path file = staged.get(OutputPaths.checked(path));
    return Files.readAllBytes(file != null ? file : out.resolve(path));
  }

  /**
   * Moves the staged files into the current site and deletes {@code stale} files from it (see
   * the class comment for the order). A staged file with the same bytes as the one it would
   * replace is dropped instead, so that unchanged pages keep their time for tools that copy
   * the site on by time.
   *
   * @param stale files of the current site, relative to its root, that the new site lacks
   * @return how many files of the site were added or replaced
   */
  int commit(Collection<String> stale) throws IOException {
    List<String> paths = new ArrayList<>(staged.keySet());
    paths.sort(Comparator.naturalOrder());
    // Each step's renames run on all cores: a rebuild after a day of captures rewrites
    // thousands of history pages. The steps themselves follow one another, as the class
    // comment says.
    Map<String, Boolean> present = new ConcurrentHashMap<>();
    int added = inParallel(paths, path -> {
      Path target = out.resolve(path);
      if (Files.exists(target)) {
        present.put(path, Boolean.TRUE);
        return false;
      }
      Files.createDirectories(target.getParent());
      FileTrees.move(staged.get(path), target);
      return true;
    });
    int replaced = inParallel(paths.stream().filter(present::containsKey).toList(), path -> {
      Path from = staged.get(path);
      Path target = out.resolve(path);
      if (Files.size(from) == Files.size(target) && Files.mismatch(from, target) == -1) {
        return false;
      }
      FileTrees.replace(from, target);
      return true;
    });
    for (String path : stale) {
      Path file = out.resolve(OutputPaths.checked(path));
      Files.deleteIfExists(file);
      deleteEmptyFolders(file.getParent());
    }
    FileTrees.deleteTree(staging);
    return added + replaced;
  }

  /** A step of the commit for one file; true when it changed the site. */
  @FunctionalInterface
  private interface FileStep {
    boolean apply(String path) throws IOException;
  }

  /** Runs {@code step} for every path on all cores; returns how many changed the site. */
  private static int inParallel(List<String> paths, FileStep step) throws IOException {
    try {
      return (int) paths.parallelStream().filter(path -> {
        try {
          return step.apply(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).count();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }


  /** Deletes {@code folder} and its parents up to the site root while they are empty. */
  private void deleteEmptyFolders(Path folder) throws IOException {
    for (Path dir = folder; dir != null && !dir.equals(out) && dir.startsWith(out);
        dir = dir.getParent()) {
      try {
        Files.deleteIfExists(dir);
      } catch (DirectoryNotEmptyException e) {
        return;
      }
    }
  }
}
