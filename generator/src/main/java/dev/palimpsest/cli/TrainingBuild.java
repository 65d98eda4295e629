package dev.palimpsest.cli;

import dev.palimpsest.BuildException;
import dev.palimpsest.Generator;
import dev.palimpsest.write.SiteOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A build and a rebuild of a small built-in snapshot folder, run after the user's build when
 * the JVM is to write a class-data archive at exit (the {@code palimpsest} launcher says so
 * with {@value #PROPERTY}). The archive holds the classes the run loaded; without this, an
 * archive written by a rebuild that found nothing changed would lack those that render pages
 * (and one that rendered a text snapshot, those that read HTML), and every later rebuild would
 * load them from the jar again.
 */
final class TrainingBuild {
  /** The system property, {@code true} when the JVM writes a class-data archive at exit. */
  static final String PROPERTY = "palimpsest.classArchive";

  private static final Instant NOW = Instant.parse("2026-01-05T00:00:00Z");

  private TrainingBuild() {}

  /** Whether this JVM writes a class-data archive at exit. */
  static boolean wanted() {
    return Boolean.getBoolean(PROPERTY);
  }

  /**
   * Runs the training build in a temporary folder, then removes it. It never fails: a
   * training build that goes wrong only leaves the archive with fewer classes.
   */
  static void run() {
    Path work = null;
    try {
      work = Files.createTempDirectory("palimpsest-training");
      Path snapshots = work.resolve("snapshots");
      Path document = Files.createDirectories(snapshots.resolve("town").resolve("notice"));
      Files.writeString(snapshots.resolve("town/source.properties"), "name=Town\n");
      Files.writeString(document.resolve("document.properties"), "title=Notice\n");
      // Each format once, so that each reader is in the archive.
      Files.writeString(document.resolve("2026-01-01T00-00-00Z.html"), "<html><head><title>"
          + "Notice</title></head><body><h1>Notice</h1><p>The ferry leaves at nine.</p><ul>"
          + "<li>Tickets on board.</li></ul><table><tr><td>Fare</td><td>2</td></tr></table>"
          + "</body></html>");
      Files.writeString(document.resolve("2026-01-02T00-00-00Z.md"), "# Notice\n\nThe ferry"
          + " leaves at ten.\n\n- Tickets on board.\n\n| Fare | 3 |\n|---|---|\n");
      Files.writeString(document.resolve("2026-01-03T00-00-00Z.txt"),
          "Notice\n\nThe ferry leaves at eleven.\n\nTickets on board.\n");
      Generator generator = Generator.builder().title("Training").now(NOW)
          .baseUrl("https://example.org/").environment(Map.of()).build();
      Path site = work.resolve("site");
      generator.generate(snapshots, site);
      // A rebuild after a new snapshot: the path of most scheduled runs. With three versions
      // before, it keeps a diff page and reads its feed excerpt back from the document feed.
      Files.writeString(document.resolve("2026-01-04T00-00-00Z.txt"),
          "Notice\n\nThe ferry leaves at noon.\n\nTickets on board.\n");
      generator.generate(snapshots, site);
    } catch (IOException | BuildException | RuntimeException e) {
      // Fewer classes in the archive; the user's build is not concerned.
    } finally {
      if (work != null) {
        try {
          SiteOutput.deleteTree(work);
        } catch (IOException e) {
          // A temporary folder left behind.
        }
      }
    }
  }
}
