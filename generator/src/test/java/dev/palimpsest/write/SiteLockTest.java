package dev.palimpsest.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build at a time writes a site: another process's lock keeps a second build out. */
class SiteLockTest {
  @TempDir
  Path work;

  @Test
  void aSecondBuildIsRefusedUntilTheFirstLetsGo() throws Exception {
    Path out = work.resolve("sites/site");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Holder.class.getName(), out.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader said = new BufferedReader(
          new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", said.readLine());
      IOException refused = assertThrows(IOException.class, () -> SiteLock.acquire(out));
      assertEquals("another build is writing " + out + " right now", refused.getMessage());
    } finally {
      holder.getOutputStream().close();
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS), "the holder ended");
    }
    assertEquals(0, holder.exitValue());
    for (int build = 0; build < 2; build++) {
      try (SiteLock lock = SiteLock.acquire(out)) {
        assertTrue(Files.isRegularFile(work.resolve("sites/.site.lock")));
      }
    }
  }

  /** Holds the lock of the site named by its argument until its input ends. */
  static final class Holder {
    public static void main(String[] args) throws IOException {
      try (SiteLock lock = SiteLock.acquire(Path.of(args[0]))) {
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() != -1) {
          // Held until the test closes the input.
        }
      }
    }
  }
}
