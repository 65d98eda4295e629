package dev.palimpsest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.palimpsest.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFolderTest {
  static final Path BAD = Path.of("src/test/resources/fixtures/bad");

  @TempDir
  Path work;

  @Test
  void everyUnusableInputOfTheBadFixtureIsNamedWithItsReason() throws Exception {
    SnapshotTree tree = SnapshotFolder.scan(BAD);
    List<String> problems = tree.problems().stream()
        .map(p -> BAD.relativize(p.path()) + ": " + p.reason()).toList();
    assertEquals(List.of(
        "news/double-capture/20260105T100000Z.txt: same capture time as "
            + "2026-01-05T10-00-00Z.txt; ignored",
        "news/mixed-bag/2026-01-01T00-00-00Z.pdf: unknown extension .pdf (expected .html, .htm,"
            + " .md, .markdown or .txt)",
        "news/mixed-bag/2026-02-30T10-00-00Z.txt: impossible date or time in file name",
        "news/mixed-bag/yesterday.html: file name is not a capture time (expected e.g. "
            + "2026-05-03T10-22-31Z.html)",
        "news/no-snapshots: empty document folder: no snapshot files"), problems);
    // Binary and empty files have good names: the document stage reports them on reading.
    assertEquals(3, tree.documentCount());
  }

  @Test
  void symbolicLinksThatLeaveTheFolderAreRefused() throws Exception {
    Path outside = Files.createDirectories(work.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "private");
    Path document = Files.createDirectories(work.resolve("snapshots/src/doc"));
    Files.writeString(document.resolve("2026-01-01T00-00-00Z.txt"), "hello");
    Files.createSymbolicLink(document.resolve("2026-01-02T00-00-00Z.txt"),
        outside.resolve("secret.txt"));
    Files.createSymbolicLink(work.resolve("snapshots/linked"), outside);
    SnapshotTree tree = SnapshotFolder.scan(work.resolve("snapshots"));
    assertEquals(List.of("linked", "2026-01-02T00-00-00Z.txt"), tree.problems().stream()
        .map(p -> p.path().getFileName().toString()).toList());
    assertTrue(tree.problems().stream().map(Problem::reason)
        .allMatch(r -> r.contains("symbolic link leaves the snapshot folder")));
    assertEquals(List.of(Instant.parse("2026-01-01T00:00:00Z")),
        tree.sources().get(0).documents().get(0).snapshots().stream()
            .map(SnapshotFile::time).toList());
  }

  @Test
  void foldersNamedLikeTheSitesOwnFilesTakeOtherNames() throws Exception {
    for (String folder : List.of("sitemap-home.xml/doc", "src/page-2.html", "src/sitemap.xml",
        "src/sitemap-3.xml", "src/feed.xml", "src/page-two.html")) {
      Path document = Files.createDirectories(work.resolve("snapshots/" + folder));
      Files.writeString(document.resolve("2026-01-01T00-00-00Z.txt"), "hello");
    }
    SnapshotTree tree = SnapshotFolder.scan(work.resolve("snapshots"));
    assertEquals(List.of("sitemap-home.xml-2", "src"), tree.sources().stream()
        .map(SourceInput::name).toList());
    assertEquals(List.of("feed.xml-2", "page-2.html-2", "page-two.html", "sitemap-3.xml-2",
        "sitemap.xml-2"), tree.sources().get(1).documents().stream()
            .map(DocumentInput::name).toList());
  }

  @Test
  void symbolicLinksInsideTheFolderAreFollowed() throws Exception {
    Path document = Files.createDirectories(work.resolve("snapshots/src/doc"));
    Files.writeString(document.resolve("2026-01-01T00-00-00Z.txt"), "hello");
    Files.createSymbolicLink(work.resolve("snapshots/src/alias"), document);
    SnapshotTree tree = SnapshotFolder.scan(work.resolve("snapshots"));
    assertEquals(List.of(), tree.problems());
    assertEquals(2, tree.documentCount());
  }

  @Test
  void settingsComeFromPropertiesWithSourceDefaults() throws Exception {
    Path source = Files.createDirectories(work.resolve("snapshots/src"));
    Files.writeString(source.resolve("source.properties"),
        "name=Ünïcode Source\nselector=main\nignore=Views: \\\\d+\n");
    Path document = Files.createDirectories(source.resolve("doc"));
    Files.writeString(document.resolve("document.properties"), "title=Tïtle\nstatus=frozen\n");
    Files.writeString(document.resolve("2026-01-01T00-00-00Z.html"), "<p>hi</p>");
    SourceInput read = SnapshotFolder.scan(work.resolve("snapshots")).sources().get(0);
    assertEquals("Ünïcode Source", read.displayName());
    DocumentSettings settings = read.documents().get(0).settings();
    assertEquals("Tïtle", settings.title());
    assertEquals("main", settings.selector());
    assertEquals("Views: \\d+", settings.ignore().pattern());
    assertTrue(settings.frozen());
  }

  @Test
  void anInvalidIgnorePatternSkipsTheDocumentWithAReason() throws Exception {
    Path document = Files.createDirectories(work.resolve("snapshots/src/doc"));
    Files.writeString(document.resolve("document.properties"), "ignore=(unclosed\n");
    Files.writeString(document.resolve("2026-01-01T00-00-00Z.txt"), "hello");
    SnapshotTree tree = SnapshotFolder.scan(work.resolve("snapshots"));
    assertEquals(0, tree.documentCount());
    assertTrue(tree.problems().get(0).reason().startsWith("invalid ignore pattern"));
  }
}
