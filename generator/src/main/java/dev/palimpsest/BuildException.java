package dev.palimpsest;

/**
 * No site could be built at all: the snapshot folder is missing, the templates folder is not a
 * folder, the output cannot be written. Bad individual inputs are never this: they are
 * {@link Problem}s in the {@link BuildReport}.
 */
public final class BuildException extends Exception {
  public BuildException(String message) {
    super(message);
  }

  public BuildException(String message, Throwable cause) {
    super(message, cause);
  }
}
