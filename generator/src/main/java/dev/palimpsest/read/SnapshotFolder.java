package dev.palimpsest.read;

import dev.palimpsest.Problem;
import dev.palimpsest.layout.SiteLayout;
import dev.palimpsest.normalise.Format;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the layout of a snapshot folder ({@code <source>/<document>/<time>.<ext>}, see the SPEC)
 * into {@link SourceInput}s, reporting whatever does not fit as a {@link Problem}. It lists
 * files and reads the small properties files; snapshot contents are left for the document stage.
 */
public final class SnapshotFolder {
  static final String SOURCE_PROPERTIES = "source.properties";
  static final String DOCUMENT_PROPERTIES = "document.properties";

  private final Path root;
  private final Path realRoot;
  private final List<Problem> problems = new ArrayList<>();

  private SnapshotFolder(Path root) throws IOException {
    this.root = root;
    this.realRoot = root.toRealPath();
  }

  /**
   * Scans {@code root}.
   *
   * @throws IOException when {@code root} itself cannot be listed
   */
  public static SnapshotTree scan(Path root) throws IOException {
    SnapshotFolder folder = new SnapshotFolder(root);
    List<SourceInput> sources = folder.readSources();
    List<Problem> problems = new ArrayList<>(folder.problems);
    problems.sort(Comparator.comparing((Problem p) -> p.path().toString())
        .thenComparing(Problem::reason));
    return new SnapshotTree(sources, problems);
  }

  private List<SourceInput> readSources() throws IOException {
    Map<String, Path> folders = new TreeMap<>();
    for (Listed entry : list(root)) {
      if (isUsableFolder(entry)) {
        folders.put(entry.name(), entry.path());
      } else if (entry.regularFile()) {
        report(entry.path(), "a file at the top level, where only source folders belong;"
            + " ignored");
      }
    }
    List<SourceInput> sources = new ArrayList<>();
    Map<String, String> names = Slugs.assign(folders.keySet(), SiteLayout::takenAtRoot);
    for (Map.Entry<String, String> name : names.entrySet()) {
      readSource(folders.get(name.getKey()), name.getValue()).ifPresent(sources::add);
    }
    return sources;
  }

  private Optional<SourceInput> readSource(Path folder, String name) throws IOException {
    Properties properties = new Properties();
    FileStamp propertiesStamp = FileStamp.ABSENT;
    Map<String, Path> documentFolders = new TreeMap<>();
    for (Listed entry : list(folder)) {
      String fileName = entry.name();
      if (fileName.equals(SOURCE_PROPERTIES) && isUsableFile(entry)) {
        properties = readProperties(entry.path()).orElse(null);
        if (properties == null) {
          return Optional.empty();
        }
        propertiesStamp = entry.stamp();
      } else if (isUsableFolder(entry)) {
        documentFolders.put(fileName, entry.path());
      } else if (entry.regularFile()) {
        report(entry.path(), "a file in a source folder, where only document folders and "
            + SOURCE_PROPERTIES + " belong; ignored");
      }
    }
    Map<String, String> names = Slugs.assign(documentFolders.keySet(),
        SiteLayout::takenInSource);
    Properties sourceProperties = properties;
    // Documents are read on all cores: a large source has thousands of folders to list.
    List<DocumentInput> documents;
    try {
      documents = names.entrySet().parallelStream().map(documentName -> {
        try {
          return readDocument(documentFolders.get(documentName.getKey()), name,
              documentName.getValue(), sourceProperties);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).flatMap(Optional::stream).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (documents.isEmpty()) {
      if (documentFolders.isEmpty()) {
        report(folder, "no document folders");
      }
      return Optional.empty();
    }
    String folderName = folder.getFileName().toString();
    return Optional.of(new SourceInput(folder, name,
        nonBlank(properties.getProperty("name")).orElse(folderName),
        nonBlank(properties.getProperty("url")).orElse(null),
        nonBlank(properties.getProperty("description")).orElse(null),
        documents, propertiesStamp));
  }

  private Optional<DocumentInput> readDocument(Path folder, String source, String name,
      Properties sourceProperties) throws IOException {
    Properties properties = new Properties();
    FileStamp propertiesStamp = FileStamp.ABSENT;
    List<SnapshotFile> snapshots = new ArrayList<>();
    Map<Instant, Path> seen = new HashMap<>();
    List<Listed> entries = list(folder);
    for (Listed listed : entries) {
      Path entry = listed.path();
      String fileName = listed.name();
      if (fileName.equals(DOCUMENT_PROPERTIES) && isUsableFile(listed)) {
        Optional<Properties> read = readProperties(entry);
        if (read.isEmpty()) {
          return Optional.empty();
        }
        properties = read.get();
        propertiesStamp = listed.stamp();
      } else if (isUsableFolder(listed)) {
        report(entry, "a folder inside a document folder; ignored");
      } else if (isUsableFile(listed)) {
        snapshotFile(listed).ifPresent(snapshot -> {
          Path earlier = seen.putIfAbsent(snapshot.time(), entry);
          if (earlier != null) {
            report(entry, "same capture time as " + earlier.getFileName() + "; ignored");
          } else {
            snapshots.add(snapshot);
          }
        });
      }
    }
    Optional<DocumentSettings> settings = settings(folder, properties, sourceProperties);
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    if (snapshots.isEmpty()) {
      if (entries.stream().noneMatch(e -> !e.name().equals(DOCUMENT_PROPERTIES)
          && e.regularFile())) {
        report(folder, "empty document folder: no snapshot files");
      }
      return Optional.empty();
    }
    snapshots.sort(Comparator.comparing(SnapshotFile::time));
    return Optional.of(new DocumentInput(folder, source, name, settings.get(), snapshots,
        propertiesStamp));
  }

  private Optional<DocumentSettings> settings(Path folder, Properties document,
      Properties source) {
    String selector = nonBlank(document.getProperty("selector"))
        .or(() -> nonBlank(source.getProperty("selector"))).orElse(null);
    String ignore = nonBlank(document.getProperty("ignore"))
        .or(() -> nonBlank(source.getProperty("ignore"))).orElse(null);
    Pattern ignorePattern = null;
    if (ignore != null) {
      try {
        ignorePattern = Pattern.compile(ignore);
      } catch (PatternSyntaxException e) {
        // Building without it would publish every counter tick as a change: skip instead.
        report(folder.resolve(document.containsKey("ignore") ? DOCUMENT_PROPERTIES
            : "../" + SOURCE_PROPERTIES).normalize(),
            "invalid ignore pattern: " + e.getDescription() + "; document skipped");
        return Optional.empty();
      }
    }
    String status = nonBlank(document.getProperty("status")).orElse("active")
        .toLowerCase(Locale.ROOT);
    if (!status.equals("active") && !status.equals("frozen")) {
      report(folder.resolve(DOCUMENT_PROPERTIES),
          "unknown status '" + status + "' (expected active or frozen); read as active");
    }
    return Optional.of(new DocumentSettings(
        nonBlank(document.getProperty("title")).orElse(null),
        nonBlank(document.getProperty("url")).orElse(null),
        selector, ignorePattern, status.equals("frozen")));
  }

  private Optional<SnapshotFile> snapshotFile(Listed listed) {
    Path file = listed.path();
    String fileName = listed.name();
    int dot = fileName.lastIndexOf('.');
    String baseName = dot < 0 ? fileName : fileName.substring(0, dot);
    Optional<Format> format = Format.ofFileName(fileName);
    if (format.isEmpty()) {
      report(file, dot < 0 ? "no file extension (expected .html, .htm, .md, .markdown or .txt)"
          : "unknown extension " + fileName.substring(dot)
              + " (expected .html, .htm, .md, .markdown or .txt)");
      return Optional.empty();
    }
    Optional<Instant> time = CaptureTime.parse(baseName);
    if (time.isEmpty()) {
      report(file, CaptureTime.looksLikeTime(baseName)
          ? "impossible date or time in file name"
          : "file name is not a capture time (expected e.g. 2026-05-03T10-22-31Z" 
              + fileName.substring(dot) + ")");
      return Optional.empty();
    }
    return Optional.of(new SnapshotFile(file, fileName, time.get(), format.get(),
        listed.stamp()));
  }

  private Optional<Properties> readProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return Optional.of(properties);
    } catch (CharacterCodingException e) {
      report(file, "not valid UTF-8; its folder is skipped");
    } catch (IOException | IllegalArgumentException e) {
      report(file, "unreadable properties (" + e.getMessage() + "); its folder is skipped");
    }
    return Optional.empty();
  }

  /**
   * An entry of a folder, with what one look at it tells (folder and file following symbolic
   * links): a snapshot folder has many thousands of entries, and asking each question of the
   * file system in turn cost several calls per entry.
   */
  private record Listed(Path path, String name, boolean folder, boolean regularFile,
      boolean symbolicLink, FileStamp stamp) {
    static Listed of(Path path, String name) throws IOException {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        // Gone since it was listed.
        return new Listed(path, name, false, false, false, FileStamp.ABSENT);
      }
      boolean link = attributes.isSymbolicLink();
      if (link) {
        try {
          attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
          return new Listed(path, name, false, false, true, FileStamp.ABSENT);
        }
      }
      return new Listed(path, name, attributes.isDirectory(), attributes.isRegularFile(), link,
          FileStamp.of(attributes));
    }
  }

  /** Entries of a folder in name order; hidden entries (".git", ".DS_Store") are left out. */
  private List<Listed> list(Path folder) throws IOException {
    List<Listed> listed = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".")) {
          listed.add(Listed.of(entry, name));
        }
      }
    }
    listed.sort(Comparator.comparing(Listed::name));
    return listed;
  }

  private boolean isUsableFolder(Listed entry) {
    return entry.folder() && staysInside(entry);
  }

  private boolean isUsableFile(Listed entry) {
    if (!entry.regularFile()) {
      if (!entry.folder()) {
        report(entry.path(), entry.symbolicLink() ? "broken symbolic link"
            : "not a regular file");
      }
      return false;
    }
    return staysInside(entry);
  }

  /** Symbolic links are followed only while they stay inside the snapshot folder. */
  private boolean staysInside(Listed entry) {
    if (!entry.symbolicLink()) {
      return true;
    }
    try {
      if (entry.path().toRealPath().startsWith(realRoot)) {
        return true;
      }
      report(entry.path(), "symbolic link leaves the snapshot folder; ignored");
    } catch (IOException e) {
      report(entry.path(), "broken symbolic link");
    }
    return false;
  }

  private void report(Path path, String reason) {
    synchronized (problems) {
      problems.add(new Problem(path, reason));
    }
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }
}
