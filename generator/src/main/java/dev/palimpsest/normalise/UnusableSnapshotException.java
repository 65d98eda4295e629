package dev.palimpsest.normalise;

/**
 * A snapshot whose bytes cannot be read as a document (binary, empty, no text). Its message is
 * the reason a user sees after the file's path, so it is short and lower-case: "binary file".
 */
public final class UnusableSnapshotException extends Exception {
  public UnusableSnapshotException(String reason) {
    super(reason);
  }
}
