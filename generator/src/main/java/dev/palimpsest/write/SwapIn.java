package dev.palimpsest.write;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A new site staged whole, kept files included, and swapped in for the current one.
 *
 * <p>The swap is two renames (the old site aside, the new one in), so a process killed at any
 * moment leaves either the old site or the new one complete, in place or, if the kill fell
 * between the two renames, aside, where {@link Leftovers#recover} finds it and puts it back.
 */
final class SwapIn implements SiteUpdate {
  private final Path out;
  private final Path staging;

  SwapIn(Path out, Path staging) {
    this.out = out;
    this.staging = staging;
  }

  /**
   * Stages hard links to the files where the file system allows (nothing is copied or
   * rewritten), copies elsewhere; the new site must never write to a kept file, since it may
   * share its bytes with the site being served.
   */
  @Override
  public void keep(String dir, List<String> names) throws IOException {
    List<Path> linked = new ArrayList<>();
    Path made = null;
    try {
      for (String name : names) {
        String path = OutputPaths.checked(dir + "/" + name);
        Path from = out.resolve(path);
        Path to = staging.resolve(path);
        // Names come in order, so a folder made for one file usually serves the next ones.
        if (!to.getParent().equals(made)) {
          made = Files.createDirectories(to.getParent());
        }
        try {
          Files.createLink(to, from);
        } catch (UnsupportedOperationException | FileSystemException e) {
          if (e instanceof NoSuchFileException missing) {
            throw missing;
          }
          Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        linked.add(to);
      }
    } catch (NoSuchFileException e) {
      for (Path link : linked) {
        Files.delete(link);
      }
      throw e;
    }
  }

  @Override
  public byte[] read(String path) throws IOException {
    return Files.readAllBytes(staging.resolve(OutputPaths.checked(path)));
  }

  /** Replaces the output folder with the staged site. */
  void commit() throws IOException {
    if (Files.exists(out)) {
      Path old = Leftovers.aside(out);
      FileTrees.move(out, old);
      FileTrees.move(staging, out);
      FileTrees.deleteInParallel(old);
    } else {
      FileTrees.move(staging, out);
    }
  }
}
