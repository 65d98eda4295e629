package dev.palimpsest.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SitePathsTest {
  @Test
  void rootPrefixCountsFolders() {
    assertEquals("", SitePaths.root("index.html"));
    assertEquals("../../../", SitePaths.root("src/doc/diffs/1-2.html"));
  }

  @Test
  void relativeLinksClimbOnlyAsFarAsNeeded() {
    assertEquals("diffs/1-2.html", SitePaths.relative("src/doc/feed.xml", "src/doc/diffs/1-2.html"));
    assertEquals("src/doc/diffs/1-2.html", SitePaths.relative("feed.xml", "src/doc/diffs/1-2.html"));
    assertEquals("../feed.xml", SitePaths.relative("src/doc/index.html", "src/feed.xml"));
    assertEquals("../../other/x/index.html",
        SitePaths.relative("src/doc/index.html", "other/x/index.html"));
  }
}
