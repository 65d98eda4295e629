package dev.palimpsest.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
  /** The staging folders made so far: asking again for each of thousands of pages is costly. */
  private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();

  SwapIn(Path out, Path staging) {
    this.out = out;
    this.staging = staging;
  }

  /** The file at its place in the staged site. */
  @Override
  public Path staged(String path) throws IOException {
    Path file = staging.resolve(path);
    // Most pages go to a folder made already, which a plain look-up answers. Asking
    // computeIfAbsent for every page made the JVM compile it with all of the folder making
    // inlined, for a path taken once a folder.
    if (folders.get(file.getParent()) == null) {
      makeFolder(file.getParent());
    }
    return file;
  }

  /** Makes a staging folder, once: other threads wait for it rather than write too early. */
  private void makeFolder(Path folder) throws IOException {
    try {
      folders.computeIfAbsent(folder, f -> {
        try {
          Files.createDirectories(f);
          return Boolean.TRUE;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
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
