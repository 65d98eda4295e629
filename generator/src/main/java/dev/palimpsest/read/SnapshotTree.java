package dev.palimpsest.read;

import dev.palimpsest.Problem;
import java.util.List;

/** Everything found in a snapshot folder: the usable sources and what could not be used. */
public record SnapshotTree(List<SourceInput> sources, List<Problem> problems) {
  public SnapshotTree {
    sources = List.copyOf(sources);
    problems = List.copyOf(problems);
  }

  public int documentCount() {
    return sources.stream().mapToInt(source -> source.documents().size()).sum();
  }
}
