package dev.palimpsest.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview server serves the site's files, and nothing else. */
class SiteServerTest {
  @TempDir
  Path work;
  private Path site;
  private SiteServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    site = Files.createDirectories(work.resolve("site"));
    Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>home</title>");
    Files.createDirectories(site.resolve("assets"));
    Files.writeString(site.resolve("assets/style.css"), "body {}");
    Files.writeString(site.resolve("assets/palimpsest.js"), "'use strict';");
    Files.writeString(site.resolve("feed.xml"), "<rss/>");
    Files.writeString(site.resolve("changes.json"), "{}");
    Files.createDirectories(site.resolve("src/doc"));
    Files.writeString(site.resolve("src/doc/index.html"), "history");
    Files.writeString(work.resolve("secret.txt"), "outside the site");
    server = SiteServer.start(site, 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(server.address().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A request sent byte for byte, so that no client tidies the path first. */
  private String raw(String path) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void servesFilesAndFoldersByTheirIndex() throws Exception {
    HttpResponse<String> home = get("/");
    assertEquals(200, home.statusCode());
    assertEquals("<!DOCTYPE html><title>home</title>", home.body());
    assertEquals("history", get("/src/doc/").body());
    assertEquals("history", get("/src/doc").body());
    assertEquals("body {}", get("/assets/style.css").body());
  }

  @Test
  void givesEachFileItsContentType() throws Exception {
    assertEquals("text/html; charset=utf-8",
        get("/index.html").headers().firstValue("Content-Type").orElseThrow());
    assertEquals("text/css; charset=utf-8",
        get("/assets/style.css").headers().firstValue("Content-Type").orElseThrow());
    assertEquals("text/javascript; charset=utf-8",
        get("/assets/palimpsest.js").headers().firstValue("Content-Type").orElseThrow());
    assertEquals("application/xml",
        get("/feed.xml").headers().firstValue("Content-Type").orElseThrow());
    assertEquals("application/json",
        get("/changes.json").headers().firstValue("Content-Type").orElseThrow());
    assertEquals("application/octet-stream", SiteServer.contentType("data.bin"));
  }

  @Test
  void missingFilesAre404() throws Exception {
    assertEquals(404, get("/nothing.html").statusCode());
    assertEquals(404, get("/src/missing/").statusCode());
  }

  @Test
  void refusesPathsThatLeaveTheSite() throws Exception {
    for (String path : new String[] {"/../secret.txt", "/src/../../secret.txt",
        "/%2e%2e/secret.txt", "/assets/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt",
        "/..\\secret.txt"}) {
      String response = raw(path);
      assertTrue(response.startsWith("HTTP/1.1 404") || response.startsWith("HTTP/1.1 400"),
          path + ": " + response.lines().findFirst().orElse(""));
      assertFalse(response.contains("outside the site"), path);
    }
    assertNull(server.resolve("/../secret.txt"));
    assertNull(server.resolve("/src/../../secret.txt"));
    assertNull(server.resolve("relative"));
    assertEquals(site.resolve("index.html").toRealPath(),
        server.resolve("/src/../index.html"));
  }

  @Test
  void refusesSymbolicLinksThatLeaveTheSite() throws Exception {
    try {
      Files.createSymbolicLink(site.resolve("link.txt"), work.resolve("secret.txt"));
    } catch (UnsupportedOperationException | IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no symbolic links on this file system: " + e);
    }
    assertEquals(404, get("/link.txt").statusCode());
  }

  @Test
  void answersOnlyGetAndHead() throws Exception {
    HttpResponse<String> post = client.send(HttpRequest.newBuilder(server.address())
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    HttpResponse<String> head = client.send(HttpRequest.newBuilder(server.address())
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
  }

  @Test
  void listensOnTheLoopbackInterfaceOnly() {
    assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/"), server.address());
  }
}
