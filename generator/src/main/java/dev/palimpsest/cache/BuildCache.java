package dev.palimpsest.cache;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.palimpsest.Problem;
import dev.palimpsest.document.ChangeSummary;
import dev.palimpsest.document.DocumentSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last build knew of each document: the hash of its inputs, its summary, its problems
 * and the files it wrote, so that a rebuild can keep the pages of documents that did not change.
 * Kept in one file beside the site ({@code .<site>.palimpsest-cache}), never inside it, so it is
 * not published. A cache is used only when its format, the generator version and the global hash
 * (templates and options) match; anything else is ignored, with a warning when the file is not a
 * cache this generator wrote.
 */
public final class BuildCache {
  /** Raised when the file format changes, or pages come out differently for the same input. */
  static final int FORMAT = 3;
  public static final String GENERATOR_VERSION = GeneratorBuild.ID;
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final String global;
  private final Map<String, Entry> documents;
  private final List<String> siteFiles;

  private BuildCache(String global, Map<String, Entry> documents, List<String> siteFiles) {
    this.global = global;
    this.documents = documents;
    this.siteFiles = siteFiles;
  }

  /** An empty cache for a build whose templates and options hash to {@code global}. */
  public static BuildCache empty(String global) {
    return new BuildCache(global, new HashMap<>(), List.of());
  }

  /** The cache file of the site at {@code out}. */
  public static Path fileFor(Path out) {
    Path target = out.toAbsolutePath().normalize();
    return target.resolveSibling("." + target.getFileName() + ".palimpsest-cache");
  }

  /**
   * Reads the cache at {@code file} for a build whose global hash is {@code global}.
   *
   * @param warnings receives a warning when the file exists but cannot be trusted
   * @return the cache, or empty when there is none or it does not apply to this build
   */
  public static Optional<BuildCache> read(Path file, String global, List<Problem> warnings) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Stored stored;
    try (InputStream in = Files.newInputStream(file)) {
      stored = JSON.readValue(in, Stored.class);
    } catch (IOException | RuntimeException e) {
      warnings.add(new Problem(file, "build cache ignored: not a readable cache ("
          + firstLine(e.getMessage()) + "); building everything"));
      return Optional.empty();
    }
    if (stored == null || stored.format() != FORMAT || stored.documents() == null
        || stored.site() == null || !GENERATOR_VERSION.equals(stored.generator())) {
      warnings.add(new Problem(file, "build cache ignored: written by another version ("
          + (stored == null ? "none" : stored.generator() + ", format " + stored.format())
          + "); building everything"));
      return Optional.empty();
    }
    if (!global.equals(stored.global())) {
      return Optional.empty();
    }
    Map<String, Entry> documents = new HashMap<>();
    for (Entry entry : stored.documents()) {
      if (entry == null || !entry.valid()) {
        warnings.add(new Problem(file, "build cache ignored: an entry is incomplete;"
            + " building everything"));
        return Optional.empty();
      }
      documents.put(entry.key(), entry);
    }
    return Optional.of(new BuildCache(global, documents, List.copyOf(stored.site())));
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
   */
  public void write(Path file, Collection<Entry> entries, List<String> siteFiles)
      throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temporary)) {
      JSON.writeValue(out, new Stored(FORMAT, GENERATOR_VERSION, global, List.copyOf(entries),
          siteFiles));
    }
    try {
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
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

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** The file as stored. */
  record Stored(int format, String generator, String global, List<Entry> documents,
      List<String> site) {}

  /**
   * One document as the last build left it.
   *
   * @param source its source's output name
   * @param name its output name
   * @param fingerprint sizes and times of its input files
   * @param hash the content hash of its input files
   * @param summary its summary, or null when none of its snapshots could be used
   * @param problems its problems as [path, reason]
   * @param warnings its warnings as [path, reason]
   * @param files the files it wrote, relative to its folder in the site
   */
  public record Entry(String source, String name, String fingerprint, String hash,
      StoredSummary summary, List<List<String>> problems, List<List<String>> warnings,
      List<String> files) {

    /** An entry for a document just built. */
    public static Entry of(String source, String name, String fingerprint, String hash,
        Optional<DocumentSummary> summary, List<Problem> problems, List<Problem> warnings,
        List<String> files) {
      return new Entry(source, name, fingerprint, hash,
          summary.map(StoredSummary::of).orElse(null), pairs(problems), pairs(warnings),
          List.copyOf(files));
    }

    /** Its folder in the site, {@code source/name}; unique among the entries of a cache. */
    public String key() {
      return source + "/" + name;
    }

    boolean valid() {
      return source != null && name != null && fingerprint != null && hash != null
          && problems != null && warnings != null && files != null
          && problems.stream().allMatch(p -> p != null && p.size() == 2)
          && warnings.stream().allMatch(p -> p != null && p.size() == 2);
    }

    /** The summary as the site stage needs it. */
    public Optional<DocumentSummary> documentSummary() {
      return Optional.ofNullable(summary).map(s -> s.toSummary(source, name));
    }

    public List<Problem> problemList() {
      return problems(problems);
    }

    public List<Problem> warningList() {
      return problems(warnings);
    }

    /** The same entry with a fresh fingerprint, for inputs touched but not changed. */
    public Entry withFingerprint(String fingerprint) {
      return new Entry(source, name, fingerprint, hash, summary, problems, warnings, files);
    }

    private static List<List<String>> pairs(List<Problem> problems) {
      return problems.stream().map(p -> List.of(p.path().toString(), p.reason())).toList();
    }

    private static List<Problem> problems(List<List<String>> pairs) {
      return pairs.stream().map(p -> new Problem(Path.of(p.get(0)), p.get(1))).toList();
    }
  }

  /** A {@link DocumentSummary} without its (implied) source and name. */
  public record StoredSummary(String title, String firstSeen, String lastChanged,
      String lastChecked, int versions, boolean frozen, List<StoredChange> changes) {
    static StoredSummary of(DocumentSummary summary) {
      return new StoredSummary(summary.title(), summary.firstSeen().toString(),
          summary.lastChanged().toString(), summary.lastChecked().toString(),
          summary.versions(), summary.frozen(),
          summary.changes().stream().map(StoredChange::of).toList());
    }

    DocumentSummary toSummary(String source, String name) {
      return new DocumentSummary(source, name, title, Instant.parse(firstSeen),
          Instant.parse(lastChanged), Instant.parse(lastChecked), versions, frozen,
          changes.stream().map(StoredChange::toChange).toList());
    }
  }

  /** A {@link ChangeSummary} as stored. */
  public record StoredChange(int from, int to, String fromTime, String toTime, int wordsAdded,
      int wordsRemoved, int movedBlocks) {
    static StoredChange of(ChangeSummary change) {
      return new StoredChange(change.from(), change.to(), change.fromTime().toString(),
          change.toTime().toString(), change.wordsAdded(), change.wordsRemoved(),
          change.movedBlocks());
    }

    ChangeSummary toChange() {
      return new ChangeSummary(from, to, Instant.parse(fromTime), Instant.parse(toTime),
          wordsAdded, wordsRemoved, movedBlocks);
    }
  }
}
