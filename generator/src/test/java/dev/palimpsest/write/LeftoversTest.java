package dev.palimpsest.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed build left beside its site is undone before the next build writes. */
class LeftoversTest {
  @TempDir
  Path work;

  @Test
  void aSiteMovedAsideIsPutBackAndUnfinishedFoldersAreDeleted() throws IOException {
    Path site = work.resolve("site");
    Files.writeString(Files.createDirectories(work.resolve(".site.old-7"))
        .resolve("changes.json"), "old");
    Files.writeString(Files.createDirectories(work.resolve(".site.building-8/pages"))
        .resolve("1.html"), "half written");
    Files.createDirectories(work.resolve(".other.building-9"));

    Leftovers.recover(site);

    assertEquals("old", Files.readString(site.resolve("changes.json")));
    assertEquals(List.of(".other.building-9", "site"), names(work),
        "only the site's own leftovers are touched");
  }

  @Test
  void aSiteInPlaceIsKeptAndOneLeftAsideDeleted() throws IOException {
    Path site = work.resolve("site");
    Files.writeString(Files.createDirectories(site).resolve("changes.json"), "new");
    Files.writeString(Files.createDirectories(work.resolve(".site.old-7"))
        .resolve("changes.json"), "old");

    Leftovers.recover(site);

    assertEquals("new", Files.readString(site.resolve("changes.json")));
    assertEquals(List.of("site"), names(work));
  }

  @Test
  void theFoldersABuildMakesAreThoseRecoveryFinds() throws IOException {
    Path site = work.resolve("site");
    Files.createDirectories(Leftovers.staging(site));
    Files.writeString(Files.createDirectories(Leftovers.aside(site)).resolve("changes.json"),
        "old");

    Leftovers.recover(site);

    assertEquals(List.of("site"), names(work));
    assertEquals("old", Files.readString(site.resolve("changes.json")));
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
