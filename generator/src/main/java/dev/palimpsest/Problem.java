package dev.palimpsest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An input the build could not use, and why. Problems are data: the build reports them and goes
 * on with the rest of the site.
 *
 * @param path the file or folder at fault
 * @param reason a short lower-case reason, such as "binary file" or "unknown extension .pdf"
 */
public record Problem(Path path, String reason) {
  public Problem {
    Objects.requireNonNull(path, "path must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
  }

  /** The line a user reads: {@code path: reason}. */
  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
