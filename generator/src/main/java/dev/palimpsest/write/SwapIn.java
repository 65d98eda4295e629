package dev.palimpsest.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
