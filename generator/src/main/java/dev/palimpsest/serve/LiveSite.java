package dev.palimpsest.serve;

import dev.palimpsest.BuildException;
import dev.palimpsest.BuildReport;
import dev.palimpsest.Generator;
import dev.palimpsest.write.FileTrees;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A site that is built, served on localhost and rebuilt whenever its snapshots or templates
 * change: what {@code palimpsest serve} runs.
 *
 * <pre>{@code
 * try (LiveSite live = LiveSite.start(generator, snapshots, null, null, 8000,
 *     System.out::println, System.err::println)) {
 *   live.awaitClose();
 * }
 * }</pre>
 */
public final class LiveSite implements AutoCloseable {
  /** How long the folders must be still before a rebuild starts. */
  static final Duration QUIET = Duration.ofMillis(300);

  private final Generator generator;
  private final Path snapshots;
  private final Path out;
  private final boolean temporary;
  private final Consumer<String> log;
  private final Consumer<String> problems;
  private final SiteServer server;
  private final FolderWatcher watcher;
  private final Object lock = new Object();
  private int builds;
  private boolean closed;

  private LiveSite(Generator generator, Path snapshots, Path templates, Path out,
      boolean temporary, int port, Consumer<String> log, Consumer<String> problems)
      throws IOException, BuildException {
    this.generator = generator;
    this.snapshots = snapshots;
    this.out = out;
    this.temporary = temporary;
    this.log = log;
    this.problems = problems;
    build(null);
    counted();
    this.server = SiteServer.start(out, port);
    List<Path> watched = new ArrayList<>(List.of(snapshots));
    if (templates != null) {
      watched.add(templates);
    }
    this.watcher = new FolderWatcher(watched, QUIET, this::rebuild);
  }

  /**
   * Builds the site, starts serving it and watching for changes.
   *
   * @param templates the templates folder to watch as well, or {@code null}
   * @param out where to build the site, or {@code null} for a temporary folder removed on close
   * @param port the port, or 0 for any free one
   * @param log receives one line per build
   * @param problems receives one line per input problem or failed rebuild, as {@code path: reason}
   * @throws BuildException when the first build cannot produce a site
   */
  public static LiveSite start(Generator generator, Path snapshots, Path templates, Path out,
      int port, Consumer<String> log, Consumer<String> problems)
      throws IOException, BuildException {
    Objects.requireNonNull(generator, "generator must not be null");
    Objects.requireNonNull(snapshots, "snapshots must not be null");
    Objects.requireNonNull(log, "log must not be null");
    Objects.requireNonNull(problems, "problems must not be null");
    if (!Files.isDirectory(snapshots)) {
      throw new BuildException(snapshots + ": not a folder");
    }
    boolean temporary = out == null;
    Path site = temporary
        ? Files.createTempDirectory("palimpsest-serve").resolve("site") : out;
    try {
      return new LiveSite(generator, snapshots, templates, site, temporary, port, log,
          problems);
    } catch (IOException | BuildException | RuntimeException e) {
      if (temporary) {
        FileTrees.deleteTree(site.getParent());
      }
      throw e;
    }
  }

  /** The address the site is served at. */
  public URI address() {
    return server.address();
  }

  /** The folder the site is built into. */
  public Path output() {
    return out;
  }

  /** How many builds have finished (the first one included), successful or not. */
  public int builds() {
    synchronized (lock) {
      return builds;
    }
  }

  /** Waits until at least {@code count} builds have finished, or the timeout passes. */
  public boolean awaitBuilds(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (builds < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /** Blocks until {@link #close()} is called (from another thread or a shutdown hook). */
  public void awaitClose() throws InterruptedException {
    synchronized (lock) {
      while (!closed) {
        lock.wait();
      }
    }
  }

  private void rebuild(Path changed) {
    try {
      build(changed);
    } catch (BuildException | RuntimeException e) {
      problems.accept("Rebuild failed, still serving the previous site: " + e.getMessage());
    } finally {
      counted();
    }
  }

  private void build(Path changed) throws BuildException {
    long start = System.nanoTime();
    BuildReport report = generator.generate(snapshots, out);
    report.problems().forEach(p -> problems.accept(p.toString()));
    String seconds = String.format("%.1f s", (System.nanoTime() - start) / 1e9);
    log.accept((changed == null ? "Built: " : "Rebuilt after a change to " + changed + ": ")
        + report.documents() + " documents, " + report.versions() + " versions, "
        + report.changes() + " changes, " + report.problems().size() + " problem(s) in "
        + seconds + ".");
  }

  /** One more build has finished, its lines logged. */
  private void counted() {
    synchronized (lock) {
      builds++;
      lock.notifyAll();
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lock.notifyAll();
    }
    try {
      watcher.close();
    } finally {
      server.close();
      if (temporary) {
        FileTrees.deleteTree(out.getParent());
      }
    }
  }
}
