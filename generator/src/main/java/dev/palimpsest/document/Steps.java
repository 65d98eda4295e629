package dev.palimpsest.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Runs the numbered steps of one document's build (a snapshot to read, a page to write), on all
 * cores or one after the other. Results come back in step order, so that what is built does not
 * depend on which step finished first.
 */
final class Steps {
  private Steps() {}

  /** One step, which may fail with an I/O error. */
  @FunctionalInterface
  interface Step<R> {
    R run(int index) throws IOException;
  }

  /** Runs {@code step} for 0 to {@code count - 1}; on all cores when {@code parallel}. */
  static <R> List<R> run(int count, boolean parallel, Step<R> step) throws IOException {
    IntStream indices = IntStream.range(0, count);
    try {
      return (parallel ? indices.parallel() : indices).mapToObj(i -> {
        try {
          return step.run(i);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
