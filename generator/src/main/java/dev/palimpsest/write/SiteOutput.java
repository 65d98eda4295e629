package dev.palimpsest.write;

import dev.palimpsest.layout.SiteLayout;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A site being written: files go to a staging folder beside the output folder, and reach the
 * output only on commit, so readers never see a half-written file or site. Closing without
 * committing deletes the staging folder. Writes are thread-safe.
 *
 * <p>A new site is swapped in whole on {@link #commit()} ({@code SwapIn}); a site
 * {@linkplain #updateInPlace updated in place} gets its changed files one by one on
 * {@link #commitInPlace} ({@code InPlaceUpdate}). A lock ({@code SiteLock}) keeps two builds
 * from writing the same site at once, and {@link #open} first undoes what a killed build left
 * ({@code Leftovers}).
 */
public final class SiteOutput implements AutoCloseable {
  /** A file every Palimpsest site has: its presence makes an output folder safe to replace. */
  private static final String SITE_MARK = SiteLayout.CHANGES;

  /** One page writer per thread, reused from page to page. */
  private static final ThreadLocal<PageWriter> PAGE_WRITERS =
      ThreadLocal.withInitial(PageWriter::new);

  private final Path out;
  private final Path staging;
  private final SiteLock lock;
  private final AtomicInteger files = new AtomicInteger();
  private final AtomicInteger kept = new AtomicInteger();
  private volatile SiteUpdate update;
  private boolean committed;

  private SiteOutput(Path out, Path staging, SiteLock lock) {
    this.out = out;
    this.staging = staging;
    this.lock = lock;
    this.update = new SwapIn(out, staging);
  }

  /**
   * Starts a site for {@code out}, a new one to be swapped in unless {@link #updateInPlace} says
   * otherwise.
   *
   * @throws IOException when {@code out} exists but is not a folder we may replace (a file, or
   *     a non-empty folder that is not a Palimpsest site), another build is writing it, or the
   *     staging folder cannot be made
   */
  public static SiteOutput open(Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    SiteLock lock = SiteLock.acquire(out);
    try {
      Leftovers.recover(target);
      check(out, target);
      return new SiteOutput(target, Files.createDirectory(Leftovers.staging(target)), lock);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static void check(Path out, Path target) throws IOException {
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new IOException(out + " exists and is not a folder");
      }
      if (!FileTrees.isEmpty(target) && !Files.isRegularFile(target.resolve(SITE_MARK))) {
        throw new IOException(out + " is not empty and is not a Palimpsest site;"
            + " refusing to replace it (choose an empty or new folder)");
      }
    }
  }

  /** Writes a UTF-8 text file at {@code path}, relative to the site root ("a/b/index.html"). */
  public void write(String path, String content) throws IOException {
    write(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a file at {@code path}, relative to the site root. */
  public void write(String path, byte[] content) throws IOException {
    Path file = newFile(path);
    Files.write(file, content);
    files.incrementAndGet();
  }

  /** Where a file about to be written at {@code path} goes until the commit. */
  private Path newFile(String path) throws IOException {
    return update.staged(OutputPaths.checked(path));
  }

  /** Reads a file of the new site, written or kept, at {@code path} from the site root. */
  public byte[] read(String path) throws IOException {
    return update.read(path);
  }

  /** Writes the content of a file to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes a file at {@code path}, relative to the site root, straight from {@code content}, so
   * that a large file (changes.json of a large site) is never held in memory whole.
   */
  public void write(String path, Content content) throws IOException {
    Path file = newFile(path);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
      content.writeTo(out);
    }
    files.incrementAndGet();
  }

  /** Writes the text of a file to a writer. */
  @FunctionalInterface
  public interface TextContent {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes a UTF-8 text file at {@code path}, relative to the site root, straight from
   * {@code content} (a page rendered into its file).
   */
  public void writeText(String path, TextContent content) throws IOException {
    Path file = newFile(path);
    PageWriter writer = PAGE_WRITERS.get();
    if (writer.isOpen()) {
      writer = new PageWriter(); // a page written while this thread writes another
    }
    try (Writer page = writer.open(Files.newOutputStream(file))) {
      content.writeTo(page);
    }
    files.incrementAndGet();
  }

  /** How many files were written so far. */
  public int filesWritten() {
    return files.get();
  }

  /** How many files of the current site were kept so far (see {@link #keep}). */
  public int filesKept() {
    return kept.get();
  }

  /** Whether a site built before is in place at the output. */
  public boolean hasSite() {
    return Files.isRegularFile(out.resolve(SITE_MARK));
  }

  /**
   * Makes this an update of the current site in place rather than a new site swapped in:
   * only the files written are staged, {@link #keep} leaves files where they are, and the
   * build ends with {@link #commitInPlace}. Called before anything is written or kept.
   */
  public void updateInPlace() {
    if (files.get() > 0 || kept.get() > 0) {
      throw new IllegalStateException("an update in place is chosen before writing");
    }
    update = new InPlaceUpdate(out, staging);
  }

  /**
   * Keeps files of the current site as they are, in an update in place: checks that they are
   * there, all of them, and leaves them where they are.
   *
   * @param dir a folder relative to the site root ("source/document")
   * @param names files relative to {@code dir}, in order
   * @throws java.nio.file.NoSuchFileException when the current site lacks one of them; none is
   *     kept then, and the caller writes them afresh
   */
  public void keep(String dir, List<String> names) throws IOException {
    keep(dir, names, 0);
  }

  /**
   * {@link #keep(String, List)}, without listing the files' folders when their stamp is still
   * the one given (see {@link #folderStamp}): no file can have left them since.
   *
   * @return whether the stamp held
   */
  public boolean keep(String dir, List<String> names, long stamp) throws IOException {
    if (!(update instanceof InPlaceUpdate inPlace)) {
      throw new IllegalStateException("a site swapped in whole keeps nothing");
    }
    boolean held = inPlace.keep(dir, names, stamp);
    kept.addAndGet(names.size());
    return held;
  }

  /**
   * A stamp of the folders of the output that hold these files, which changes when a file is
   * added to, removed from or renamed in one of them: taken after a commit, it lets the next
   * build keep the files without listing their folders. 0 when a folder is missing.
   *
   * @param dir a folder relative to the site root
   * @param names files relative to {@code dir}, in order
   */
  public long folderStamp(String dir, List<String> names) throws IOException {
    return FolderStamp.of(out, dir, names);
  }

  /** Replaces the output folder with the staged site. */
  public void commit() throws IOException {
    if (!(update instanceof SwapIn swapIn)) {
      throw new IllegalStateException("an update in place ends with commitInPlace");
    }
    swapIn.commit();
    committed = true;
  }

  /**
   * Moves the staged files into the current site and deletes {@code stale} files from it,
   * leaving alone staged files with the same bytes as the ones they would replace.
   *
   * @param stale files of the current site, relative to its root, that the new site lacks
   * @return how many files of the site were added or replaced
   */
  public int commitInPlace(Collection<String> stale) throws IOException {
    if (!(update instanceof InPlaceUpdate inPlace)) {
      throw new IllegalStateException("not an update in place");
    }
    int changed = inPlace.commit(stale);
    committed = true;
    return changed;
  }

  /** Deletes the staging folder unless the site was committed, and lets other builds in. */
  @Override
  public void close() throws IOException {
    try {
      if (!committed) {
        FileTrees.deleteTree(staging);
      }
    } finally {
      lock.close();
    }
  }
}
