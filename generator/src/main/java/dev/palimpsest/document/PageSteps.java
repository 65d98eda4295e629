package dev.palimpsest.document;

import dev.palimpsest.layout.SiteLayout;
import java.util.List;

/**
 * The numbered steps that write a document's diff and version pages, for a document of
 * {@code count} versions: step {@code i < count - 1} is the diff from version {@code i + 1} to
 * {@code i + 2}; then the diff from the first to the latest version, when there are more than
 * two; then one step per version page, in order. Page keys and kept pages are listed in this
 * order.
 */
record PageSteps(int count) {
  /** How many steps are diffs. */
  int diffs() {
    return count - 1 + (count > 2 ? 1 : 0);
  }

  /** How many steps there are. */
  int size() {
    return diffs() + count;
  }

  /** Whether {@code step} is the diff between two consecutive versions. */
  boolean isConsecutiveDiff(int step) {
    return step < count - 1;
  }

  /** Whether {@code step} is the diff from the first to the latest version. */
  boolean isFirstToLatest(int step) {
    return step >= count - 1 && step < diffs();
  }

  /** The number of the version whose page {@code step} writes. */
  int versionOf(int step) {
    return step - diffs() + 1;
  }

  /** The files {@code step} writes, in the document's folder. */
  List<String> pages(int step) {
    if (isConsecutiveDiff(step)) {
      return List.of(SiteLayout.diff(step + 1, step + 2), SiteLayout.inlineDiff(step + 1,
          step + 2));
    }
    if (isFirstToLatest(step)) {
      return List.of(SiteLayout.diff(1, count), SiteLayout.inlineDiff(1, count));
    }
    return List.of(SiteLayout.version(versionOf(step)));
  }
}
