package dev.palimpsest.cache;

import dev.palimpsest.Problem;
import dev.palimpsest.document.ChangeSummary;
import dev.palimpsest.document.DocumentSummary;
import dev.palimpsest.write.FileTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * What the last build knew of each document: the hash of its inputs, its summary, its problems
 * and the files it wrote, so that a rebuild can keep the pages of documents that did not change;
 * and the files of the site stage. Kept in one file beside the site
 * ({@code .<site>.palimpsest-cache}), never inside it, so it is not published. A compact binary
 * file with a checksum: a no-op rebuild of a large site reads it whole, and a text format took
 * most of that build's time. A cache is used only when its format, the generator version and
 * the global hash (templates and options) match; anything else is ignored, with a warning when
 * the file is not a cache this generator wrote or is damaged. "Now" is not part of the global
 * hash but kept beside it: only the pages that show now-relative text depend on it, and the
 * build compares what they would say then and now.
 */
public final class BuildCache {
  /** Raised when the file format changes, or pages come out differently for the same input. */
  static final int FORMAT = 9;
  public static final String GENERATOR_VERSION = GeneratorBuild.ID;
  /** The bytes of a change in the file: from and to, two times of 12 bytes, three counts. */
  private static final int CHANGE_BYTES = 4 + 4 + 12 + 12 + 4 + 4 + 4;
  /** The first bytes of every cache file. */
  private static final String MAGIC = "palimpsest build cache";

  private final String global;
  private final Instant now;
  private final Map<String, Entry> documents;
  private final List<String> siteFiles;
  private final Map<String, String> feedExcerpts;

  private BuildCache(String global, Instant now, Map<String, Entry> documents,
      List<String> siteFiles, Map<String, String> feedExcerpts) {
    this.global = global;
    this.now = now;
    this.documents = documents;
    this.siteFiles = siteFiles;
    this.feedExcerpts = feedExcerpts;
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
      CacheBytes.Reader in = new CacheBytes.Reader(bytes);
      if (!MAGIC.equals(in.ascii(MAGIC.length()))) {
        throw new IOException("not a build cache");
      }
      int format = in.readInt();
      String generator = in.readShortString();
      if (format != FORMAT || !GENERATOR_VERSION.equals(generator)) {
        warnings.add(new Problem(file, "build cache ignored: written by another version ("
            + generator + ", format " + format + "); building everything"));
        return Optional.empty();
      }
      if (!checksumHolds(bytes)) {
        throw new IOException("checksum does not match");
      }
      String global = in.readString();
      Instant now = readInstant(in);
      List<String> siteFiles = readStrings(in);
      int excerptCount = in.readCount(8);
      Map<String, String> feedExcerpts = new HashMap<>();
      for (int i = 0; i < excerptCount; i++) {
        feedExcerpts.put(in.readString(), in.readString());
      }
      List<String> fileNames = readStrings(in);
      int count = in.readCount(8);
      Map<String, Entry> documents = new HashMap<>();
      for (int i = 0; i < count; i++) {
        Entry entry = Entry.read(in, fileNames);
        documents.put(entry.key(), entry);
      }
      return Optional.of(new BuildCache(global, now, documents, siteFiles, feedExcerpts));
    } catch (IOException | RuntimeException e) {
      warnings.add(new Problem(file, "build cache ignored: not a readable cache ("
          + firstLine(e.getMessage()) + "); building everything"));
      return Optional.empty();
    }
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
   * Writes the cache of a build to {@code file}, atomically.
   *
   * @param global the build's global hash (templates and options)
   * @param now the "now" its pages were rendered with
   * @param entries every document of the site
   * @param siteFiles the files of the site stage, relative to the site root
   * @param feedExcerpts the excerpts the site and source feeds used, by feed id
   */
  public static void write(Path file, String global, Instant now, Collection<Entry> entries,
      List<String> siteFiles, Map<String, String> feedExcerpts) throws IOException {
    CacheBytes.Writer out = new CacheBytes.Writer();
    out.ascii(MAGIC);
    out.writeInt(FORMAT);
    out.writeShortString(GENERATOR_VERSION);
    out.writeString(global);
    writeInstant(out, now);
    writeStrings(out, siteFiles);
    out.writeInt(feedExcerpts.size());
    for (Map.Entry<String, String> excerpt : new TreeMap<>(feedExcerpts).entrySet()) {
      out.writeString(excerpt.getKey());
      out.writeString(excerpt.getValue());
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
    CRC32 crc = new CRC32();
    crc.update(out.bytes(), 0, out.size());
    out.writeLong(crc.getValue());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream stream = Files.newOutputStream(temporary)) {
      stream.write(out.bytes(), 0, out.size());
    }
    FileTrees.replace(temporary, file);
  }

  /** The "now" the last build rendered its pages with. */
  public Instant now() {
    return now;
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

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static void writeStrings(CacheBytes.Writer out, List<String> strings) {
    out.writeInt(strings.size());
    for (String string : strings) {
      out.writeString(string);
    }
  }

  private static List<String> readStrings(CacheBytes.Reader in) throws IOException {
    int count = in.readCount(4);
    List<String> strings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      strings.add(in.readString());
    }
    return List.copyOf(strings);
  }

  private static void writeProblems(CacheBytes.Writer out, List<Problem> problems) {
    out.writeInt(problems.size());
    for (Problem problem : problems) {
      out.writeString(problem.path().toString());
      out.writeString(problem.reason());
    }
  }

  private static List<Problem> readProblems(CacheBytes.Reader in) throws IOException {
    int count = in.readCount(8);
    List<Problem> problems = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      problems.add(new Problem(Path.of(in.readString()), in.readString()));
    }
    return List.copyOf(problems);
  }

  /** A version's headline: none, the previous version's, or a text of its own. */
  private static final byte NO_HEADLINE = 0;
  private static final byte SAME_HEADLINE = 1;
  private static final byte NEW_HEADLINE = 2;

  /**
   * Headlines, each the previous one's written as one byte: most documents keep one headline
   * through all their versions.
   */
  private static void writeHeadlines(CacheBytes.Writer out, List<String> headlines) {
    out.writeInt(headlines.size());
    String previous = null;
    for (String headline : headlines) {
      if (headline == null) {
        out.writeByte(NO_HEADLINE);
      } else if (headline.equals(previous)) {
        out.writeByte(SAME_HEADLINE);
      } else {
        out.writeByte(NEW_HEADLINE);
        out.writeString(headline);
      }
      previous = headline;
    }
  }

  private static List<String> readHeadlines(CacheBytes.Reader in) throws IOException {
    int count = in.readCount(1);
    List<String> headlines = new ArrayList<>(count);
    String previous = null;
    for (int i = 0; i < count; i++) {
      byte kind = in.readByte();
      String headline = switch (kind) {
        case NO_HEADLINE -> null;
        case SAME_HEADLINE -> previous;
        case NEW_HEADLINE -> in.readString();
        default -> throw new IOException("unknown headline kind " + kind);
      };
      headlines.add(headline);
      previous = headline;
    }
    return Collections.unmodifiableList(headlines);
  }

  private static void writeInstant(CacheBytes.Writer out, Instant instant) {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static Instant readInstant(CacheBytes.Reader in) throws IOException {
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
   * @param headlines its versions' headlines, as {@link dev.palimpsest.document.DocumentResult}
   *     gave them ({@code null} where a version has none)
   * @param folderStamp the stamp of its folders in the site when the build was done (see
   *     {@link dev.palimpsest.write.SiteOutput#folderStamp}), or 0 when not known
   */
  public record Entry(String source, String name, String fingerprint, String hash,
      DocumentSummary summary, List<Problem> problems, List<Problem> warnings,
      List<String> files, List<Long> pageKeys, List<String> headlines, long folderStamp) {

    /** An entry for a document just built. */
    public static Entry of(String source, String name, String fingerprint, String hash,
        Optional<DocumentSummary> summary, List<Problem> problems, List<Problem> warnings,
        List<String> files, List<Long> pageKeys, List<String> headlines) {
      return new Entry(source, name, fingerprint, hash, summary.orElse(null),
          List.copyOf(problems), List.copyOf(warnings), List.copyOf(files),
          List.copyOf(pageKeys), Collections.unmodifiableList(new ArrayList<>(headlines)), 0);
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
          pageKeys, headlines, folderStamp);
    }

    /** The same entry with the stamp its folders have now. */
    public Entry withFolderStamp(long folderStamp) {
      return new Entry(source, name, fingerprint, hash, summary, problems, warnings, files,
          pageKeys, headlines, folderStamp);
    }

    void write(CacheBytes.Writer out, Map<String, Integer> fileNumbers) {
      out.writeString(source);
      out.writeString(name);
      out.writeString(fingerprint);
      out.writeString(hash);
      out.writeBoolean(summary != null);
      if (summary != null) {
        out.writeString(summary.title());
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
      writeHeadlines(out, headlines);
      out.writeLong(folderStamp);
    }

    static Entry read(CacheBytes.Reader in, List<String> fileNames) throws IOException {
      String source = in.readString();
      String name = in.readString();
      String fingerprint = in.readString();
      String hash = in.readString();
      DocumentSummary summary = null;
      if (in.readBoolean()) {
        String title = in.readString();
        Instant firstSeen = readInstant(in);
        Instant lastChanged = readInstant(in);
        Instant lastChecked = readInstant(in);
        int versions = in.readInt();
        boolean frozen = in.readBoolean();
        int count = in.readCount(CHANGE_BYTES);
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
      int fileCount = in.readCount(4);
      List<String> files = new ArrayList<>(fileCount);
      for (int i = 0; i < fileCount; i++) {
        // An index out of range throws, and the cache is ignored as damaged.
        files.add(fileNames.get(in.readInt()));
      }
      int keyCount = in.readCount(8);
      List<Long> pageKeys = new ArrayList<>(keyCount);
      for (int i = 0; i < keyCount; i++) {
        pageKeys.add(in.readLong());
      }
      List<String> headlines = readHeadlines(in);
      long folderStamp = in.readLong();
      return new Entry(source, name, fingerprint, hash, summary, problems, warnings,
          List.copyOf(files), List.copyOf(pageKeys), headlines, folderStamp);
    }
  }
}
