package dev.palimpsest.cache;

import dev.palimpsest.read.DocumentInput;
import dev.palimpsest.read.FileStamp;
import dev.palimpsest.read.SnapshotFile;
import dev.palimpsest.read.SourceInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Content hashes of what a document's pages depend on, and cheap file-status fingerprints that
 * tell when a hash need not be computed again.
 */
public final class InputHashes {
  static final String SOURCE_PROPERTIES = "source.properties";
  static final String DOCUMENT_PROPERTIES = "document.properties";

  private InputHashes() {}

  /** The files a document's pages are built from: properties first, then its snapshots. */
  public static List<Path> inputs(SourceInput source, DocumentInput document) {
    List<Path> files = new ArrayList<>();
    files.add(source.folder().resolve(SOURCE_PROPERTIES));
    files.add(document.folder().resolve(DOCUMENT_PROPERTIES));
    for (SnapshotFile snapshot : document.snapshots()) {
      files.add(snapshot.path());
    }
    return files;
  }

  /**
   * Name, size and modification time of each input file of a document as the scan found them
   * (absent files count as such): when this is unchanged since the last build, the files are
   * taken to be unchanged too. Computed from the scan, without asking the file system again.
   *
   * <p>Not a cryptographic hash: it only tells whether files changed since the last build, for
   * every document of every build (a rebuild that finds nothing changed is mostly this and the
   * scan), where SHA-256 cost several times as much. Content hashes stay SHA-256.
   */
  public static String fingerprint(SourceInput source, DocumentInput document) {
    StampHash hash = new StampHash();
    hash.add(SOURCE_PROPERTIES);
    hash.add(source.properties());
    hash.add(DOCUMENT_PROPERTIES);
    hash.add(document.properties());
    for (SnapshotFile snapshot : document.snapshots()) {
      hash.add(snapshot.name());
      hash.add(snapshot.stamp());
    }
    return hash.hex();
  }

  /** 128 bits from two 64-bit hashes of different kinds (polynomial and FNV-1a). */
  private static final class StampHash {
    private long polynomial = 1125899906842597L;
    private long fnv = 0xcbf29ce484222325L;

    void add(String text) {
      for (int i = 0; i < text.length(); i++) {
        add(text.charAt(i));
      }
      add(0);
    }

    void add(FileStamp stamp) {
      add(stamp.size());
      add(stamp.modifiedMillis());
    }

    private void add(long value) {
      polynomial = 31 * polynomial + value;
      fnv = (fnv ^ value) * 0x100000001b3L;
    }

    String hex() {
      HexFormat hex = HexFormat.of();
      return hex.toHexDigits(polynomial) + hex.toHexDigits(fnv);
    }
  }

  /**
   * Name, size and modification time of each file (absent files count as such): when this is
   * unchanged since the last build, the files are taken to be unchanged too.
   */
  public static String fingerprint(List<Path> files) throws IOException {
    MessageDigest sha = sha256();
    for (Path file : files) {
      update(sha, file.getFileName().toString());
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        update(sha, attributes.size() + ":" + attributes.lastModifiedTime().toMillis());
      } catch (NoSuchFileException e) {
        update(sha, "absent");
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** SHA-256 over the names and contents of these files (absent files count as such). */
  public static String content(List<Path> files) throws IOException {
    MessageDigest sha = sha256();
    byte[] buffer = new byte[64 * 1024];
    for (Path file : files) {
      update(sha, file.getFileName().toString());
      if (!Files.isRegularFile(file)) {
        update(sha, "absent");
        continue;
      }
      update(sha, Long.toString(Files.size(file)));
      try (InputStream in = Files.newInputStream(file)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          sha.update(buffer, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * SHA-256 over the options every page depends on and the files of a templates folder, if
   * any: when it changes, every page is built again.
   */
  public static String global(List<String> options, Path templates) throws IOException {
    MessageDigest sha = sha256();
    for (String option : options) {
      update(sha, String.valueOf(option));
    }
    if (templates != null && Files.isDirectory(templates)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(templates)) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        update(sha, templates.relativize(file).toString().replace('\\', '/'));
        byte[] content = Files.readAllBytes(file);
        update(sha, Integer.toString(content.length));
        sha.update(content);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
