package dev.palimpsest.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A stamp of the folders of a site that hold some files: each folder's identity and
 * modification time, which change when a file is added to it, removed from it or renamed in it
 * (not when a file is rewritten in place). Taken after a build, it tells the next one, with a
 * look at each folder, that the files are still there, where listing every folder of a large
 * site was most of a rebuild.
 */
final class FolderStamp {
  private FolderStamp() {}

  /**
   * The stamp of the folders of {@code out} that hold these files; never 0, but when a folder
   * is missing.
   *
   * @param dir a folder relative to the site root
   * @param names files relative to {@code dir}, in order
   */
  static long of(Path out, String dir, List<String> names) throws IOException {
    long stamp = 17;
    String last = null;
    for (String name : names) {
      int slash = name.lastIndexOf('/');
      String folder = slash < 0 ? "" : name.substring(0, slash);
      if (folder.equals(last)) {
        continue;
      }
      last = folder;
      Path path = out.resolve(OutputPaths.checked(folder.isEmpty() ? dir : dir + "/" + folder));
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return 0;
      }
      stamp = mix(stamp, attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
      stamp = mix(stamp, Objects.hashCode(attributes.fileKey()));
    }
    return stamp == 0 ? 1 : stamp;
  }

  private static long mix(long stamp, long value) {
    long mixed = (stamp ^ value) * 0x9E3779B97F4A7C15L;
    return mixed ^ (mixed >>> 29);
  }
}
