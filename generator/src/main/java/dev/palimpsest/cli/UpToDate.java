package dev.palimpsest.cli;

import dev.palimpsest.write.SiteOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's note that a site is up to date with its inputs: {@code .<site>.palimpsest-current}
 * beside the site, holding the key the launcher computed from the build's inputs before it
 * started the JVM (their names, sizes and times, the arguments, the jar) and what a build that
 * found nothing changed would say. When the key of the next run is the same, the launcher says
 * that and starts no JVM. Every build removes the note as it opens the site (see
 * {@link SiteOutput#upToDateNote}), and only a build that the launcher started and that ended
 * with nothing to report writes it again.
 */
final class UpToDate {
  /** The system property by which the launcher passes the key of the build's inputs. */
  static final String PROPERTY = "palimpsest.inputsKey";

  private final Path file;
  private final String key;

  private UpToDate(Path file, String key) {
    this.file = file;
    this.key = key;
  }

  /** The note of {@code site}, when the launcher asked for one; else null. */
  static UpToDate wanted(Path site) {
    String key = System.getProperty(PROPERTY);
    if (key == null || key.isBlank() || key.contains("\n")) {
      return null;
    }
    return new UpToDate(SiteOutput.upToDateNote(site), key.strip());
  }

  /** Writes the note, whole or not at all. */
  void remember(String message) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(partial, key + "\n" + message.replace('\n', ' ') + "\n",
        StandardCharsets.UTF_8);
    SiteOutput.replace(partial, file);
  }
}
