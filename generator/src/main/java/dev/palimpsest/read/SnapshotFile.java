package dev.palimpsest.read;

import dev.palimpsest.normalise.Format;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** One capture of a document: its file, the UTC time its name gives, and its format. */
public record SnapshotFile(Path path, Instant time, Format format) {
  public SnapshotFile {
    Objects.requireNonNull(path, "path must not be null");
    Objects.requireNonNull(time, "time must not be null");
    Objects.requireNonNull(format, "format must not be null");
  }
}
