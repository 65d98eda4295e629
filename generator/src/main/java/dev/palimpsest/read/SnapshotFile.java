package dev.palimpsest.read;

import dev.palimpsest.normalise.Format;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One capture of a document: its file, the file's name (kept as listed: a scan and a build
 * cache's fingerprint read it for every snapshot), the UTC time its name gives, its format, and
 * its size and time when it was found.
 */
public record SnapshotFile(Path path, String name, Instant time, Format format,
    FileStamp stamp) {
  public SnapshotFile {
    Objects.requireNonNull(stamp, "stamp must not be null");
    Objects.requireNonNull(path, "path must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(time, "time must not be null");
    Objects.requireNonNull(format, "format must not be null");
  }
}
