package dev.palimpsest.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A site being written: files go to a staging folder beside the output folder, which replaces
 * the output only on {@link #commit()}, so readers never see a half-written site. Closing
 * without committing deletes the staging folder. Writes are thread-safe.
 */
public final class SiteOutput implements AutoCloseable {
  /** A file every Palimpsest site has: its presence makes an output folder safe to replace. */
  private static final String SITE_MARK = "changes.json";
  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  private final Path out;
  private final Path staging;
  private final AtomicInteger files = new AtomicInteger();
  private boolean committed;

  private SiteOutput(Path out, Path staging) {
    this.out = out;
    this.staging = staging;
  }

  /**
   * Starts a site for {@code out}.
   *
   * @throws IOException when {@code out} exists but is not a folder we may replace (a file, or
   *     a non-empty folder that is not a Palimpsest site), or the staging folder cannot be made
   */
  public static SiteOutput open(Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new IOException(out + " exists and is not a folder");
      }
      if (!isEmpty(target) && !Files.isRegularFile(target.resolve(SITE_MARK))) {
        throw new IOException(out + " is not empty and is not a Palimpsest site;"
            + " refusing to replace it (choose an empty or new folder)");
      }
    }
    Path parent = target.getParent();
    Files.createDirectories(parent);
    String name = target.getFileName().toString();
    return new SiteOutput(target, Files.createTempDirectory(parent, "." + name + ".building-"));
  }

  /** Writes a UTF-8 text file at {@code path}, relative to the site root ("a/b/index.html"). */
  public void write(String path, String content) throws IOException {
    write(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a file at {@code path}, relative to the site root. */
  public void write(String path, byte[] content) throws IOException {
    // Paths are built from slugs, so anything else is a bug; refuse it rather than write
    // outside the site.
    if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
      throw new IllegalArgumentException("unsafe output path: " + path);
    }
    Path file = staging.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    files.incrementAndGet();
  }

  /** How many files were written so far. */
  public int filesWritten() {
    return files.get();
  }

  /** Replaces the output folder with the staged site. */
  public void commit() throws IOException {
    if (Files.exists(out)) {
      Path old = Files.createTempDirectory(out.getParent(),
          "." + out.getFileName() + ".old-");
      Files.delete(old);
      move(out, old);
      move(staging, out);
      deleteTree(old);
    } else {
      move(staging, out);
    }
    committed = true;
  }

  /** Deletes the staging folder unless the site was committed. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      deleteTree(staging);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
