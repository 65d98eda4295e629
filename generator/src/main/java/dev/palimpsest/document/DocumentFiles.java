package dev.palimpsest.document;

import dev.palimpsest.write.SiteOutput;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A document's folder in the site being written. It keeps the names of the files written or
 * kept there, which the build cache records: listing the folder afterwards cost a walk of the
 * file system per document. Thread-safe.
 */
final class DocumentFiles {
  private final SiteOutput out;
  private final String dir;
  private final Queue<String> names = new ConcurrentLinkedQueue<>();

  /**
   * @param dir the folder from the site root, ending in "/"
   */
  DocumentFiles(SiteOutput out, String dir) {
    this.out = out;
    this.dir = dir;
  }

  /** Writes the file at {@code name} in this folder. */
  void writeText(String name, SiteOutput.TextContent content) throws IOException {
    out.writeText(dir + name, content);
    names.add(name);
  }

  /**
   * Keeps files of the current site in this folder, all or none.
   *
   * @throws NoSuchFileException when the current site lacks one of them
   */
  void keep(List<String> kept) throws IOException {
    if (!kept.isEmpty()) {
      out.keep(dir.substring(0, dir.length() - 1), kept);
      names.addAll(kept);
    }
  }

  /** A file of this folder as the current site has it. */
  byte[] readCurrent(String name) throws IOException {
    return out.read(dir + name);
  }

  /** The folder from the site root, ending in "/". */
  String dir() {
    return dir;
  }

  /** The files written or kept so far, in name order. */
  List<String> names() {
    return names.stream().sorted().toList();
  }
}
