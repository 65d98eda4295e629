package dev.palimpsest.diff;

import java.util.List;

/**
 * Two texts compared word by word: the old text's segments (SAME or REMOVED) and the new text's
 * (SAME or ADDED), each joining back to its text exactly.
 */
public record InlineDiff(List<Segment> oldSegments, List<Segment> newSegments, int wordsAdded,
    int wordsRemoved, boolean coarse) {
  public InlineDiff {
    oldSegments = List.copyOf(oldSegments);
    newSegments = List.copyOf(newSegments);
  }
}
