package dev.palimpsest;

/**
 * Hears about a build as it goes, for progress bars and logs. Calls may come from several
 * threads at once; implementations must be thread-safe. Every method does nothing by default.
 */
public interface BuildListener {
  /** The build found this many documents to process. */
  default void started(int documents) {}

  /** One more document is done (pages written or skipped). */
  default void documentDone(String source, String document) {}

  /** An input was reported and skipped. */
  default void problem(Problem problem) {}

  /** An input was used, but not quite as it was (see {@link BuildReport#warnings()}). */
  default void warning(Problem warning) {}

  BuildListener NONE = new BuildListener() {};
}
