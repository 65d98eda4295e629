package dev.palimpsest.cache;

import dev.palimpsest.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of built sites, to compare a rebuild with a full build and with what it replaced. */
final class SiteFiles {
  private SiteFiles() {}

  /** The site a build without any cache gives for {@code snapshots}, in a new folder. */
  static Map<String, String> fullBuild(Generator.Builder builder, Path snapshots, Path work)
      throws Exception {
    Path fresh = work.resolve("fresh-" + System.nanoTime()).resolve("site");
    builder.fullBuild(true).build().generate(snapshots, fresh);
    return contents(fresh);
  }

  /** Every file of a site and its bytes (as text, to make failures readable). */
  static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }

  /** Every file of a site with its identity (inode, where the file system has one) and time. */
  static Map<String, Object> identities(Path root) throws IOException {
    Map<String, Object> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        files.put(root.relativize(file).toString(),
            List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime()));
      }
    }
    return files;
  }
}
