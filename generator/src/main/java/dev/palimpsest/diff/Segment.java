package dev.palimpsest.diff;

import java.util.Objects;

/**
 * A run of text in one cell of a diff, with whether it was kept, removed or added.
 *
 * @param text the run's text, never empty
 * @param mark {@link Mark#SAME} for text both versions have; {@link Mark#REMOVED} only appears in
 *     old cells and {@link Mark#ADDED} only in new cells
 */
public record Segment(String text, Mark mark) {

  /** What happened to a run of text between two versions. */
  public enum Mark { SAME, REMOVED, ADDED }

  public Segment {
    Objects.requireNonNull(text, "text must not be null");
    Objects.requireNonNull(mark, "mark must not be null");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a segment's text must not be empty");
    }
  }
}
