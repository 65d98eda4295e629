package dev.palimpsest.cache;

import dev.palimpsest.Problem;
import dev.palimpsest.document.ChangeSummary;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.write.SiteOutput;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * What the last build knew of each document: the hash of its inputs, its summary, its problems
 * and the files it wrote, so that a rebuild can keep the pages of documents that did not change;
 * and the files of the site stage. Kept in one file beside the site
 * ({@code .<site>.palimpsest-cache}), never inside it, so it is not published. A compact binary
 * file with a checksum: a no-op rebuild of a large site reads it whole, and a text format took
 * most of that build's time. A cache is used only when its format, the generator version and
 * the global hash (templates and options) match; anything else is ignored, with a warning when
 * the file is not a cache this generator wrote or is damaged.
 */
public final class BuildCache {
  /** Raised when the file format changes, or pages come out differently for the same input. */
  static final int FORMAT = 7;
  public static final String GENERATOR_VERSION = GeneratorBuild.ID;
  /** The first bytes of every cache file. */
  private static final String MAGIC = "palimpsest build cache";

  private final String global;
  private final Map<String, Entry> documents;
  private final List<String> siteFiles;
  private final Map<String, String> feedExcerpts;

  private BuildCache(String global, Map<String, Entry> documents, List<String> siteFiles,
      Map<String, String> feedExcerpts) {
    this.global = global;
    this.documents = documents;
    this.siteFiles = siteFiles;
    this.feedExcerpts = feedExcerpts;
  }

  /** An empty cache for a build whose templates and options hash to {@code global}. */
  public static BuildCache empty(String global) {
    return new BuildCache(global, new HashMap<>(), List.of(), Map.of());
  }

  /** The cache file of the site at {@code out}. */
  public static Path fileFor(Path out) {
    Path target = out.toAbsolutePath().normalize();
    return target.resolveSibling("." + target.getFileName() + ".palimpsest-cache");
  }

  /**
   * Reads the cache at {@code file}; whether it applies to a build is for {@link #appliesTo}
   * to say.
   *
   * @param warnings receives a warning when the file exists but cannot be trusted
   * @return the cache, or empty when there is none or it cannot be trusted
   */
  public static Optional<BuildCache> read(Path file, List<Problem> warnings) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      warnings.add(new Problem(file, "build cache ignored: not readable (" + e.getMessage()
          + "); building everything"));
      return Optional.empty();
    }
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (!MAGIC.equals(readMagic(in))) {
        throw new IOException("not a build cache");
      }
      int format = in.readInt();
      String generator = in.readUTF();
      if (format != FORMAT || !GENERATOR_VERSION.equals(generator)) {
        warnings.add(new Problem(file, "build cache ignored: written by another version ("
            + generator + ", format " + format + "); building everything"));
        return Optional.empty();
      }
      if (!checksumHolds(bytes)) {
        throw new IOException("checksum does not match");
      }
      String global = in.readUTF();
      List<String> siteFiles = readStrings(in);
      int excerptCount = in.readInt();
      Map<String, String> feedExcerpts = new HashMap<>();
      for (int i = 0; i < excerptCount; i++) {
        feedExcerpts.put(in.readUTF(), readLongString(in));
      }
      List<String> fileNames = readStrings(in);
      int count = in.readInt();
      Map<String, Entry> documents = new HashMap<>();
      for (int i = 0; i < count; i++) {
        Entry entry = Entry.read(in, fileNames);
        documents.put(entry.key(), entry);
      }
      return Optional.of(new BuildCache(global, documents, siteFiles, feedExcerpts));
    } catch (IOException | RuntimeException e) {
      warnings.add(new Problem(file, "build cache ignored: not a readable cache ("
          + firstLine(e.getMessage()) + "); building everything"));
      return Optional.empty();
    }
  }

  private static String readMagic(DataInputStream in) throws IOException {
    byte[] magic = new byte[MAGIC.length()];
    in.readFully(magic);
    return new String(magic, StandardCharsets.US_ASCII);
  }

  /** The last 8 bytes hold the CRC-32 of all the others: a torn or damaged file shows. */
  private static boolean checksumHolds(byte[] bytes) {
    if (bytes.length < 8) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    return crc.getValue() == ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
  }

  /**
   * Whether this cache describes pages built with the same templates and options, which a
   * build's global hash sums up; a cache that does not is not used, without a warning.
   */
  public boolean appliesTo(String global) {
    return this.global.equals(global);
  }

  /** Deletes the cache file, so that a build killed before the next {@link #write} is full. */
  public static void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
  }

  /**
   * Writes this cache to {@code file}, atomically.
   *
   * @param entries every document of the site
   * @param siteFiles the files of the site stage, relative to the site root
   * @param feedExcerpts the excerpts the site and source feeds used, by feed id
   */
  public void write(Path file, Collection<Entry> entries, List<String> siteFiles,
      Map<String, String> feedExcerpts) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    CRC32 crc = new CRC32();
    try (OutputStream stream = Files.newOutputStream(temporary)) {
      CheckedOutputStream checked = new CheckedOutputStream(
          new BufferedOutputStream(stream, 64 * 1024), crc);
      DataOutputStream out = new DataOutputStream(checked);
      out.write(MAGIC.getBytes(StandardCharsets.US_ASCII));
      out.writeInt(FORMAT);
      out.writeUTF(GENERATOR_VERSION);
      out.writeUTF(global);
      writeStrings(out, siteFiles);
      out.writeInt(feedExcerpts.size());
      for (Map.Entry<String, String> excerpt : new TreeMap<>(feedExcerpts).entrySet()) {
        out.writeUTF(excerpt.getKey());
        writeLongString(out, excerpt.getValue());
      }
      // Documents share their file names (index.html, versions/1.html, …): each name is
      // written once and entries refer to it by number, which keeps a large site's cache
      // small and quick to read.
      Map<String, Integer> fileNumbers = new HashMap<>();
      List<String> fileNames = new ArrayList<>();
      for (Entry entry : entries) {
        for (String name : entry.files()) {
          if (fileNumbers.putIfAbsent(name, fileNames.size()) == null) {
            fileNames.add(name);
          }
        }
      }
      writeStrings(out, fileNames);
      out.writeInt(entries.size());
      for (Entry entry : entries) {
        entry.write(out, fileNumbers);
      }
      out.flush();
      DataOutputStream tail = new DataOutputStream(stream);
      tail.writeLong(crc.getValue());
      tail.flush();
    }
    SiteOutput.replace(temporary, file);
  }

  /** The entry of the document at {@code source/name}, if the last build had one. */
  public Optional<Entry> get(String source, String name) {
    return Optional.ofNullable(documents.get(source + "/" + name));
  }

  /** The documents the last build had. */
  public int size() {
    return documents.size();
  }

  /** Every document entry of the last build. */
  public Collection<Entry> entries() {
    return documents.values();
  }

  /** The files the last build's site stage wrote (home page, source pages, feeds, …). */
  public List<String> siteFiles() {
    return siteFiles;
  }

  /** The excerpts the last build's site and source feeds used, by feed id. */
  public Map<String, String> feedExcerpts() {
    return feedExcerpts;
  }

  /** A string of any length (writeUTF stops at 64 KB). */
  private static void writeLongString(DataOutputStream out, String string) throws IOException {
    byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readLongString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("string length " + length + " out of range");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static void writeStrings(DataOutputStream out, List<String> strings)
      throws IOException {
    out.writeInt(strings.size());
    for (String string : strings) {
      out.writeUTF(string);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<String> strings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      strings.add(in.readUTF());
    }
    return List.copyOf(strings);
  }

  private static void writeProblems(DataOutputStream out, List<Problem> problems)
      throws IOException {
    out.writeInt(problems.size());
    for (Problem problem : problems) {
      out.writeUTF(problem.path().toString());
      out.writeUTF(problem.reason());
    }
  }

  private static List<Problem> readProblems(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<Problem> problems = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      problems.add(new Problem(Path.of(in.readUTF()), in.readUTF()));
    }
    return List.copyOf(problems);
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }

  /**
   * One document as the last build left it.
   *
   * @param source its source's output name
   * @param name its output name
   * @param fingerprint sizes and times of its input files
   * @param hash the content hash of its input files
   * @param summary its summary, or null when none of its snapshots could be used
   * @param problems its problems
   * @param warnings its warnings
   * @param files the files it wrote, relative to its folder in the site
   * @param pageKeys the keys of its pages, as {@link dev.palimpsest.document.DocumentResult}
   *     gave them
   */
  public record Entry(String source, String name, String fingerprint, String hash,
      DocumentSummary summary, List<Problem> problems, List<Problem> warnings,
      List<String> files, List<Long> pageKeys) {

    /** An entry for a document just built. */
    public static Entry of(String source, String name, String fingerprint, String hash,
        Optional<DocumentSummary> summary, List<Problem> problems, List<Problem> warnings,
        List<String> files, List<Long> pageKeys) {
      return new Entry(source, name, fingerprint, hash, summary.orElse(null),
          List.copyOf(problems), List.copyOf(warnings), List.copyOf(files),
          List.copyOf(pageKeys));
    }

    /** Its folder in the site, {@code source/name}; unique among the entries of a cache. */
    public String key() {
      return source + "/" + name;
    }

    /** The summary as the site stage needs it. */
    public Optional<DocumentSummary> documentSummary() {
      return Optional.ofNullable(summary);
    }

    public List<Problem> problemList() {
      return problems;
    }

    public List<Problem> warningList() {
      return warnings;
    }

    /** The same entry with a fresh fingerprint, for inputs touched but not changed. */
    public Entry withFingerprint(String fingerprint) {
      return new Entry(source, name, fingerprint, hash, summary, problems, warnings, files,
          pageKeys);
    }

    void write(DataOutputStream out, Map<String, Integer> fileNumbers) throws IOException {
      out.writeUTF(source);
      out.writeUTF(name);
      out.writeUTF(fingerprint);
      out.writeUTF(hash);
      out.writeBoolean(summary != null);
      if (summary != null) {
        out.writeUTF(summary.title());
        writeInstant(out, summary.firstSeen());
        writeInstant(out, summary.lastChanged());
        writeInstant(out, summary.lastChecked());
        out.writeInt(summary.versions());
        out.writeBoolean(summary.frozen());
        out.writeInt(summary.changes().size());
        for (ChangeSummary change : summary.changes()) {
          out.writeInt(change.from());
          out.writeInt(change.to());
          writeInstant(out, change.fromTime());
          writeInstant(out, change.toTime());
          out.writeInt(change.wordsAdded());
          out.writeInt(change.wordsRemoved());
          out.writeInt(change.movedBlocks());
        }
      }
      writeProblems(out, problems);
      writeProblems(out, warnings);
      out.writeInt(files.size());
      for (String file : files) {
        out.writeInt(fileNumbers.get(file));
      }
      out.writeInt(pageKeys.size());
      for (long key : pageKeys) {
        out.writeLong(key);
      }
    }

    static Entry read(DataInputStream in, List<String> fileNames) throws IOException {
      String source = in.readUTF();
      String name = in.readUTF();
      String fingerprint = in.readUTF();
      String hash = in.readUTF();
      DocumentSummary summary = null;
      if (in.readBoolean()) {
        String title = in.readUTF();
        Instant firstSeen = readInstant(in);
        Instant lastChanged = readInstant(in);
        Instant lastChecked = readInstant(in);
        int versions = in.readInt();
        boolean frozen = in.readBoolean();
        int count = in.readInt();
        List<ChangeSummary> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          changes.add(new ChangeSummary(in.readInt(), in.readInt(), readInstant(in),
              readInstant(in), in.readInt(), in.readInt(), in.readInt()));
        }
        summary = new DocumentSummary(source, name, title, firstSeen, lastChanged, lastChecked,
            versions, frozen, changes);
      }
      List<Problem> problems = readProblems(in);
      List<Problem> warnings = readProblems(in);
      int fileCount = in.readInt();
      if (fileCount < 0 || fileCount > in.available() / 4) {
        throw new IOException("file count " + fileCount + " out of range");
      }
      List<String> files = new ArrayList<>(fileCount);
      for (int i = 0; i < fileCount; i++) {
        // An index out of range throws, and the cache is ignored as damaged.
        files.add(fileNames.get(in.readInt()));
      }
      int keyCount = in.readInt();
      if (keyCount < 0 || keyCount > in.available() / 8) {
        throw new IOException("key count " + keyCount + " out of range");
      }
      List<Long> pageKeys = new ArrayList<>(keyCount);
      for (int i = 0; i < keyCount; i++) {
        pageKeys.add(in.readLong());
      }
      return new Entry(source, name, fingerprint, hash, summary, problems, warnings,
          List.copyOf(files), List.copyOf(pageKeys));
    }
  }
}
