package dev.palimpsest.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a folder of static files on the loopback interface, for previewing a site.
 *
 * <pre>{@code
 * try (SiteServer server = SiteServer.start(site, 8000)) {
 *   System.out.println("http://127.0.0.1:" + server.port() + "/");
 * }
 * }</pre>
 *
 * <p>It answers GET and HEAD only, never lists folders (a folder gives its {@code index.html}),
 * and never serves a file outside the folder: paths are normalised and checked, symbolic links
 * included. It listens on 127.0.0.1 only: a preview is not meant to be reachable from other
 * machines. Thread-safe.
 */
public final class SiteServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("htm", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("xml", "application/xml"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("woff2", "font/woff2"));

  private final Path root;
  private final HttpServer server;
  private final ExecutorService executor;

  private SiteServer(Path root, HttpServer server, ExecutorService executor) {
    this.root = root;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving {@code root} on 127.0.0.1.
   *
   * @param port the port, or 0 for any free one (see {@link #port()})
   */
  public static SiteServer start(Path root, int port) throws IOException {
    Objects.requireNonNull(root, "root must not be null");
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread thread = new Thread(r, "palimpsest-serve");
      thread.setDaemon(true);
      return thread;
    });
    SiteServer site = new SiteServer(root.toAbsolutePath().normalize(), server, executor);
    server.createContext("/", site::handle);
    server.setExecutor(executor);
    server.start();
    return site;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The address of the site's home page. */
  public URI address() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /**
   * The file a request path names, or {@code null} when it names nothing that may be served.
   * Package-private for tests.
   */
  Path resolve(String requestPath) throws IOException {
    if (requestPath == null || !requestPath.startsWith("/") || requestPath.indexOf('\0') >= 0
        || requestPath.indexOf('\\') >= 0) {
      return null;
    }
    Path file;
    try {
      file = root.resolve(requestPath.substring(1)).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
    if (!file.startsWith(root)) {
      return null;
    }
    if (Files.isDirectory(file)) {
      file = file.resolve("index.html");
    }
    if (!Files.isRegularFile(file)) {
      return null;
    }
    // A symbolic link inside the site may still point outside it.
    Path real = file.toRealPath();
    return real.startsWith(root.toRealPath()) ? real : null;
  }

  /** The Content-Type for a file name. */
  static String contentType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      boolean head = method.equals("HEAD");
      if (!head && !method.equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "Method not allowed", head);
        return;
      }
      Path file;
      try {
        file = resolve(exchange.getRequestURI().getPath());
      } catch (NoSuchFileException e) {
        file = null;
      }
      if (file == null) {
        send(exchange, 404, "Not found", head);
        return;
      }
      byte[] body;
      try {
        body = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        // The site was being replaced by a rebuild at that moment.
        send(exchange, 404, "Not found", head);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type",
          contentType(file.getFileName().toString()));
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String message, boolean head)
      throws IOException {
    byte[] body = (message + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
