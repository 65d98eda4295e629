package dev.palimpsest.write;

import java.io.IOException;
import java.util.List;

/**
 * How a build's files become the site: a new site swapped in whole ({@link SwapIn}), or the
 * current one updated in place ({@link InPlaceUpdate}), which keeps the files that are to stay
 * as they are.
 */
sealed interface SiteUpdate permits SwapIn, InPlaceUpdate {
  /** Reads a file of the new site, written or kept, at {@code path} from the site root. */
  byte[] read(String path) throws IOException;
}
