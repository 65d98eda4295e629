package dev.palimpsest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a build did.
 *
 * @param output the site folder
 * @param sources sources found
 * @param documents documents built (those with at least one usable snapshot)
 * @param versions versions across all documents
 * @param changes changes (consecutive version pairs) across all documents
 * @param pagesWritten HTML pages, feeds and other files of the site written
 * @param problems inputs that were reported and skipped, in path order
 * @param warnings inputs that were used but not as they were (bytes that are not valid UTF-8,
 *     replaced), in path order; they do not make a build fail
 * @param siteWritten false when nothing was written: a strict build with problems
 * @param elapsed wall time of the build, for the user's information only (never in the site)
 * @param pagesKept document pages carried over unchanged from the previous site, for those
 *     whose inputs did not change since it was built (see {@link Generator.Builder#fullBuild})
 * @param nothingChanged true when no input, template or option changed since the previous
 *     build: the site was left exactly as it was and nothing was written
 */
public record BuildReport(Path output, int sources, int documents, int versions, int changes,
    int pagesWritten, List<Problem> problems, List<Problem> warnings, boolean siteWritten,
    Duration elapsed, int pagesKept, boolean nothingChanged) {
  public BuildReport {
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }
}
