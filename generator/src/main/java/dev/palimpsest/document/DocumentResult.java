package dev.palimpsest.document;

import dev.palimpsest.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What the document stage gives back for one document.
 *
 * @param summary the document's summary, empty when none of its snapshots could be used
 * @param problems the inputs of this document that were reported and skipped
 * @param warnings the inputs of this document that were used with a warning
 * @param files the pages and feed written for it, relative to its folder, in name order
 */
public record DocumentResult(Optional<DocumentSummary> summary, List<Problem> problems,
    List<Problem> warnings, List<String> files) {
  public DocumentResult {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    files = List.copyOf(files);
  }
}
