package dev.palimpsest.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A site being written: files go to a staging folder beside the output folder, which replaces
 * the output only on {@link #commit()}, so readers never see a half-written site. Closing
 * without committing deletes the staging folder. Writes are thread-safe.
 *
 * <p>Crash safety: the swap is two renames (the old site aside, the new one in), so a process
 * killed at any moment leaves either the old site or the new one complete, in place or, if the
 * kill fell between the two renames, aside; the next {@link #open} puts it back before anything
 * else. Folders left by killed builds are removed then too. A lock file beside the output keeps
 * two builds from writing the same site at once.
 *
 * <p>A site {@linkplain #updateInPlace updated in place} stages only the files it writes, and
 * {@link #commitInPlace} renames them over the current site one by one: new files first, then
 * replaced ones, and files no longer part of the site are deleted last. Every file is always
 * whole, the old one or the new one, and every link between them resolves at every moment;
 * what a kill can leave is a site part old and part new, which the caller must rebuild in full
 * next time (it deletes its build cache first).
 */
public final class SiteOutput implements AutoCloseable {
  /** A file every Palimpsest site has: its presence makes an output folder safe to replace. */
  private static final String SITE_MARK = "changes.json";

  private static final String BUILDING = ".building-";
  private static final String OLD = ".old-";
  /** One page writer per thread, reused from page to page. */
  private static final ThreadLocal<PageWriter> PAGE_WRITERS =
      ThreadLocal.withInitial(PageWriter::new);

  private final Path out;
  private final Path staging;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final AtomicInteger files = new AtomicInteger();
  private final AtomicInteger kept = new AtomicInteger();
  /** The staging folders made so far: asking again for each of thousands of pages is costly. */
  private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();
  private volatile boolean inPlace;
  private boolean committed;

  private SiteOutput(Path out, Path staging, FileChannel lockChannel, FileLock lock) {
    this.out = out;
    this.staging = staging;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Starts a site for {@code out}.
   *
   * @throws IOException when {@code out} exists but is not a folder we may replace (a file, or
   *     a non-empty folder that is not a Palimpsest site), or the staging folder cannot be made
   */
  public static SiteOutput open(Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    String name = target.getFileName().toString();
    FileChannel channel = FileChannel.open(parent.resolve("." + name + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("another build is writing " + out + " right now");
    }
    try {
      recover(target);
      check(out, target);
      // Named after this process rather than made as a temporary folder: the lock keeps
      // other builds out, and a temporary folder would be private to its owner (mode 700),
      // which the committed site would keep, and a web server then could not read it.
      return new SiteOutput(target, Files.createDirectory(parent.resolve("." + name + BUILDING
          + ProcessHandle.current().pid())), channel, lock);
    } catch (IOException | RuntimeException e) {
      lock.release();
      channel.close();
      throw e;
    }
  }

  /**
   * Undoes what a killed build left: a site moved aside but not replaced is put back, and
   * unfinished staging folders and old sites are deleted.
   */
  private static void recover(Path target) throws IOException {
    String name = target.getFileName().toString();
    List<Path> leftovers;
    try (Stream<Path> siblings = Files.list(target.getParent())) {
      leftovers = siblings.filter(p -> {
        String sibling = p.getFileName().toString();
        return sibling.startsWith("." + name + BUILDING) || sibling.startsWith("." + name + OLD);
      }).sorted().toList();
    }
    for (Path leftover : leftovers) {
      boolean aside = leftover.getFileName().toString().startsWith("." + name + OLD);
      if (aside && !Files.exists(target)) {
        move(leftover, target);
      } else {
        deleteTree(leftover);
      }
    }
  }

  private static void check(Path out, Path target) throws IOException {
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new IOException(out + " exists and is not a folder");
      }
      if (!isEmpty(target) && !Files.isRegularFile(target.resolve(SITE_MARK))) {
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

  /** {@code path} in the staging folder, its folders made, for a file about to be written. */
  private Path newFile(String path) throws IOException {
    Path file = staged(path);
    // Most pages go to a folder made already, which a plain look-up answers. Asking
    // computeIfAbsent for every page made the JVM compile it with all of the folder making
    // inlined, for a path taken once a folder.
    if (folders.get(file.getParent()) == null) {
      makeFolder(file.getParent());
    }
    return file;
  }

  /** Makes a staging folder, once: other threads wait for it rather than write too early. */
  private void makeFolder(Path folder) throws IOException {
    try {
      folders.computeIfAbsent(folder, f -> {
        try {
          Files.createDirectories(f);
          return Boolean.TRUE;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Reads a file of the new site, written or kept, at {@code path} from the site root. */
  public byte[] read(String path) throws IOException {
    Path file = staged(path);
    if (inPlace && !Files.exists(file)) {
      return Files.readAllBytes(out.resolve(checked(path)));
    }
    return Files.readAllBytes(file);
  }

  /**
   * {@code path} in the staging folder. Paths are built from slugs, so anything else is a bug;
   * it is refused rather than let anything be written outside the site.
   */
  private Path staged(String path) {
    return staging.resolve(checked(path));
  }

  private static String checked(String path) {
    if (!isSafe(path) || path.contains("..")) {
      throw new IllegalArgumentException("unsafe output path: " + path);
    }
    return path;
  }

  /**
   * Whether {@code path} is names of {@code A-Z a-z 0-9 . _ -} joined by single slashes. Checked
   * by hand: a rebuild checks every path of the site, where a regular expression was a good part
   * of a rebuild after one new snapshot.
   */
  static boolean isSafe(String path) {
    boolean nameStarted = false;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '/') {
        if (!nameStarted) {
          return false;
        }
        nameStarted = false;
      } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '.' || c == '_' || c == '-') {
        nameStarted = true;
      } else {
        return false;
      }
    }
    return nameStarted;
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
    inPlace = true;
  }

  /**
   * Carries files of the current site into the new one unchanged, all or none. A site swapped
   * in gets hard links where the file system allows (nothing is copied or rewritten), copies
   * elsewhere; the new site must never write to a kept file, since it may share its bytes with
   * the site being served. A site updated in place only checks that the files are there.
   *
   * @param dir a folder relative to the site root ("source/document")
   * @param names files relative to {@code dir}
   * @throws java.nio.file.NoSuchFileException when the current site lacks one of them; none is
   *     kept then, and the caller writes them afresh
   */
  public void keep(String dir, List<String> names) throws IOException {
    if (inPlace) {
      checkPresent(dir, names);
      kept.addAndGet(names.size());
      return;
    }
    List<Path> linked = new ArrayList<>();
    Path made = null;
    try {
      for (String name : names) {
        String path = checked(dir + "/" + name);
        Path from = out.resolve(path);
        Path to = staging.resolve(path);
        // Names come in order, so a folder made for one file usually serves the next ones.
        if (!to.getParent().equals(made)) {
          made = Files.createDirectories(to.getParent());
        }
        try {
          Files.createLink(to, from);
        } catch (UnsupportedOperationException | FileSystemException e) {
          if (e instanceof NoSuchFileException missing) {
            throw missing;
          }
          Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
        linked.add(to);
      }
    } catch (NoSuchFileException e) {
      for (Path link : linked) {
        Files.delete(link);
      }
      throw e;
    }
    kept.addAndGet(linked.size());
  }

  /**
   * Checks that the current site has these files, by listing their folders rather than
   * looking each file up: a document has a few folders and dozens of pages, and a rebuild
   * checks every kept document.
   */
  private void checkPresent(String dir, List<String> names) throws IOException {
    // Names come in order, so the files of a folder come one after another and each folder
    // is listed once (or again, when other names come between).
    String folder = null;
    Set<String> present = Set.of();
    for (String name : names) {
      String path = checked(dir + "/" + name);
      int slash = path.lastIndexOf('/');
      if (folder == null || folder.length() != slash || !path.startsWith(folder)) {
        folder = path.substring(0, slash);
        // Names as strings: no path object for each of a site's files.
        String[] listed = out.resolve(folder).toFile().list();
        if (listed == null) {
          throw new NoSuchFileException(out.resolve(folder).toString());
        }
        present = new HashSet<>(Arrays.asList(listed));
      }
      if (!present.contains(path.substring(slash + 1))) {
        throw new NoSuchFileException(out.resolve(path).toString());
      }
    }
  }

  private static List<String> filesUnder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> folder.relativize(file).toString().replace('\\', '/'))
          .sorted().toList();
    }
  }

  /** Replaces the output folder with the staged site. */
  public void commit() throws IOException {
    if (Files.exists(out)) {
      Path old = out.resolveSibling("." + out.getFileName() + OLD
          + ProcessHandle.current().pid());
      move(out, old);
      move(staging, out);
      deleteInParallel(old);
    } else {
      move(staging, out);
    }
    committed = true;
  }

  /**
   * Moves the staged files into the current site and deletes {@code stale} files from it (see
   * the class comment for the order). A staged file with the same bytes as the one it would
   * replace is dropped instead, so that unchanged pages keep their time for tools that copy
   * the site on by time.
   *
   * @param stale files of the current site, relative to its root, that the new site lacks
   * @return how many files of the site were added or replaced
   */
  public int commitInPlace(Collection<String> stale) throws IOException {
    if (!inPlace) {
      throw new IllegalStateException("not an update in place");
    }
    List<String> staged = filesUnder(staging);
    List<String> replacing = new ArrayList<>();
    int changed = 0;
    for (String path : staged) {
      Path target = out.resolve(path);
      if (Files.exists(target)) {
        replacing.add(path);
      } else {
        Files.createDirectories(target.getParent());
        move(staging.resolve(path), target);
        changed++;
      }
    }
    for (String path : replacing) {
      Path from = staging.resolve(path);
      Path target = out.resolve(path);
      if (Files.mismatch(from, target) != -1) {
        replace(from, target);
        changed++;
      }
    }
    for (String path : stale) {
      Path file = out.resolve(checked(path));
      Files.deleteIfExists(file);
      deleteEmptyFolders(file.getParent());
    }
    deleteTree(staging);
    committed = true;
    return changed;
  }

  /** Deletes {@code folder} and its parents up to the site root while they are empty. */
  private void deleteEmptyFolders(Path folder) throws IOException {
    for (Path dir = folder; dir != null && !dir.equals(out) && dir.startsWith(out);
        dir = dir.getParent()) {
      try {
        Files.deleteIfExists(dir);
      } catch (DirectoryNotEmptyException e) {
        return;
      }
    }
  }

  /** Deletes the staging folder unless the site was committed, and lets other builds in. */
  @Override
  public void close() throws IOException {
    try {
      if (!committed) {
        deleteTree(staging);
      }
    } finally {
      lock.release();
      lockChannel.close();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Moves {@code from} onto {@code to} in one step where the file system can, else replacing it. */
  public static void replace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  /** Deletes a large tree, folder by folder on all cores: a site has many small files. */
  private static void deleteInParallel(Path root) throws IOException {
    List<Path> children;
    try (Stream<Path> entries = Files.list(root)) {
      children = entries.toList();
    }
    try {
      children.parallelStream().forEach(child -> {
        try {
          deleteTree(child);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Files.delete(root);
  }

  /** Deletes a folder and everything in it; nothing when there is no such folder. */
  public static void deleteTree(Path root) throws IOException {
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
