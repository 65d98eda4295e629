package dev.palimpsest.write;

import java.io.IOException;
import java.util.List;

/**
 * How a build's files become the site, a new site swapped in whole ({@link SwapIn}) or the
 * current one updated in place ({@link InPlaceUpdate}), each keeping the current site's files
 * and committing in its own way.
 */
sealed interface SiteUpdate permits SwapIn, InPlaceUpdate {
  /**
   * Carries files of the current site into the new one unchanged, all or none.
   *
   * @param dir a folder relative to the site root ("source/document")
   * @param names files relative to {@code dir}
   * @throws java.nio.file.NoSuchFileException when the current site lacks one of them; none is
   *     kept then
   */
  void keep(String dir, List<String> names) throws IOException;

  /** Reads a file of the new site, written or kept, at {@code path} from the site root. */
  byte[] read(String path) throws IOException;
}
