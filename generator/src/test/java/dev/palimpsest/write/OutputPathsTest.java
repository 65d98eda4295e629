package dev.palimpsest.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Paths of a site are slugs joined by single slashes; anything else is refused. */
class OutputPathsTest {
  @Test
  void onlyNamesOfSafeCharactersJoinedBySingleSlashesArePaths() {
    Pattern names = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    assertTrue(OutputPaths.isSafe("source/doc-1/diffs/3-4.html"));
    for (String unsafe : List.of("", "/", "/etc", "a/", "a//b", "a\\b", "a b", "é", "a/\0")) {
      assertFalse(OutputPaths.isSafe(unsafe), unsafe);
    }
    Random random = new Random(7);
    String alphabet = "aZ09._-/ é\\:";
    for (int i = 0; i < 100_000; i++) {
      StringBuilder path = new StringBuilder();
      for (int n = random.nextInt(8); n > 0; n--) {
        path.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertEquals(names.matcher(path).matches(), OutputPaths.isSafe(path.toString()),
          path.toString());
    }
  }

  @Test
  void aPathThatCouldLeaveTheSiteIsRefused() {
    assertEquals("source/doc-1/index.html", OutputPaths.checked("source/doc-1/index.html"));
    for (String unsafe : List.of("..", "../site/index.html", "a/../../b", "a/..", "/etc/passwd")) {
      assertThrows(IllegalArgumentException.class, () -> OutputPaths.checked(unsafe), unsafe);
    }
  }
}
