package dev.palimpsest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code palimpsest serve} as a user runs it: it serves, rebuilds, and stops. */
class ServeCommandTest {
  @TempDir
  Path work;
  private final HttpClient client = HttpClient.newHttpClient();

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private int status(URI uri) {
    try {
      return client.send(HttpRequest.newBuilder(uri).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private boolean waitFor(URI uri, int expected) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (status(uri) == expected) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  @Test
  void servesTheSiteRebuildsOnANewSnapshotAndStops() throws Exception {
    Path snapshots = work.resolve("snapshots");
    Path doc = Files.createDirectories(snapshots.resolve("notes/bins"));
    Files.writeString(doc.resolve("2026-01-01T00-00-00Z.txt"), "Bins go out on Monday.\n");
    Path site = work.resolve("site");
    int port = freePort();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serving = new Thread(() -> exit.set(Main.run("serve", snapshots.toString(),
        "--port", String.valueOf(port), "--out", site.toString(), "--quiet",
        "--now", "2026-02-01T00:00:00Z")));
    serving.start();
    try {
      URI root = URI.create("http://127.0.0.1:" + port + "/");
      assertTrue(waitFor(root.resolve("index.html"), 200), "the site is served");
      URI diff = root.resolve("notes/bins/diffs/1-2.html");
      assertEquals(404, status(diff));

      Files.writeString(doc.resolve("2026-01-08T00-00-00Z.txt"), "Bins go out on Tuesday.\n");
      assertTrue(waitFor(diff, 200), "the new change is served after a rebuild");
    } finally {
      serving.interrupt();
      serving.join(20_000);
    }
    assertFalse(serving.isAlive());
    assertEquals(0, exit.get());
    assertTrue(Files.isRegularFile(site.resolve("notes/bins/diffs/1-2.html")));
  }

  @Test
  void aMissingSnapshotFolderIsAUsageError() {
    assertEquals(2, Main.run("serve", work.resolve("missing").toString(), "--port", "0",
        "--quiet"));
  }

  @Test
  void aPortOutOfRangeIsAUsageError() {
    assertEquals(2, Main.run("serve", work.toString(), "--port", "70000"));
  }
}
