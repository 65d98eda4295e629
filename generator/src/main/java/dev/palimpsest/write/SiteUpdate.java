package dev.palimpsest.write;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a build's files become the site: a new site swapped in whole ({@link SwapIn}), or the
 * current one updated in place ({@link InPlaceUpdate}), which keeps the files that are to stay
 * as they are.
 */
sealed interface SiteUpdate permits SwapIn, InPlaceUpdate {
  /**
   * Where the file of the new site at {@code path} (from the site root, already checked) is
   * written until the commit, its folders made. Thread-safe.
   */
  Path staged(String path) throws IOException;

  /** Reads a file of the new site, written or kept, at {@code path} from the site root. */
  byte[] read(String path) throws IOException;
}
