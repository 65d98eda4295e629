package dev.palimpsest.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {
  @Test
  void safeNamesStayAsTheyAre() {
    assertEquals("acme-terms", Slugs.of("acme-terms"));
    assertEquals("v1.2_final", Slugs.of("v1.2_final"));
  }

  @Test
  void otherNamesBecomeReadableSlugs() {
    assertEquals("uber-source", Slugs.of("Über Source"));
    assertEquals("untitled", Slugs.of("!!!"));
    assertEquals("etc-passwd", Slugs.of("../etc/passwd"));
    assertEquals("untitled", Slugs.of(".."));
  }

  @Test
  void foldersThatSlugAlikeBothSurvive() {
    Map<String, String> names = Slugs.assign(List.of("Doc One", "doc-one", "DOC ONE"),
        name -> false);
    assertEquals(Map.of("doc-one", "doc-one", "DOC ONE", "doc-one-2", "Doc One", "doc-one-3"),
        names);
  }

  @Test
  void reservedNamesAreNeverTaken() {
    assertEquals(Map.of("assets", "assets-2"),
        Slugs.assign(List.of("assets"), Set.of("assets")::contains));
  }
}
