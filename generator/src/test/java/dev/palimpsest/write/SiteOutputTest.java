package dev.palimpsest.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A site swapped in whole, or updated in place file by file. */
class SiteOutputTest {
  @TempDir
  Path work;

  /** A site whose home page links to pages/{from..to}.html. */
  private static void writeSite(SiteOutput site, int from, int to, String version)
      throws IOException {
    StringBuilder home = new StringBuilder(version + "\n");
    for (int page = from; page <= to; page++) {
      site.write("pages/" + page + ".html", version + " page " + page);
      home.append("pages/").append(page).append(".html\n");
    }
    site.write("index.html", home.toString());
    site.write("changes.json", version);
  }

  /** A site of {@code pages} pages, version "v1", swapped in at work/site. */
  private Path firstSite(int pages) throws IOException {
    Path out = work.resolve("site");
    try (SiteOutput site = SiteOutput.open(out)) {
      writeSite(site, 1, pages, "v1");
      site.commit();
    }
    return out;
  }

  private static List<String> pages(int from, int to) {
    List<String> pages = new ArrayList<>();
    for (int page = from; page <= to; page++) {
      pages.add("pages/" + page + ".html");
    }
    return pages;
  }

  /**
   * The site folder is made as any other folder (by the umask), not private to its owner: a
   * web server running as another user must be able to read it.
   */
  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theSiteFolderIsAsReadableAsItsPages() throws Exception {
    Path out = firstSite(1);
    Path plain = Files.createDirectory(work.resolve("plain"));
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
    assertEquals(expected, Files.getPosixFilePermissions(out));
    assertEquals(expected, Files.getPosixFilePermissions(out.resolve("pages")));
    // Replaced whole by a second build, and still so.
    try (SiteOutput site = SiteOutput.open(out)) {
      writeSite(site, 1, 1, "v2");
      site.commit();
    }
    assertEquals(expected, Files.getPosixFilePermissions(out));
  }

  @Test
  void anUpdateInPlaceAddsFilesBeforeReplacingAndDeletesLast() throws Exception {
    Path out = firstSite(2000);

    // A reader that follows the home page while the update runs: whenever it reads the new
    // home page, every page that it links to is already there.
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger newHomesSeen = new AtomicInteger();
    AtomicReference<String> broken = new AtomicReference<>();
    // It reads on after the update until it has seen the new home page once, so that a busy
    // machine that keeps it waiting through the whole update cannot fail the test.
    long deadline = System.nanoTime() + 60_000_000_000L;
    Thread reader = new Thread(() -> {
      while ((!done.get() || newHomesSeen.get() == 0) && broken.get() == null
          && System.nanoTime() < deadline) {
        try {
          List<String> home = Files.readAllLines(out.resolve("index.html"));
          if (home.get(0).equals("v2")) {
            newHomesSeen.incrementAndGet();
            for (String link : home.subList(1, home.size())) {
              if (!Files.isRegularFile(out.resolve(link))) {
                broken.set(link);
              }
            }
          }
        } catch (NoSuchFileException e) {
          broken.set("index.html");
        } catch (IOException e) {
          broken.set(e.toString());
        }
      }
    });
    reader.start();
    int changed;
    try (SiteOutput site = SiteOutput.open(out)) {
      site.updateInPlace();
      site.keep("pages", pages(1001, 2000).stream().map(p -> p.substring(6)).toList());
      assertEquals(1000, site.filesKept());
      writeSite(site, 2001, 4000, "v2");
      // An unchanged file with the same bytes is left as it is.
      site.write("pages/1500.html", "v1 page 1500");
      changed = site.commitInPlace(pages(1, 1000));
    } finally {
      done.set(true);
      reader.join();
    }

    assertEquals(null, broken.get(), "a link of the new home page was broken");
    assertTrue(newHomesSeen.get() > 0, "the reader saw the new home page");
    assertEquals(2000 + 2, changed, "2,000 pages added, the home page and changes.json replaced");
    assertFalse(Files.exists(out.resolve("pages/1.html")), "stale pages are deleted");
    assertEquals("v1 page 1001", Files.readString(out.resolve("pages/1001.html")));
    assertEquals("v2 page 4000", Files.readString(out.resolve("pages/4000.html")));
    try (var siblings = Files.list(work)) {
      assertEquals(List.of("site"), siblings.map(p -> p.getFileName().toString())
          .filter(name -> !name.endsWith(".lock")).toList(), "no staging folder is left");
    }
  }

  @Test
  void keepingChecksThatEveryFileIsThere() throws Exception {
    Path out = firstSite(3);
    try (SiteOutput site = SiteOutput.open(out)) {
      site.updateInPlace();
      assertThrows(NoSuchFileException.class,
          () -> site.keep("pages", List.of("1.html", "2.html", "9.html")));
      assertEquals(0, site.filesKept());
      site.keep("pages", List.of("1.html", "2.html"));
      assertEquals(2, site.filesKept());
    }
  }

  @Test
  void aFolderStampHoldsUntilAFileLeavesTheFolder() throws Exception {
    Path out = firstSite(3);
    List<String> names = List.of("1.html", "2.html", "3.html");
    long stamp;
    try (SiteOutput site = SiteOutput.open(out)) {
      stamp = site.folderStamp("pages", names);
      assertTrue(stamp != 0);
      site.updateInPlace();
      assertTrue(site.keep("pages", names, stamp), "nothing moved in the folder");
      assertFalse(site.keep("pages", names, stamp + 1), "another stamp: the folder is listed");
      site.commitInPlace(List.of());
    }
    // A file rewritten in place leaves the stamp as it is; a file removed does not.
    Files.writeString(out.resolve("pages/2.html"), "rewritten");
    try (SiteOutput site = SiteOutput.open(out)) {
      assertEquals(stamp, site.folderStamp("pages", names));
    }
    Files.delete(out.resolve("pages/3.html"));
    try (SiteOutput site = SiteOutput.open(out)) {
      assertTrue(stamp != site.folderStamp("pages", names));
      site.updateInPlace();
      assertThrows(NoSuchFileException.class, () -> site.keep("pages", names, stamp));
    }
    try (SiteOutput site = SiteOutput.open(out)) {
      assertEquals(0, site.folderStamp("gone", names), "a missing folder");
    }
  }

  @Test
  void aSiteSwappedInWholeKeepsNothing() throws Exception {
    Path out = firstSite(3);
    try (SiteOutput site = SiteOutput.open(out)) {
      assertThrows(IllegalStateException.class, () -> site.keep("pages", List.of("1.html")));
    }
  }

  @Test
  void anUpdateInPlaceRemovesFoldersLeftEmpty() throws Exception {
    Path out = work.resolve("site");
    try (SiteOutput site = SiteOutput.open(out)) {
      writeSite(site, 1, 3, "v1");
      site.write("gone/deep/page.html", "gone");
      site.commit();
    }
    try (SiteOutput site = SiteOutput.open(out)) {
      site.updateInPlace();
      writeSite(site, 1, 3, "v2");
      site.commitInPlace(List.of("gone/deep/page.html"));
    }
    assertFalse(Files.exists(out.resolve("gone")));
    assertTrue(Files.isRegularFile(out.resolve("pages/3.html")));
  }
}
